import { getCpv } from '../cpv/cpv-catalog';
import { familyCodeOf, summariseBuyerNeeds } from '../decp/propose-decp-needs';
import { getDepartement } from '../geo/communes';
import { sirenOf } from '../identity/siret';
import { createPoolabilityAssessor, type Poolability } from '../pooling/assess-poolability';
import { formatCount } from '../pooling/format-count';
import { formatEuros } from '../pooling/format-euros';
import { rankOpportunities } from '../pooling/rank-opportunities';
import type {
  BuyerContracts,
  Observatory,
  ObservatoryContract,
  ObservatoryMember,
  ObservatoryNeed,
  ObservatoryOpportunity,
} from './observatory';

type BuyerEntry = Observatory['buyers'] extends ReadonlyMap<string, infer E> ? E : never;
type Cell = Map<string, ObservatoryNeed>;

/**
 * Applies buyers' contract lists to an observatory, copying on write: the maps of the source are
 * copied once, a cell's member map the first time the cell is touched, so the source stays intact
 * and what no buyer of the batch touched is shared. `finish` recomputes the touched cells only.
 */
export class ObservatoryWriter {
  readonly #buyers: Map<string, BuyerEntry>;
  readonly #cells: Map<string, ReadonlyMap<string, ObservatoryNeed>>;
  readonly #source: Observatory;
  /** The cells this writer touched, each its own copy (or new). */
  readonly #touched = new Map<string, Cell>();
  /** Département → family → cell key: each key string built once (millions of lookups in a full build). */
  readonly #keys = new Map<string, Map<string, string>>();
  #contractCount: number;
  readonly #familyOf = new Map<string, string>();
  readonly #poolabilityOf = new Map<string, Poolability>();
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
    const needs = this.#needsOf(contracts);
    // Same place and name: the buyer's unchanged needs leave their cells (and opportunities) as they are.
    const kept =
      previous !== undefined && previous.buyer.departementCode === buyer.departementCode && previous.buyer.name === buyer.name
        ? previous.needs
        : undefined;
    if (previous !== undefined)
      for (const [family, need] of previous.needs) {
        this.#contractCount -= need.contractCount;
        if (kept === undefined || !isSameNeed(needs.get(family), need))
          this.#editCell(previous.buyer.departementCode, family).delete(buyer.siret);
      }
    if (needs.size === 0) this.#buyers.delete(buyer.siret);
    else this.#buyers.set(buyer.siret, { buyer, siren: previous?.siren ?? sirenOf(buyer.siret), needs });
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
  #needsOf(contracts: readonly ObservatoryContract[]): Map<string, ObservatoryNeed> {
    const needs = new Map<string, ObservatoryNeed>();
    if (contracts.length === 0) return needs;
    summariseBuyerNeeds(contracts, (cpvCode, annualCents, contractCount) => {
      const family = this.#family(cpvCode);
      const need = needs.get(family);
      // The map and its needs are this call's own until returned: summing in place.
      if (need === undefined) needs.set(family, { annualCents, contractCount });
      else {
        need.annualCents += annualCents;
        need.contractCount += contractCount;
      }
    });
    return needs;
  }

  /** The observatory with every touched cell's opportunity recomputed and its département re-ranked. */
  finish(): Observatory {
    const opportunities = new Map(this.#source.opportunities);
    const departements = new Set<string>();
    for (const [key, members] of this.#touched) {
      const bar = key.indexOf('|');
      const departementCode = key.slice(0, bar);
      departements.add(departementCode);
      const opportunity = this.#opportunity(departementCode, key.slice(bar + 1), members);
      if (members.size === 0) this.#cells.delete(key);
      if (opportunity === null) opportunities.delete(key);
      else opportunities.set(key, opportunity);
    }
    const ranked = new Map(this.#source.ranked);
    const byDepartement = new Map<string, ObservatoryOpportunity[]>();
    for (const opportunity of opportunities.values()) {
      const departementCode = opportunity.departementCode;
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
  #editCell(departementCode: string, family: string): Cell {
    const key = this.#key(departementCode, family);
    let cell = this.#touched.get(key);
    if (cell === undefined) {
      cell = new Map(this.#cells.get(key) ?? []);
      this.#cells.set(key, cell);
      this.#touched.set(key, cell);
    }
    return cell;
  }

  /** `<département>|<family>`. */
  #key(departementCode: string, family: string): string {
    let ofDepartement = this.#keys.get(departementCode);
    if (ofDepartement === undefined) {
      ofDepartement = new Map();
      this.#keys.set(departementCode, ofDepartement);
    }
    let key = ofDepartement.get(family);
    if (key === undefined) {
      key = `${departementCode}|${family}`;
      ofDepartement.set(family, key);
    }
    return key;
  }

  #family(cpvCode: string): string {
    let family = this.#familyOf.get(cpvCode);
    if (family === undefined) {
      family = familyCodeOf(cpvCode, 'class');
      this.#familyOf.set(cpvCode, family);
    }
    return family;
  }

  /** An opportunity of one family has one code, so its poolability depends on the family alone. */
  #poolability(family: string): Poolability {
    let poolability = this.#poolabilityOf.get(family);
    if (poolability === undefined) {
      poolability = this.#assess({ cpvBreakdown: [{ cpvCode: family, annualAmountCents: 0 }], familyCpvCodes: [family] });
      this.#poolabilityOf.set(family, poolability);
    }
    return poolability;
  }

  #opportunity(departementCode: string, family: string, cell: ReadonlyMap<string, ObservatoryNeed>): ObservatoryOpportunity | null {
    if (departementCode === '' || cell.size < 2) return null;
    const sirens = new Set<string>();
    const members: ObservatoryMember[] = [];
    let annualAmountCents = 0;
    let contractCount = 0;
    for (const [siret, need] of cell) {
      const entry = this.#buyers.get(siret);
      sirens.add(entry?.siren ?? sirenOf(siret));
      const member = { siret, name: entry?.buyer.name ?? siret, annualAmountCents: Math.round(need.annualCents), contractCount: need.contractCount };
      annualAmountCents += member.annualAmountCents;
      contractCount += member.contractCount;
      members.push(member);
    }
    if (sirens.size < 2) return null;
    members.sort((a, b) => b.annualAmountCents - a.annualAmountCents || (a.siret < b.siret ? -1 : 1));
    const label = getCpv(family)?.labelFr ?? `CPV ${family}`;
    const poolability = this.#poolability(family);
    const place = getDepartement(departementCode)?.name ?? `département ${departementCode}`;
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
