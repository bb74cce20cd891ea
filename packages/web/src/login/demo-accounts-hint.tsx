import { Code, Paper, Table, Text } from '@mantine/core';

// Accounts of the fictional demo territories, as seeded from buildDemoTerritories (packages/core/src/demo).
const DEMO_ACCOUNTS = [
  { email: 'achats@bas-rhin.demo', who: 'Acheteur, Département du Bas-Rhin' },
  { email: 'animatrice@alsace.demo', who: 'Animatrice du territoire Alsace' },
  { email: 'observateur@mutualis.demo', who: 'Observateur (lecture seule)' },
];

export function DemoAccountsHint() {
  return (
    <Paper withBorder p="md" radius="md" bg="blue.0">
      <Text fw={600} size="sm">
        Découvrir avec les territoires de démonstration
      </Text>
      <Text size="sm" mb="xs">
        Données fictives. Mot de passe de tous les comptes : <Code>mutualis-demo</Code>
      </Text>
      <Table fz="sm" verticalSpacing={2} horizontalSpacing={0}>
        <Table.Tbody>
          {DEMO_ACCOUNTS.map((account) => (
            <Table.Tr key={account.email}>
              <Table.Td pr="sm">
                <Code>{account.email}</Code>
              </Table.Td>
              <Table.Td>{account.who}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
