import { Badge, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { SourcingResultDto } from '@mutualis/contract';

/**
 * What the local chain needs before a firm can answer: the product's blocking prerequisites, the joint
 * bids that meet them, and the checklist of authorisations with their authority, usual delay and deadline.
 */
export function ChainPrerequisites({ result }: { result: SourcingResultDto }) {
  if (result.prerequisites.length === 0 && result.jointBids.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h3" mb="xs">
        Prérequis, cotraitance et autorisations
      </Title>
      <Text size="sm" mb="sm">
        Prérequis bloquants du produit (sans eux, une entreprise ne peut pas répondre, quelle que soit sa couverture de compétences) :{' '}
        {result.prerequisites.map((p) => p.label).join(' ; ')}.
      </Text>
      {result.jointBids.length > 0 && (
        <Stack gap={4} mb="sm">
          <Title order={3} size="h4">
            Candidatures groupées proposées
          </Title>
          <List size="sm" aria-label="Candidatures groupées proposées">
            {result.jointBids.map((j) => (
              <List.Item key={`${j.leadId}+${j.partnerIds.join('+')}`}>
                <b>{j.name}</b> : {j.coveredCount} compétences sur {j.competenceCount}. {j.explanation}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {result.checklist && (
        <>
          <Title order={3} size="h4" mb={4}>
            Autorisations à obtenir : liste de contrôle
          </Title>
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label="Autorisations à obtenir">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Étape</Table.Th>
                  <Table.Th>Autorité</Table.Th>
                  <Table.Th>Délai habituel</Table.Th>
                  <Table.Th>À engager avant le</Table.Th>
                  <Table.Th>État</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.checklist.map((item) => (
                  <Table.Tr key={item.code}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {item.labelFr}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {item.article}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.authority ?? 'Aucune (capacité de l’entreprise)'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.usualDelayDays} jours</Text>
                      <Text size="xs" c="dimmed">
                        {item.delayNote}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} c={item.isLate ? 'red' : undefined}>
                        {frenchDate(item.deadline)}
                        {item.isLate ? ' (dépassé)' : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={item.status === 'held' ? 'teal' : 'orange'} variant="light" tt="none">
                        {item.status === 'held' ? 'acquis' : 'à obtenir'}
                      </Badge>
                      {item.heldBy.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {item.status === 'held' ? 'Détenu par' : 'Peut le préparer'} : {item.heldBy.join(', ')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt={4}>
            Dates comptées à rebours depuis le démarrage proposé du marché groupé ; délais en ordre de grandeur, à confirmer auprès de
            chaque autorité.
          </Text>
        </>
      )}
    </Paper>
  );
}

function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
