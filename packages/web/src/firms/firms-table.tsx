import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { FirmDto } from '@mutualis/contract';
import { formatNumber } from '../format/number';
import { departementLabel } from '../reference/departements';
import { unitName } from '../reference/units';

interface FirmsTableProps {
  firms: FirmDto[];
  competenceLabels: ReadonlyMap<string, string>;
}

/** The firm directory: what each firm can do, sell and deliver, and the members' contracts it holds. */
export function LocalFirmsTable({ firms, competenceLabels }: FirmsTableProps) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped verticalSpacing="sm" aria-label="Entreprises du territoire">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Entreprise</Table.Th>
            <Table.Th>Compétences</Table.Th>
            <Table.Th>Produits et capacités annuelles</Table.Th>
            <Table.Th>Rayon de livraison</Table.Th>
            <Table.Th>Marchés en cours avec les membres</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {firms.map((firm) => (
            <Table.Tr key={firm.id}>
              <Table.Td>
                <Text fw={600}>{firm.name}</Text>
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    {departementLabel(firm.departementCode)}
                  </Text>
                  {firm.profile.isSme && (
                    <Badge size="xs" variant="light" color="teal">
                      PME
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td miw={260} maw={360}>
                <Group gap={4}>
                  {firm.profile.competences.map((code) => (
                    // A plain pill, not a Mantine Badge: a Badge never wraps, so a long competence ran over the next column.
                    <Text
                      key={code}
                      span
                      size="xs"
                      fw={600}
                      c="gray.7"
                      px={8}
                      py={1}
                      maw="100%"
                      style={{
                        display: 'inline-block',
                        border: '1px solid var(--mantine-color-gray-5)',
                        borderRadius: 12,
                        lineHeight: 1.35,
                      }}
                    >
                      {competenceLabels.get(code) ?? code}
                    </Text>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {firm.profile.products.map((p) => (
                    <Text key={`${p.cpvCode}-${p.label}`} size="sm">
                      {p.label}{' '}
                      <Text span c="dimmed" size="xs">
                        CPV {p.cpvCode} ·{' '}
                        {p.annualCapacity === null
                          ? 'capacité non publiée'
                          : `${formatNumber(p.annualCapacity)} ${unitName(p.unit, p.annualCapacity)}/an`}
                      </Text>
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>{formatNumber(firm.profile.deliveryRadiusKm)} km</Table.Td>
              <Table.Td>
                {firm.contractsHeld.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Aucun
                  </Text>
                ) : (
                  firm.contractsHeld.map((c) => (
                    <Text key={c.reference} size="sm">
                      {c.label} — {c.buyerName}
                    </Text>
                  ))
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
