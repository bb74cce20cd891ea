import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { avoidedProceduresListFr, PROCEDURE_COSTS_PROVENANCE_FR } from '@mutualis/contract';
import { formatWholeEuros } from '../format/money';
import type { SavingsDetail } from './opportunity-types';
import { publishedRangeText } from './savings-components';

const dateFr = (iso: string | null) => {
  if (iso === null) return 'non daté';
  const [y, m, d] = iso.split('-');
  return d ? `${d}/${m}/${y}` : m ? `${m}/${y}` : (y ?? iso);
};

/** « (1 procédure adaptée à 3 162 €, 1 procédure formalisée à 3 661 €) », or nothing when no procedure is avoided. */
const avoidedByKind = (avoided: SavingsDetail['procedureCycle']['avoided']) =>
  avoided.length === 0 ? '' : ` (${avoidedProceduresListFr(avoided, formatWholeEuros)})`;

/** The published evidence the figure rests on: segment, range, why, what each source measured; the procedure cycle. */
export function SavingsEvidence({ savings }: { savings: SavingsDetail }) {
  const { provenance, procedureCycle: cycle } = savings;
  return (
    <Stack gap="xs" data-testid="savings-evidence">
      {provenance.kind === 'supply_security' ? (
        <Alert color="blue" variant="light" title={`${provenance.segment} : pas d’économie de prix attendue`} data-testid="zero-gain">
          {provenance.benefit}
        </Alert>
      ) : (
        <Text size="sm" data-testid="published-range">
          {`Fourchette publiée pour « ${provenance.segment} » : ${publishedRangeText(provenance.range)} du montant annuel${
            savings.isCapped.central || savings.isCapped.high ? ' ; chaque membre y est plafonné (le modèle donnait davantage).' : '.'
          }`}
        </Text>
      )}
      <Text size="sm">{provenance.rationale}</Text>
      <Text size="sm" fw={600}>
        Sources publiées
      </Text>
      <List size="sm" spacing={4} data-testid="savings-sources">
        {provenance.sources.map((s) => (
          <List.Item key={s.id}>
            <Anchor href={s.url} target="_blank" rel="noreferrer" size="sm">
              {s.citation}
            </Anchor>
            {` — ${s.measureLabel}, ${dateFr(s.publishedOn)} : ${s.finding}`}
          </List.Item>
        ))}
      </List>
      <Text size="sm" data-testid="procedure-cycle">
        {`Procédures : ${cycle.avoidedProcedures} ${cycle.avoidedProcedures > 1 ? 'évitées' : 'évitée'} une fois par cycle${avoidedByKind(cycle.avoided)}, moins ${formatWholeEuros(cycle.coordinationCostCents)} de coordination, soit ${formatWholeEuros(cycle.perCycleCents)} par cycle de ${cycle.contractMonths} mois (${formatWholeEuros(savings.procedural)} par an).`}
      </Text>
      <Text size="xs" c="dimmed" data-testid="procedure-costs-provenance">
        {PROCEDURE_COSTS_PROVENANCE_FR}
      </Text>
      <Text size="xs" c="dimmed">
        {`Preuves relues le ${dateFr(provenance.checkedOn)} (version ${provenance.evidenceVersion}).`}
      </Text>
    </Stack>
  );
}
