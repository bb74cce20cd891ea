import { formatQuantityInUnitFr } from '../units/format-quantity-in-unit-fr';
import { countFr } from '../french/count-fr';
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
    `${countFr(members.length, 'organisation')} ${CELL_WORDS[cell.scope]} (${cell.label}), soit ${countFr(buyerCount, 'acheteur distinct', 'acheteurs distincts')} par SIREN, ${members.length > 1 ? 'ont' : 'a'} ${countFr(needCount, 'besoin')} de la famille « ${family.label} » (CPV ${codes}) : ${formatEuros(opportunity.annualAmountCents)} HT par an au total.`,
  ];
  if (scopeNote !== null && cell.scope === 'departement') parts.push(scopeNote);
  if (opportunity.quantity)
    parts.push(`Quantités harmonisées : ${formatQuantityInUnitFr(opportunity.quantity.value, opportunity.quantity.unit)}.`);
  else parts.push(`Quantités non comparables (${quantityIssue}) : regroupement sur les montants seulement.`);
  if (unconfirmedNeeds > 0)
    parts.push(
      `${countFr(unconfirmedNeeds, 'besoin proposé')} (données importées) ${unconfirmedNeeds > 1 ? 'restent' : 'reste'} à confirmer par leur acheteur.`,
    );
  const f = familyIndex;
  const alone = leftOut.singleOrganization[f] as number;
  const otherCells = (leftOut.included[f] as number) - needCount - alone;
  const rejected = leftOut.rejected[f] as number;
  const unconfirmed = leftOut.unconfirmed[f] as number;
  const outs: string[] = [];
  if (alone > 0) {
    const names = [...(leftOut.aloneNames[f] as string[])].sort().slice(0, 3).join(', ');
    outs.push(`${countFr(alone, 'besoin')} d’une organisation seule dans sa zone (ex. : ${names})`);
  }
  if (otherCells > 0)
    outs.push(`${countFr(otherCells, 'besoin')} d’autres zones, ${otherCells > 1 ? 'regroupés' : 'regroupé'} dans leur propre zone`);
  if (rejected > 0) outs.push(countFr(rejected, 'besoin rejeté'));
  if (unconfirmed > 0)
    outs.push(
      `${countFr(unconfirmed, 'besoin non confirmé', 'besoins non confirmés')}, ${unconfirmed > 1 ? 'exclus' : 'exclu'} car l’analyse porte sur les besoins confirmés`,
    );
  parts.push(
    outs.length > 0
      ? `Laissés de côté dans cette famille : ${outs.join(' ; ')}.`
      : 'Aucun autre besoin de cette famille n’est laissé de côté.',
  );
  return parts.join(' ');
}
