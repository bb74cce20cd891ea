import { Paper, Table, Text, Title } from '@mantine/core';
import type { AuditEntryDto } from '@mutualis/contract';

const ROLE_LABELS: Record<string, string> = {
  facilitator: 'Animateur',
  member: 'Acheteur membre',
  observer: 'Observateur',
  supplier: 'Fournisseur',
};
const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

/** The append-only trail: who did what, when. */
export function AuditTrail({ items }: { items: AuditEntryDto[] }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h3" mb="xs">
        Journal des décisions
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Chaque étape, signature, attribution et saisie y est inscrite ; le journal ne peut être ni modifié ni effacé.
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed">Rien n’a encore été enregistré.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label="Journal des décisions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Quand</Table.Th>
                <Table.Th>Qui</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Détail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...items].reverse().map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{when.format(new Date(e.at))}</Table.Td>
                  <Table.Td>{`${e.userName} (${ROLE_LABELS[e.role] ?? e.role})`}</Table.Td>
                  <Table.Td>{e.actionLabel}</Table.Td>
                  <Table.Td>{e.summary}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
