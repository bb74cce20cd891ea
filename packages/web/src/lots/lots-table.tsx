import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { DesignedLotDto } from '@mutualis/contract';
import { formatWholeEuros } from '../format/money';
import { formatNumber } from '../format/number';
import { unitName } from '../reference/units';
import { lotColor } from './lot-colors';
import { SecurityCell } from './security-cell';

const SOURCE_LABELS = {
  product: 'vend ce produit',
  producer: 'producteur potentiel',
  declaration: 'a déclaré son intérêt',
  joint: 'candidature groupée',
} as const;

/** The lots of the structure shown: volume, amount, eligible local firms and why each is eligible (and why nearby firms are not). */
export function LotsTable({ lots, k }: { lots: DesignedLotDto[]; k: number }) {
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped verticalSpacing="sm" aria-label="Lots du découpage">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Lot</Table.Th>
            <Table.Th>Volume annuel</Table.Th>
            <Table.Th>Montant annuel</Table.Th>
            <Table.Th>Entreprises locales éligibles</Table.Th>
            <Table.Th>Sécurité d’approvisionnement</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lots.map((lot, i) => (
            <Table.Tr key={lot.id}>
              <Table.Td>
                <Group gap={8} wrap="nowrap">
                  <svg width="14" height="14" aria-hidden>
                    <rect width="14" height="14" rx="3" fill={lotColor(i)} />
                  </svg>
                  <Text fw={600}>{lot.label}</Text>
                </Group>
                {lot.isReservable && (
                  <Badge size="xs" color="grape" variant="light">
                    Réservable (L2113-12/13)
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {Object.entries(lot.volumes)
                  .map(([unit, volume]) => `${formatNumber(Math.round(volume ?? 0))} ${unitName(unit, volume ?? 0)}`)
                  .join(' + ')}
              </Table.Td>
              <Table.Td>{formatWholeEuros(lot.amountCents)}</Table.Td>
              <Table.Td>
                <Stack gap={6}>
                  <Badge color={lot.isAccessible ? 'teal' : 'red'} variant="filled">
                    {lot.eligibleFirms.length} éligible{lot.eligibleFirms.length > 1 ? 's' : ''}
                    {lot.isAccessible ? '' : ` (moins de ${k})`}
                  </Badge>
                  {lot.eligibleFirms.map((f) => (
                    <div key={f.id}>
                      <Text size="sm" fw={500}>
                        {f.name}{' '}
                        <Text span size="xs" c="dimmed">
                          ({f.sources.map((s) => SOURCE_LABELS[s]).join(', ')})
                        </Text>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {f.explanation}
                      </Text>
                    </div>
                  ))}
                  {lot.ineligibleFirms.length > 0 && (
                    <details>
                      <summary>
                        <Text span size="xs">
                          {lot.ineligibleFirms.length} entreprise{lot.ineligibleFirms.length > 1 ? 's' : ''} proche
                          {lot.ineligibleFirms.length > 1 ? 's' : ''} mais non éligible{lot.ineligibleFirms.length > 1 ? 's' : ''} :
                          pourquoi
                        </Text>
                      </summary>
                      {lot.ineligibleFirms.map((f) => (
                        <Text key={f.id} size="xs" c="dimmed" mt={4}>
                          <Text span size="xs" fw={500} c="dark">
                            {f.name}
                          </Text>{' '}
                          — {f.explanation}
                        </Text>
                      ))}
                    </details>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td miw={260}>{lot.award && <SecurityCell security={lot.award.security} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
