import { getCpv } from '../cpv/cpv-catalog';
import { memoFamilyCodeOf, summariseBuyerNeeds } from '../decp/propose-decp-needs';
import { sirenOf } from '../identity/siret';
import { createPoolabilityAssessor, type Poolability } from '../pooling/assess-poolability';
import { rankOpportunities } from '../pooling/rank-opportunities';
import type {
  BuyerContracts,
  Observatory,
  ObservatoryBuyer,
  ObservatoryContract,
  ObservatoryMember,
  ObservatoryOpportunity,
} from './observatory';

type BuyerEntry = Observatory['buyers'] extends ReadonlyMap<string, infer E> ? E : never;

/** What a writer changes in one cell: the SIRETs whose member leaves it, the members that enter it. */
interface CellEdit {
  key: string;
  removed: Set<string> | null;
  added: ObservatoryMember[];
}

/** A cell's order (the opportunity's): largest amount first, ties by SIRET. */
const byAmount = (a: ObservatoryMember, b: ObservatoryMember) => b.annualAmountCents - a.annualAmountCents || (a.siret < b.siret ? -1 : 1);

/**
 * Applies buyers' contract lists to an observatory, copying on write: the maps of the source are
 * copied once, and each cell a writer touches gets a new member list (the source's without the
 * members that left, merged with those that entered), so the source stays intact and what no buyer
 * of the batch touched is shared. `finish` recomputes the touched cells only.
 */
export class ObservatoryWriter {
  readonly #buyers: Map<string, BuyerEntry>;
  readonly #source: Observatory;
  /** Département → family → the cell's edit (two small lookups per need, no key string built: a full build looks a cell up for every need). */
  readonly #edits = new Map<string, Map<string, CellEdit>>();
  /** SIRETs applied by this writer: a buyer applied twice leaves the cells its first list entered. */
  readonly #applied = new Set<string>();
  /**
   * Per département, the needs that enter its cells (family and need, in order), written into the
   * cells' edits at `finish` one département at a time: a full build then writes each département's
   * cells together instead of hopping between the cells of every département buyer after buyer.
   */
  readonly #entering = new Map<string, { families: string[]; needs: ObservatoryMember[] }>();
  #contractCount: number;
  readonly #poolabilityOf = new Map<string, Poolability>();
  readonly #assess = createPoolabilityAssessor();

  constructor(source: Observatory) {
    this.#source = source;
    this.#buyers = new Map(source.buyers);
    this.#contractCount = source.contractCount;
  }

  /**
   * Replaces everything known of `buyer` by `contracts` (an empty list removes the buyer), or only
   * its needs in `divisions` when given. Only the cells whose need of this buyer changed are
   * touched: most families of a buyer in a daily delta did not move.
   */
  apply({ buyer, contracts, divisions }: BuyerContracts): void {
    const previous = this.#buyers.get(buyer.siret);
    const siren = previous?.siren ?? sirenOf(buyer.siret);
    const needs =
      divisions === undefined ? this.#needsOf(buyer, siren, contracts) : this.#needsIn(buyer, siren, contracts, divisions, previous);
    // Same place and name: the buyer's unchanged needs leave their cells (and opportunities) as they are.
    const kept =
      previous !== undefined && previous.buyer.departementCode === buyer.departementCode && previous.buyer.name === buyer.name
        ? previous.needs
        : undefined;
    const isReapplied = this.#applied.has(buyer.siret);
    this.#applied.add(buyer.siret);
    if (previous !== undefined) {
      const edits = this.#editsOf(previous.buyer.departementCode);
      for (const [family, need] of previous.needs) {
        this.#contractCount -= need.contractCount;
        if (kept !== undefined && isSameNeed(needs.get(family), need)) continue;
        const edit = this.#edit(edits, previous.buyer.departementCode, family);
        edit.removed ??= new Set();
        edit.removed.add(buyer.siret);
        if (isReapplied) this.#leave(previous.buyer.departementCode, family, buyer.siret);
      }
    }
    if (needs.size === 0) this.#buyers.delete(buyer.siret);
    else this.#buyers.set(buyer.siret, { buyer, siren, needs });
    const entering = this.#enteringOf(buyer.departementCode);
    for (const [family, need] of needs) {
      this.#contractCount += need.contractCount;
      if (kept === undefined || !isSameNeed(kept.get(family), need)) {
        entering.families.push(family);
        entering.needs.push(need);
      }
    }
  }

