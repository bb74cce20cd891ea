import type { RangeDatum } from '../charts/range-chart';
import type { SavingsDetail } from './opportunity-types';

const point = (label: string, hint: string, value: number): RangeDatum => ({ label, hint, low: value, central: value, high: value });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/** "0 % à 15 %": a published range of shares. */
export function publishedRangeText(range: SavingsDetail['provenance']['range']): string {
  return `${percent.format(range.low)} à ${percent.format(range.high)}`;
}

/**
 * Rows of the savings chart: price savings as calibrated against the published range, then the
 * procedural part (per year: one cycle over the contract). The API gives the procedural part net
 * (avoided procedures − coordination); the coordinator's own line splits it when visible.
 */
export function savingsComponents(detail: SavingsDetail): RangeDatum[] {
  const coordinatorLine = detail.members.find((m) => m.organizationId === detail.coordinatorId);
  const procedural =
    coordinatorLine && coordinatorLine.procedural <= 0
      ? [
          point('Coûts de procédure évités', 'une fois par cycle, répartis sur la durée', detail.procedural - coordinatorLine.procedural),
          point('Coût de coordination', 'à la charge du coordonnateur', coordinatorLine.procedural),
        ]
      : [point('Procédures évitées', 'net du coût de coordination', detail.procedural)];
  const priceHint =
    detail.provenance.kind === 'supply_security'
      ? 'famille sans effet prix publié'
      : `fourchette publiée ${publishedRangeText(detail.provenance.range)}`;
  return [
    { label: 'Économie sur les prix', hint: priceHint, ...detail.price },
    ...procedural,
    { label: 'Total par an', ...detail.total, isTotal: true },
  ];
}

/** "b = 0 / 0,03 / 0,06". */
export function elasticityText(e: SavingsDetail['elasticity']): string {
  const f = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
  return `basse ${f.format(e.low)} · centrale ${f.format(e.central)} · haute ${f.format(e.high)}`;
}
