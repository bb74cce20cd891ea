import type { FamilyLeftOut } from './detect-opportunities';
import { formatEuros } from './format-euros';
import type { Opportunity } from './opportunity';

export interface ExplainOpportunityOptions {
  opportunity: Opportunity;
  needCount: number;
  unconfirmedNeeds: number;
  quantityIssue: string | null;
  familyIndex: number;
  leftOut: FamilyLeftOut;
  /** Why the zone is a département of a wider scope, when it is. */
  scopeNote?: string | null;
}

const CELL_WORDS: Record<Opportunity['cell']['scope'], string> = {
  territory: 'du territoire',
  region: 'de la même région',
  departement: 'du même département',
  epci: 'du même EPCI',
  distance: 'proches les unes des autres',
};

/** French explanation of an opportunity: why these needs are grouped and which needs of the family were left out. */
export function explainOpportunity({
  opportunity,
  needCount,
  unconfirmedNeeds,
  quantityIssue,
  familyIndex,
  leftOut,
  scopeNote = null,
}: ExplainOpportunityOptions): string {
  const { family, cell, members, buyerCount } = opportunity;
  const codes = family.cpvCodes.join(', ');
  const parts = [
    `${members.length} organisation(s) ${CELL_WORDS[cell.scope]} (${cell.label}), soit ${buyerCount} acheteurs distincts par SIREN, ont ${needCount} besoin(s) de la famille « ${family.label} » (CPV ${codes}) : ${formatEuros(opportunity.annualAmountCents)} HT par an au total.`,
  ];
  if (scopeNote !== null && cell.scope === 'departement') parts.push(scopeNote);
  if (opportunity.quantity)
    parts.push(
      `Quantités harmonisées : ${String(Math.round(opportunity.quantity.value)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} ${opportunity.quantity.unit}.`,
    );
  else parts.push(`Quantités non comparables (${quantityIssue}) : regroupement sur les montants seulement.`);
  if (unconfirmedNeeds > 0)
    parts.push(`${unconfirmedNeeds} besoin(s) proposé(s) (données importées) restent à confirmer par leur acheteur.`);
  const f = familyIndex;
  const alone = leftOut.singleOrganization[f] as number;
  const otherCells = (leftOut.included[f] as number) - needCount - alone;
  const rejected = leftOut.rejected[f] as number;
  const unconfirmed = leftOut.unconfirmed[f] as number;
  const outs: string[] = [];
  if (alone > 0) {
    const names = [...(leftOut.aloneNames[f] as string[])].sort().slice(0, 3).join(', ');
    outs.push(`${alone} besoin(s) d’une organisation seule dans sa zone (ex. : ${names})`);
  }
  if (otherCells > 0) outs.push(`${otherCells} besoin(s) d’autres zones, regroupés dans leur propre zone`);
  if (rejected > 0) outs.push(`${rejected} besoin(s) rejeté(s)`);
  if (unconfirmed > 0) outs.push(`${unconfirmed} besoin(s) non confirmé(s), exclus car l’analyse porte sur les besoins confirmés`);
  parts.push(
    outs.length > 0
      ? `Laissés de côté dans cette famille : ${outs.join(' ; ')}.`
      : 'Aucun autre besoin de cette famille n’est laissé de côté.',
  );
  return parts.join(' ');
}
