import { Table, Text } from '@mantine/core';
import type { InterestListDto, PublicConsultationDto } from '@mutualis/contract';
import { useApi } from '../api/use-api';
import { formatNumber } from '../format/number';
import { unitName } from '../reference/units';

/** The declarations of interest received for a consultation (facilitator and observer). */
export function InterestsList({ consultation }: { consultation: PublicConsultationDto }) {
  const { data } = useApi<InterestListDto>(`/forecast/${encodeURIComponent(consultation.id)}/interests`);
  if (!data) return null;
  if (data.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucune déclaration d’intérêt pour l’instant.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={`Déclarations d’intérêt pour ${consultation.title}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Entreprise</Table.Th>
            <Table.Th>Lot</Table.Th>
            <Table.Th>Capacité déclarée</Table.Th>
            <Table.Th>Éligible au lot</Table.Th>
            <Table.Th>Commentaire de l’entreprise</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((d) => (
            <Table.Tr key={`${d.lotId}-${d.firm.id}`}>
              <Table.Td>{d.firm.name}</Table.Td>
              <Table.Td>{consultation.lots.find((l) => l.id === d.lotId)?.label ?? d.lotId}</Table.Td>
              <Table.Td>
                {formatNumber(d.capacity)} {unitName(d.unit, d.capacity)}
              </Table.Td>
              <Table.Td>{d.eligibility}</Table.Td>
              <Table.Td>{d.comment || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
