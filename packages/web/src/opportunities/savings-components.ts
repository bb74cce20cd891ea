import type { RangeDatum } from '../charts/range-chart';
import type { SavingsDetail } from './opportunity-types';

const point = (label: string, hint: string, value: number): RangeDatum => ({ label, hint, low: value, central: value, high: value });

/**
 * Rows of the savings chart. The API gives the procedural part net (avoided procedures − coordination);
 * the coordinator's own line (it avoids nothing and bears the coordination cost) splits it when visible.
 */
export function savingsComponents(detail: NonNullable<SavingsDetail>): RangeDatum[] {
  const coordinatorLine = detail.members.find((m) => m.organizationId === detail.coordinatorId);
  const procedural =
    coordinatorLine && coordinatorLine.procedural <= 0
      ? [
          point('Coûts de procédure évités', 'une procédure au lieu d’une par acheteur', detail.procedural - coordinatorLine.procedural),
          point('Coût de coordination', 'à la charge du coordonnateur', coordinatorLine.procedural),
        ]
      : [point('Procédures évitées', 'net du coût de coordination', detail.procedural)];
  return [
    { label: 'Harmonisation des prix', hint: 'chacun vers le prix des mieux-disants', ...detail.priceHarmonisation },
    { label: 'Effet volume', hint: 'remise due au volume mutualisé', ...detail.volumeEffect },
    ...procedural,
    { label: 'Total par an', ...detail.total, isTotal: true },
  ];
}

/** "b = 0 / 0,03 / 0,06". */
export function elasticityText(e: NonNullable<SavingsDetail>['elasticity']): string {
  const f = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
  return `basse ${f.format(e.low)} · centrale ${f.format(e.central)} · haute ${f.format(e.high)}`;
}
