import { Code, List, Paper, Text } from '@mantine/core';

/** The accounts of the fictional demo territories (see buildDemoTerritories in core). */
export function DemoAccountsHint() {
  return (
    <Paper withBorder p="md" radius="md" bg="blue.0">
      <Text fw={600} size="sm" mb={4}>
        Découvrir avec les territoires de démonstration
      </Text>
      <Text size="sm" mb="xs">
        Données fictives. Mot de passe de tous les comptes : <Code>mutualis-demo</Code>
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>
          Acheteur d’une collectivité membre : <Code>acheteur@demo.mutualis.fr</Code>
        </List.Item>
        <List.Item>
          Animateur du territoire : <Code>animation@demo.mutualis.fr</Code>
        </List.Item>
      </List>
    </Paper>
  );
}
