import { getCpv } from '../cpv/cpv-catalog';
import { familyCodeOf, proposeBuyerNeeds } from '../decp/propose-decp-needs';
import { getDepartement } from '../geo/communes';
import { sirenOf } from '../identity/siret';
import { createPoolabilityAssessor } from '../pooling/assess-poolability';
import { formatCount } from '../pooling/format-count';
import { formatEuros } from '../pooling/format-euros';
import { rankOpportunities } from '../pooling/rank-opportunities';
import type {
  BuyerContracts,
  Observatory,
  ObservatoryBuyer,
  ObservatoryContract,
  ObservatoryNeed,
  ObservatoryOpportunity,
} from './observatory';

type BuyerEntry = { buyer: ObservatoryBuyer; needs: ReadonlyMap<string, ObservatoryNeed> };

/**
 * Applies buyers' contract lists to an observatory, copying on write: the maps of the source are
 * copied once, a cell's member map the first time the cell is touched, so the source stays intact
 * and what no buyer of the batch touched is shared. `finish` recomputes the touched cells only.
 */
export class ObservatoryWriter {
  readonly #buyers: Map<string, BuyerEntry>;
  readonly #cells: Map<string, ReadonlyMap<string, ObservatoryNeed>>;
  readonly #source: Observatory;
  readonly #touched = new Set<string>();
  #contractCount: number;
  readonly #familyOf = new Map<string, string>();
  readonly #assess = createPoolabilityAssessor();

  constructor(source: Observatory) {
    this.#source = source;
    this.#buyers = new Map(source.buyers);
    this.#cells = new Map(source.cells);
    this.#contractCount = source.contractCount;
  }

  /**
   * Replaces everything known of `buyer` by `contracts` (an empty list removes the buyer). Only the
   * cells whose need of this buyer changed are touched: a daily delta hands each touched buyer's
   * whole list, most of whose families did not move.
   */
  apply({ buyer, contracts }: BuyerContracts): void {
    const previous = this.#buyers.get(buyer.siret);
    const needs = this.#needsOf(buyer, contracts);
    // Same place and name: the buyer's unchanged needs leave their cells (and opportunities) as they are.
    const kept =
      previous !== undefined && previous.buyer.departementCode === buyer.departementCode && previous.buyer.name === buyer.name
        ? previous.needs
        : undefined;
    for (const [family, need] of previous?.needs ?? []) {
      this.#contractCount -= need.contractCount;
      if (kept === undefined || !isSameNeed(needs.get(family), need))
        this.#editCell(previous?.buyer.departementCode ?? '', family).delete(buyer.siret);
    }
    if (needs.size === 0) this.#buyers.delete(buyer.siret);
    else this.#buyers.set(buyer.siret, { buyer, needs });
    for (const [family, need] of needs) {
      this.#contractCount += need.contractCount;
      if (kept === undefined || !isSameNeed(kept.get(family), need)) this.#editCell(buyer.departementCode, family).set(buyer.siret, need);
    }
  }

