/** A family whose price follows a published index, so the contract carries a revision clause. */
export interface PriceIndexedFamily {
  /** CPV prefixes of the family's products. */
  cpvPrefixes: readonly string[];
  labelFr: string;
  /** The index to reference; the buyer picks the exact series identifier in the INSEE database. */
  index: string;
  /** R2112-14 makes the clause mandatory (raw materials priced on world markets, contracts over three months). */
  isMandatory: boolean;
}

/** Families with an index-linked price (issue 17: salt, fuel, paper); the revision clause follows R2112-13. */
export const PRICE_INDEXED_FAMILIES: readonly PriceIndexedFamily[] = [
  {
    cpvPrefixes: ['349271', '1441', '1440', '1443', '1445'],
    labelFr: 'sel de déneigement',
    index:
      'indice INSEE des prix de production de l’industrie française pour le marché français — sel (CPF 08.93) et indice du transport routier de marchandises (CNR)',
    isMandatory: false,
  },
  {
    cpvPrefixes: ['0913'],
    labelFr: 'carburants',
    index: 'indice INSEE des prix de production — produits du raffinage (CPF 19.20, gazole), cours mondiaux du pétrole',
    isMandatory: true,
  },
  {
    cpvPrefixes: ['301976'],
    labelFr: 'papier de bureau',
    index: 'indice INSEE des prix de production — papiers et cartons (CPF 17.12)',
    isMandatory: false,
  },
];

/** The indexed family of a CPV code, if any. */
export function priceIndexOf(cpvCode: string): PriceIndexedFamily | null {
  return PRICE_INDEXED_FAMILIES.find((f) => f.cpvPrefixes.some((p) => cpvCode.startsWith(p))) ?? null;
}
