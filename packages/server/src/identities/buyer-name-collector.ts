/** Distinct names kept per buyer SIRET in one import (the most frequent come first anyway): bounds memory on a national file. */
const MAX_NAMES_PER_SIRET = 20;

/**
 * The buyer names an import meets, counted per SIRET (`acheteur.nom` of each kept record, duplicates
 * included): what `recordPublishedNames` stores and `resolveBuyerIdentity` chooses from. A buyer
 * whose records publish no name (2024 format) is still noted, as a buyer.
 */
export class BuyerNameCollector {
  readonly bySiret = new Map<string, Map<string, number>>();

  add(buyer: { siret: string; name: string | null }): void {
    let names = this.bySiret.get(buyer.siret);
    if (names === undefined) {
      names = new Map();
      this.bySiret.set(buyer.siret, names);
    }
    const name = buyer.name?.trim() ?? '';
    if (name === '' || (!names.has(name) && names.size >= MAX_NAMES_PER_SIRET)) return;
    names.set(name, (names.get(name) ?? 0) + 1);
  }
}
