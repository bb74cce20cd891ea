import { describeDecpCoverage } from '../decp/decp-publication-threshold';
import { getDepartement } from '../geo/communes';
import { formatCount } from '../pooling/format-count';
import { formatEuros } from '../pooling/format-euros';
import type { ObservatoryOpportunity } from './observatory';

const COVERAGE = describeDecpCoverage();

/**
 * Why an observatory opportunity exists, in French: who published what, and how the amounts are
 * read, and what the DECP leave out. Written when an opportunity is shown (a page holds a few dozen
 * of the country's tens of thousands).
 */
export function explainObservatoryOpportunity(o: ObservatoryOpportunity): string {
  const place = getDepartement(o.departementCode)?.ofName ?? o.departementCode;
  return `${formatCount(o.buyerCount)} acheteurs publics distincts (SIREN) situés dans le département ${place} ont publié ${formatCount(o.contractCount)} marché${o.contractCount > 1 ? 's' : ''} de la classe CPV ${o.family.code.slice(0, 4)} (« ${o.family.label} ») dans les données essentielles de la commande publique : ${formatEuros(o.annualAmountCents)} HT par an au total. Chaque montant est ramené à l’année sur la durée du marché, reconductions comprises ; des marchés successifs d’un même achat comptent une fois, pour le marché en cours (ou le dernier) ; les montants fictifs ou aberrants sont écartés tant qu’ils ne sont pas confirmés ; pour un accord-cadre, le montant publié est son maximum, ce qui surestime l’ordre de grandeur. ${COVERAGE} À confirmer auprès des acheteurs.`;
}
