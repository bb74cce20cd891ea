import type {
  ObservatoryDepartementsDto,
  ObservatoryListDto,
  ObservatoryOpportunityDetailDto,
  ObservatoryOpportunityDto,
} from '@mutualis/contract';
import {
  DomainError,
  explainObservatoryOpportunity,
  familyCodeOf,
  getDepartement,
  listDepartements,
  type ObservatoryOpportunity,
} from '@mutualis/core';
import type { ObservatoryEvidenceContract } from '@mutualis/db';
import type { ObservatorySnapshot } from './observatory-service';

function sourceOf(snapshot: ObservatorySnapshot) {
  return { contractCount: snapshot.observatory.contractCount, buyerCount: snapshot.observatory.buyers.size, updatedAt: snapshot.updatedAt };
}

function toDto(o: ObservatoryOpportunity, rank: number): ObservatoryOpportunityDto {
  const members = o.members.map(({ siret, name, annualAmountCents, contractCount }) => ({ siret, name, annualAmountCents, contractCount }));
  return { ...o, rank, members, explanation: explainObservatoryOpportunity(o) };
}

/** Every département of France with its counts of opportunities (rarely pooled ones apart). */
export function presentDepartements(snapshot: ObservatorySnapshot): ObservatoryDepartementsDto {
  const departements = listDepartements()
    .map(({ code, name, regionCode }) => {
      const ranked = snapshot.observatory.ranked.get(code) ?? [];
      const rareCount = ranked.reduce((n, o) => n + (o.poolability.isRare ? 1 : 0), 0);
      return { code, name, regionCode, opportunityCount: ranked.length - rareCount, rareCount };
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { departements, source: sourceOf(snapshot) };
}

/** The département named by `code`, or a 404 naming it. */
export function departementOf(code: string): { code: string; name: string; ofName: string } {
  const departement = getDepartement(code);
  if (!departement) throw new DomainError('not_found', `Département « ${code} » inconnu.`);
  return { code: departement.code, name: departement.name, ofName: departement.ofName };
}

export interface ObservatoryPageOptions {
  includeRare: boolean;
  limit: number;
  offset: number;
}

/** One page of a département's ranked opportunities; the rarely pooled ones only on request. */
export function presentDepartementOpportunities(
  snapshot: ObservatorySnapshot,
  code: string,
  page: ObservatoryPageOptions,
): ObservatoryListDto {
  const departement = departementOf(code);
  const ranked = snapshot.observatory.ranked.get(departement.code) ?? [];
  const rareCount = ranked.reduce((n, o) => n + (o.poolability.isRare ? 1 : 0), 0);
  const shown = page.includeRare ? ranked : ranked.filter((o) => !o.poolability.isRare);
  return {
    departement,
    items: shown.slice(page.offset, page.offset + page.limit).map((o, i) => toDto(o, page.offset + i + 1)),
    total: shown.length,
    limit: page.limit,
    offset: page.offset,
    rareCount,
    source: sourceOf(snapshot),
  };
}

/** The opportunity of a département and CPV class, or a 404. */
export function findObservatoryOpportunity(
  snapshot: ObservatorySnapshot,
  code: string,
  familyCode: string,
): { opportunity: ObservatoryOpportunity; rank: number } {
  const departement = departementOf(code);
  const ranked = snapshot.observatory.ranked.get(departement.code) ?? [];
  const index = ranked.findIndex((o) => o.family.code === familyCode);
  const opportunity = ranked[index];
  if (opportunity === undefined)
    throw new DomainError(
      'not_found',
      `Aucune opportunité de la famille CPV ${familyCode} dans le département ${departement.ofName} d’après les données ouvertes.`,
    );
  return { opportunity, rank: index + 1 };
}

/** The opportunity with the published contracts it comes from (those of its class, as the observatory counted them). */
export function presentObservatoryOpportunity(
  snapshot: ObservatorySnapshot,
  found: { opportunity: ObservatoryOpportunity; rank: number },
  evidence: readonly ObservatoryEvidenceContract[],
): ObservatoryOpportunityDetailDto {
  const { opportunity, rank } = found;
  const names = new Map(opportunity.members.map((m) => [m.siret, m.name]));
  const contracts = evidence
    .filter((c) => familyCodeOf(c.cpvCode, 'class') === opportunity.family.code)
    .map((c) => ({
      ...c,
      buyerName: names.get(c.buyerSiret) ?? c.buyerSiret,
      // A placeholder or aberrant amount not confirmed yet is shown, never annualised as if counted.
      annualAmountCents:
        !c.isCounted || c.amountCents === null || c.durationMonths <= 0 ? null : Math.round((c.amountCents * 12) / c.durationMonths),
    }));
  return { ...toDto(opportunity, rank), contracts, source: sourceOf(snapshot) };
}

/** The CPV prefix that selects a family's contracts (its significant digits), for the evidence query. */
export function evidencePrefixOf(familyCode: string): string {
  return familyCode.replace(/0+$/, '').padEnd(2, '0');
}