  #enteringOf(departementCode: string): { families: string[]; needs: ObservatoryMember[] } {
    let entering = this.#entering.get(departementCode);
    if (entering === undefined) {
      entering = { families: [], needs: [] };
      this.#entering.set(departementCode, entering);
    }
    return entering;
  }

  /** Takes back what a buyer applied earlier by this writer entered in a cell (it is applied again). */
  #leave(departementCode: string, family: string, siret: string): void {
    const entering = this.#entering.get(departementCode);
    if (entering === undefined) return;
    const families: string[] = [];
    const needs: ObservatoryMember[] = [];
    entering.needs.forEach((need, i) => {
      const f = entering.families[i] as string;
      if (f === family && need.siret === siret) return;
      families.push(f);
      needs.push(need);
    });
    this.#entering.set(departementCode, { families, needs });
  }

  /**
   * Per CPV class, the buyer's member entry: the needs `proposeDecpNeeds` proposes from these
   * contracts (a chain of successive contracts of one purchase counted once, at its current or
   * latest contract's yearly amount), summed over the class.
   */
  #needsOf(buyer: ObservatoryBuyer, siren: string, contracts: readonly ObservatoryContract[]): Map<string, ObservatoryMember> {
    const needs = new Map<string, ObservatoryMember>();
    if (contracts.length === 0) return needs;
    summariseBuyerNeeds(contracts, (cpvCode, annualCents, contractCount) => {
      const family = memoFamilyCodeOf(cpvCode, 'class');
      const need = needs.get(family);
      // The map and its members are this call's own until returned: summing in place (whole cents: the sums are exact).
      if (need === undefined)
        needs.set(family, { siret: buyer.siret, siren, name: buyer.name, annualAmountCents: annualCents, contractCount });
      else {
        need.annualAmountCents += annualCents;
        need.contractCount += contractCount;
      }
    });
    return needs;
  }

  /**
   * The buyer's needs when only its contracts of `divisions` are given: those contracts' needs, and
   * its previous needs of the other divisions (under its current name).
   */
  #needsIn(
    buyer: ObservatoryBuyer,
    siren: string,
    contracts: readonly ObservatoryContract[],
    divisions: readonly string[],
    previous: BuyerEntry | undefined,
  ): Map<string, ObservatoryMember> {
    const isGiven = (code: string) => divisions.includes(code.slice(0, 2));
    const needs = this.#needsOf(
      buyer,
      siren,
      contracts.filter((c) => isGiven(c.cpvCode)),
    );
    for (const [family, need] of previous?.needs ?? [])
      if (!isGiven(family)) needs.set(family, need.name === buyer.name ? need : { ...need, name: buyer.name });
    return needs;
  }

  /** The observatory with every touched cell's opportunity recomputed and its département re-ranked. */
  finish(): Observatory {
    for (const [departementCode, { families, needs }] of this.#entering) {
      const edits = this.#editsOf(departementCode);
      families.forEach((family, i) => {
        this.#edit(edits, departementCode, family).added.push(needs[i] as ObservatoryMember);
      });
    }
    this.#entering.clear();
    const cells = new Map(this.#source.cells);
    const opportunities = new Map(this.#source.opportunities);
    const departements = new Set<string>();
    for (const [departementCode, edits] of this.#edits) {
      if (edits.size === 0) continue;
      departements.add(departementCode);
      for (const [family, edit] of edits) {
        const members = editedMembers(this.#source.cells.get(edit.key) ?? [], edit);
        if (members.length === 0) cells.delete(edit.key);
        else cells.set(edit.key, members);
        const opportunity = this.#opportunity(departementCode, family, members);
        if (opportunity === null) opportunities.delete(edit.key);
        else opportunities.set(edit.key, opportunity);
      }
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
    return { buyers: this.#buyers, cells, opportunities, ranked, contractCount: this.#contractCount };
  }

  /** The edits of a département's cells, by family. */
  #editsOf(departementCode: string): Map<string, CellEdit> {
    let edits = this.#edits.get(departementCode);
    if (edits === undefined) {
      edits = new Map();
      this.#edits.set(departementCode, edits);
    }
    return edits;
  }

  /** The edit of the cell `<département>|<family>`, among its département's `edits`. */
  #edit(edits: Map<string, CellEdit>, departementCode: string, family: string): CellEdit {
    let edit = edits.get(family);
    if (edit === undefined) {
      edit = { key: `${departementCode}|${family}`, removed: null, added: [] };
      edits.set(family, edit);
    }
    return edit;
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

  #opportunity(departementCode: string, family: string, members: readonly ObservatoryMember[]): ObservatoryOpportunity | null {
    if (departementCode === '' || members.length < 2) return null;
    const sirens = new Set<string>();
    let annualAmountCents = 0;
    let contractCount = 0;
    for (const m of members) {
      sirens.add(m.siren);
      annualAmountCents += m.annualAmountCents;
      contractCount += m.contractCount;
    }
    if (sirens.size < 2) return null;
    const label = getCpv(family)?.labelFr ?? `CPV ${family}`;
    const poolability = this.#poolability(family);
    return {
      id: `${family}@${departementCode}`,
      departementCode,
      family: { code: family, label },
      members,
      annualAmountCents,
      buyerCount: sirens.size,
      contractCount,
      poolability,
    };
  }
}

/** A cell's members after an edit, in order: the source's that stay, merged with those that enter (sorted first). */
function editedMembers(source: readonly ObservatoryMember[], { removed, added }: CellEdit): readonly ObservatoryMember[] {
  const staying = removed === null ? source : source.filter((m) => !removed.has(m.siret));
  if (added.length === 0) return staying;
  const entering = added.sort(byAmount);
  if (staying.length === 0) return entering;
  const merged: ObservatoryMember[] = [];
  let i = 0;
  let j = 0;
  while (i < staying.length && j < entering.length) {
    const a = staying[i] as ObservatoryMember;
    const b = entering[j] as ObservatoryMember;
    if (byAmount(a, b) <= 0) {
      merged.push(a);
      i += 1;
    } else {
      merged.push(b);
      j += 1;
    }
  }
  for (; i < staying.length; i += 1) merged.push(staying[i] as ObservatoryMember);
  for (; j < entering.length; j += 1) merged.push(entering[j] as ObservatoryMember);
  return merged;
}

function isSameNeed(a: ObservatoryMember | undefined, b: ObservatoryMember): boolean {
  return a !== undefined && a.annualAmountCents === b.annualAmountCents && a.contractCount === b.contractCount;
}

/** An observatory with no data. */
export const EMPTY_OBSERVATORY: Observatory = {
  buyers: new Map(),
  cells: new Map(),
  opportunities: new Map(),
  ranked: new Map(),
  contractCount: 0,
};
