import { buildNameVocabulary, builtInNameVocabulary } from '../identity/name-vocabulary';
import { repairBrokenName } from '../identity/repair-broken-name';
import reference from '../reference/pooling-evidence.json' with { type: 'json' };
import { formatCount } from './format-count';
import { type PurchaseNature, classifyPurchaseNature, PURCHASE_NATURES } from './purchase-nature';

/**
 * What real buyers did in the families of an opportunity: among the reference DECP contracts of
 * its CPV classes, those whose object says they were passed for a groupement de commandes
 * (`reference/pooling-evidence.json`, derived by `scripts/build-pooling-evidence.mjs`; method in
 * docs/pooling-evidence.md).
 */
export interface PoolingEvidence {
  /** The CPV classes read (8-digit codes), sorted. */
  classCodes: string[];
  /** Reference contracts of these classes. */
  contracts: number;
  /** Of which passed for a groupement de commandes (one record per lot). */
  groupementContracts: number;
  /** Distinct groupement procedures (a procedure's lots count once). */
  groupementProcedures: number;
  /** Distinct buyers (SIREN) that passed them. */
  groupementBuyers: number;
  /** Up to three objects of such contracts, as published but for accents lost at publication (see `withAccentsRestored`). */
  examples: string[];
}

type ClassRow = [string, number, number, number, string[], string[]];

/** Version (date of derivation) and sources of the reference table, for the explanations. */
export const POOLING_EVIDENCE_SOURCE = {
  version: reference.version,
  contracts: reference.counts.contracts,
  label: `DECP de référence (${reference.sources.length} jeux de données publiés, ${formatCount(reference.counts.contracts)} marchés ; version ${reference.version})`,
};

const rows = new Map(withAccentsRestored(reference.classes as ClassRow[]).map((row) => [row[0], row]));

/**
 * The rows with their examples' lost accents (U+FFFD: « Unions Immobili�res ») restored as buyer
 * names are (`repairBrokenName`), from the spellings of the other examples and the official lists:
 * only where one spelling dominates; a word it cannot read stays as published.
 */
function withAccentsRestored(classes: ClassRow[]): ClassRow[] {
  if (!classes.some((row) => row[5].some((example) => example.includes('\uFFFD')))) return classes;
  const vocabulary = buildNameVocabulary(
    classes.flatMap((row) => row[5]),
    builtInNameVocabulary(),
  );
  const restore = (example: string) => (example.includes('\uFFFD') ? repairBrokenName(example, { vocabulary }).text : example);
  return classes.map((row) => [row[0], row[1], row[2], row[3], row[4], row[5].map(restore)]);
}

/** Evidence for the CPV classes of `cpvCodes` (each code counts for its class, 4 digits). */
export function findPoolingEvidence(cpvCodes: readonly string[]): PoolingEvidence {
  const classCodes = [...new Set(cpvCodes.map((code) => `${code.slice(0, 4)}0000`))].sort();
  const buyers = new Set<string>();
  const evidence: PoolingEvidence = {
    classCodes,
    contracts: 0,
    groupementContracts: 0,
    groupementProcedures: 0,
    groupementBuyers: 0,
    examples: [],
  };
  for (const code of classCodes) {
    const row = rows.get(code);
    if (row === undefined) continue;
    evidence.contracts += row[1];
    evidence.groupementContracts += row[2];
    evidence.groupementProcedures += row[3];
    for (const siren of row[4]) buyers.add(siren);
    for (const example of row[5]) if (evidence.examples.length < 3) evidence.examples.push(example);
  }
  evidence.groupementBuyers = buyers.size;
  return evidence;
}

/** Share of the reference contracts passed for a groupement de commandes, per purchase nature. */
export interface NaturePoolingRate {
  contracts: number;
  groupementContracts: number;
}

/** Per nature: how many reference contracts, and how many of them for a groupement de commandes. */
export const POOLING_RATE_BY_NATURE: Readonly<Record<PurchaseNature, NaturePoolingRate>> = (() => {
  const rates = Object.fromEntries(PURCHASE_NATURES.map((n) => [n, { contracts: 0, groupementContracts: 0 }])) as Record<
    PurchaseNature,
    NaturePoolingRate
  >;
  for (const row of rows.values()) {
    const rate = rates[classifyPurchaseNature(row[0])];
    rate.contracts += row[1];
    rate.groupementContracts += row[2];
  }
  return rates;
})();
