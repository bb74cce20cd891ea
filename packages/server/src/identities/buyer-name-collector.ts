/** Distinct names kept per buyer SIRET in one import (the most frequent come first anyway): bounds memory on a national file. */
const MAX_NAMES_PER_SIRET = 20;

/** One buyer's names: nearly every buyer publishes one, so the others get a map only when there are some. */
interface Tally {
  name: string;
  count: number;
  others: Map<string, number> | null;
}

/**
 * The buyer names an import meets, counted per SIRET (`acheteur.nom` of each kept record, duplicates
 * included): what `recordPublishedNames` stores and `resolveBuyerIdentity` chooses from. A buyer
 * whose records publish no name (2024 format) is still noted, as a buyer. A national file has
 * buyers by the hundred thousand: one small object each, not one map each.
 */
export class BuyerNameCollector {
  /** Null: the buyer's records so far publish no name. */
  readonly #tallies = new Map<string, Tally | null>();

  add(buyer: { siret: string; name: string | null }): void {
    const name = buyer.name?.trim() ?? '';
    const tally = this.#tallies.get(buyer.siret);
    if (tally === undefined || tally === null) {
      // Not met yet, or no name so far: its first name starts the tally.
      if (name !== '') this.#tallies.set(buyer.siret, { name, count: 1, others: null });
      else if (tally === undefined) this.#tallies.set(buyer.siret, null);
      return;
    }
    if (name === '') return;
    if (name === tally.name) {
      tally.count += 1;
      return;
    }
    tally.others ??= new Map();
    if (!tally.others.has(name) && tally.others.size + 1 >= MAX_NAMES_PER_SIRET) return;
    tally.others.set(name, (tally.others.get(name) ?? 0) + 1);
  }

  /** Forgets every name (once recorded: the end of an import needs the memory more). */
  clear(): void {
    this.#tallies.clear();
  }

  /** The names per SIRET, counted, in the order first met (a map made on demand per buyer). */
  readonly bySiret = {
    keys: () => this.#tallies.keys(),
    get: (siret: string): ReadonlyMap<string, number> | undefined => {
      const tally = this.#tallies.get(siret);
      if (tally === undefined) return undefined;
      const names = new Map<string, number>();
      if (tally === null) return names;
      names.set(tally.name, tally.count);
      for (const [name, count] of tally.others ?? []) names.set(name, count);
      return names;
    },
  };
}
