import { Table, Text } from '@mantine/core';
import { formatWholeEuros } from '../format/money';
import type { ProcedureDetail } from './opportunity-types';
import { ProcedureBadge } from './procedure-badge';

interface ThresholdCrossingProps {
  procedure: ProcedureDetail;
  names: ReadonlyMap<string, string>;
}

/** Each member whose procedure gets heavier by pooling: alone (kind, value) against pooled. */
export function ThresholdCrossing({ procedure, names }: ThresholdCrossingProps) {
  const crossing = procedure.thresholdCrossed.members;
  if (!procedure.thresholdCrossed.isCrossed || crossing.length === 0)
    return (
      <Text size="sm">Aucun membre ne change de procédure en se groupant : chacun passerait la même procédure (ou plus lourde) seul.</Text>
    );
  return (
    <>
      <Text size="sm" mb={4}>
        Seuil franchi : en se groupant, ces membres passent à une procédure plus lourde que s’ils achetaient seuls (délais de publicité plus
        longs, avis au JOUE, commission d’appel d’offres). En contrepartie, une seule procédure remplace celles de chaque membre, et le
        volume mutualisé pèse sur les prix.
      </Text>
      <Table withTableBorder verticalSpacing={4} fz="sm" aria-label="Procédure de chaque membre seul et groupé">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Membre</Table.Th>
            <Table.Th ta="right">Valeur s’il achetait seul</Table.Th>
            <Table.Th>Procédure seul</Table.Th>
            <Table.Th>Procédure groupé</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {crossing.map((m) => (
            <Table.Tr key={m.organizationId}>
              <Table.Td>{names.get(m.organizationId) ?? m.organizationId}</Table.Td>
              <Table.Td ta="right">{m.aloneValueCents === null ? 'non communiquée' : formatWholeEuros(m.aloneValueCents)}</Table.Td>
              <Table.Td>
                <ProcedureBadge kind={m.aloneKind} isThresholdCrossed={false} size="sm" />
              </Table.Td>
              <Table.Td>
                <ProcedureBadge kind={procedure.kind} isThresholdCrossed={false} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