  /**
   * Per CPV class, the needs `proposeDecpNeeds` proposes from these contracts (a chain of
   * successive contracts of one purchase counted once, at its current or latest contract's yearly
   * amount), summed over the class.
   */
  #needsOf(buyer: ObservatoryBuyer, contracts: readonly ObservatoryContract[]): Map<string, ObservatoryNeed> {
    const needs = new Map<string, ObservatoryNeed>();
    if (contracts.length === 0) return needs;
    const proposals = proposeBuyerNeeds(buyer.siret, contracts);
    for (const proposal of proposals) {
      const family = this.#family(proposal.cpvCode);
      const need = needs.get(family);
      // The map and its needs are this call's own until returned: summing in place.
      if (need === undefined) needs.set(family, { annualCents: proposal.annualAmountCents, contractCount: proposal.contractCount });
      else {
        need.annualCents += proposal.annualAmountCents;
        need.contractCount += proposal.contractCount;
      }
    }
    return needs;
  }

  /** The observatory with every touched cell's opportunity recomputed and its département re-ranked. */
  finish(): Observatory {
    const opportunities = new Map(this.#source.opportunities);
    const departements = new Set<string>();
    for (const key of this.#touched) {
      const [departementCode = '', family = ''] = key.split('|');
      departements.add(departementCode);
      const members = this.#cells.get(key);
      const opportunity = members === undefined ? null : this.#opportunity(departementCode, family, members);
      if (members !== undefined && members.size === 0) this.#cells.delete(key);
      if (opportunity === null) opportunities.delete(key);
      else opportunities.set(key, opportunity);
    }
    const ranked = new Map(this.#source.ranked);
    const byDepartement = new Map<string, ObservatoryOpportunity[]>();
    for (const [key, opportunity] of opportunities) {
      const departementCode = key.slice(0, key.indexOf('|'));
      if (!departements.has(departementCode)) continue;
      const list = byDepartement.get(departementCode);
      if (list) list.push(opportunity);
      else byDepartement.set(departementCode, [opportunity]);
    }
    for (const departementCode of departements) {
      const list = byDepartement.get(departementCode);
      if (list === undefined) ranked.delete(departementCode);
      else ranked.set(departementCode, rankOpportunities(list));
    }
    return { buyers: this.#buyers, cells: this.#cells, opportunities, ranked, contractCount: this.#contractCount };
  }

  /** The cell's member map, copied the first time this writer touches it. */
  #editCell(departementCode: string, family: string): Map<string, ObservatoryNeed> {
    const key = `${departementCode}|${family}`;
    const current = this.#cells.get(key);
    // Touched before: `current` is this writer's own copy.
    if (this.#touched.has(key) && current !== undefined) return current as Map<string, ObservatoryNeed>;
    const copy = new Map(current ?? []);
    this.#cells.set(key, copy);
    this.#touched.add(key);
    return copy;
  }

  #family(cpvCode: string): string {
    let family = this.#familyOf.get(cpvCode);
    if (family === undefined) {
      family = familyCodeOf(cpvCode, 'class');
      this.#familyOf.set(cpvCode, family);
    }
    return family;
  }

  #opportunity(departementCode: string, family: string, cell: ReadonlyMap<string, ObservatoryNeed>): ObservatoryOpportunity | null {
    if (departementCode === '' || cell.size < 2) return null;
    const sirens = new Set<string>();
    for (const siret of cell.keys()) sirens.add(sirenOf(siret));
    if (sirens.size < 2) return null;
    const members = [...cell.entries()]
      .map(([siret, need]) => ({
        siret,
        name: this.#buyers.get(siret)?.buyer.name ?? siret,
        annualAmountCents: Math.round(need.annualCents),
        contractCount: need.contractCount,
      }))
      .sort((a, b) => b.annualAmountCents - a.annualAmountCents || (a.siret < b.siret ? -1 : 1));
    const annualAmountCents = members.reduce((sum, m) => sum + m.annualAmountCents, 0);
    const contractCount = members.reduce((sum, m) => sum + m.contractCount, 0);
    const label = getCpv(family)?.labelFr ?? `CPV ${family}`;
    const poolability = this.#assess({ cpvBreakdown: [{ cpvCode: family, annualAmountCents }], familyCpvCodes: [family] });
    const place = getDepartement(departementCode)?.ofName ?? departementCode;
    return {
      id: `${family}@${departementCode}`,
      departementCode,
      family: { code: family, label },
      members,
      annualAmountCents,
      buyerCount: sirens.size,
      contractCount,
      poolability,
      explanation: `${formatCount(sirens.size)} acheteurs publics distincts (SIREN) situés dans le département ${place} ont publié ${formatCount(contractCount)} marché${contractCount > 1 ? 's' : ''} de la classe CPV ${family.slice(0, 4)} (« ${label} ») dans les données essentielles de la commande publique : ${formatEuros(annualAmountCents)} HT par an au total. Chaque montant est ramené à l’année sur la durée du marché, reconductions comprises ; des marchés successifs d’un même achat comptent une fois, pour le marché en cours (ou le dernier) ; les montants fictifs ou aberrants sont écartés tant qu’ils ne sont pas confirmés ; pour un accord-cadre, le montant publié est son maximum : l’ordre de grandeur est surestimé, à confirmer auprès des acheteurs.`,
    };
  }
}

function isSameNeed(a: ObservatoryNeed | undefined, b: ObservatoryNeed): boolean {
  return a !== undefined && a.annualCents === b.annualCents && a.contractCount === b.contractCount;
}

/** An observatory with no data. */
export const EMPTY_OBSERVATORY: Observatory = {
  buyers: new Map(),
  cells: new Map(),
  opportunities: new Map(),
  ranked: new Map(),
  contractCount: 0,
};
