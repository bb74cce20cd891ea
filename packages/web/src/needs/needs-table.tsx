import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { Need, NeedStatus } from '../api/types';
import { formatEuros } from '../format/money';
import { formatNumber } from '../format/number';
import { CONFIDENCE_LABELS } from '../reference/labels';
import { unitName } from '../reference/units';
import { NeedRowActions } from './need-row-actions';
import { NeedStatusBadge } from './need-status-badge';

interface NeedsTableProps {
  needs: Need[];
  /** A newer page or search is loading: dim the rows shown. */
  isStale: boolean;
  cpvLabel: (code: string) => string | null;
  canEdit: boolean;
  onEdit: (need: Need) => void;
  onDelete: (need: Need) => void;
  onSetStatus: (need: Need, status: NeedStatus) => void;
}

function quantityText(need: Need): string {
  if (need.quantity === null) return '—';
  const pack = need.unitsPerPack ? ` de ${formatNumber(need.unitsPerPack)}` : '';
  return `${formatNumber(need.quantity)} ${unitName(need.unit, need.quantity)}${pack}`.trim();
}

export function NeedsTable({ needs, isStale, cpvLabel, canEdit, onEdit, onDelete, onSetStatus }: NeedsTableProps) {
  return (
    <Table.ScrollContainer minWidth={1000} style={{ opacity: isStale ? 0.5 : 1, transition: 'opacity 150ms' }} aria-busy={isStale}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Besoins recensés">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={230}>Code CPV</Table.Th>
            <Table.Th>Libellé</Table.Th>
            <Table.Th ta="right">Quantité annuelle</Table.Th>
            <Table.Th ta="right">Prix unitaire HT</Table.Th>
            <Table.Th ta="right">Montant annuel HT</Table.Th>
            <Table.Th>Fiabilité</Table.Th>
            <Table.Th>Statut</Table.Th>
            {canEdit && (
              <Table.Th ta="right">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {needs.map((need) => (
            <Table.Tr key={need.id} c={need.status === 'rejected' ? 'dimmed' : undefined}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {need.cpvCode}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {cpvLabel(need.cpvCode) ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>{need.label}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {quantityText(need)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatEuros(need.unitPriceCents)}
                {need.unitPriceCents !== null && need.unit && (
                  <Text span size="xs" c="dimmed">
                    {` / ${unitName(need.unit)}`}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600}>
                  {formatEuros(need.annualAmountCents)}
                </Text>
                {need.amountIsDerived && (
                  <Text size="xs" c="dimmed">
                    calculé
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{CONFIDENCE_LABELS[need.confidence]}</Table.Td>
              <Table.Td>
                <NeedStatusBadge need={need} />
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <NeedRowActions need={need} onEdit={onEdit} onDelete={onDelete} onSetStatus={onSetStatus} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
