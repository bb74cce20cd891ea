import {
  type DecpImportPreview,
  type DecpImportResult,
  type DecpImportScope,
  type DecpPreviewBuyer,
  type ImportProgress,
  MAX_LISTED_BUYERS,
  MAX_LISTED_REJECTIONS,
} from '@mutualis/contract';
import { buildNameVocabulary, builtInNameVocabulary, type DecpAward, proposeDecpNeeds, resolveBuyerIdentity } from '@mutualis/core';
import { createDecpStore, estimableAwardFacts, type MutualisDb } from '@mutualis/db';
import type { BuyerNameCollector } from '../identities/buyer-name-collector';
import { resolveImportedBuyers } from '../identities/resolve-imported-buyers';
import { type BuyerInFiles, type DecpImportFile, DecpImportPass } from './decp-import-pass';

/**
 * Awards written per transaction. Each commit writes every page the transaction dirtied; the
 * indexes of a large import are filled at scattered places, so fewer, larger transactions write
 * less; but a chunk's awards live until written, long enough to reach V8's old generation, where
 * they stay until a full collection: larger chunks raise the import's memory peak. This size
 * balances both (docs/benchmarks.md, bench:decpperf). The import runs in a process of its own
 * (command line, or the server's import process): holding the database this long blocks no request.
 */
const AWARDS_PER_WRITE = 10_000;

export interface DecpImportOptions {
  m: MutualisDb;
  territoryId: string;
  files: readonly DecpImportFile[];
  scope: DecpImportScope;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

/**
 * What importing these DECP files into the territory would do, reading them once and writing
 * nothing: buyers inside the scope (members, or located in its départements) and outside it
 * (counted and listed, by département), contracts new / updated / unchanged / flagged,
 * duplicates and rejections, and the proposed needs (buyer × purchase family) it would create.
 */
export async function previewDecpImport(options: DecpImportOptions): Promise<DecpImportPreview> {
  const store = createDecpStore(options.m);
  const pass = new DecpImportPass({ ...options, store, maxRejections: MAX_LISTED_REJECTIONS, describeBuyers: true });
  const contracts = { new: 0, updated: 0, unchanged: 0 };
  const needFamilies = new Set<string>();
  for await (const awards of pass.chunks()) {
    const storedIds = new Map<string, string>();
    for (const award of awards) {
      const id = pass.buyers.get(award.buyer.siret)?.storedId;
      if (id != null) storedIds.set(award.buyer.siret, id);
    }
    for (const comparison of await store.compare(awards, storedIds)) contracts[comparison] += 1;
    for (const pair of needFamiliesOf(awards)) needFamilies.add(pair);
  }
  const needs = await countNeeds(options.m, needFamilies, pass.buyers);
  return {
    scope: options.scope,
    read: pass.counts.read,
    rejected: pass.counts.rejected,
    rejectedByKind: { ...pass.rejectedByKind },
    duplicates: pass.counts.duplicates,
    contracts: { ...contracts, flagged: pass.counts.flagged, flaggedByCode: { ...pass.flaggedByCode } },
    buyers: describeBuyers(pass.buyers, pass.buyerNames),
    needs,
    rejections: pass.rejections,
    rejectionsTruncated: pass.rejectionsTruncated,
  };
}

/**
 * Imports DECP files into the territory for import `importId`: the awards of buyers in the scope
 * become running contracts (idempotent by DECP key), their buyers members of the territory, and
 * proposed needs per buyer and purchase family. Every row it creates carries `importId` (see
 * `undoImport`). A record the database refuses is reported and skipped, never aborting the import.
 */
export async function runDecpImport(
  options: DecpImportOptions & { importId: string; now: string; awardsPerWrite?: number },
): Promise<DecpImportResult> {
  const store = createDecpStore(options.m);
  const pass = new DecpImportPass({ ...options, store });
  const writer = store.writer({ importId: options.importId, territoryId: options.territoryId, now: options.now });
  const written = { imported: 0, updated: 0, unchanged: 0 };
  for await (const awards of pass.chunks(options.awardsPerWrite ?? AWARDS_PER_WRITE)) {
    const outcome = await writer.writeChunk(awards);
    written.imported += outcome.imported;
    written.updated += outcome.updated;
    written.unchanged += outcome.unchanged;
    for (const { award, reason } of outcome.refused) pass.refuse(award, reason);
    for (const { before, after } of outcome.retargeted) pass.recount(before, after);
  }
  writer.forgetOrganizations(); // freed before the end phases, like the buyers below
  pass.report('needs');
  // Names before the amount verdicts (in `finish`): a buyer's kind, one of its peer-group keys, may change with its name.
  const buyerNames = await resolveImportedBuyers(options.m, pass.buyerNames, options.importId);
  pass.forgetBuyers(); // freed before the end phases
  const { proposedNeeds, amountAnomalies } = await writer.finish();
  const { read, duplicates, flagged, rejected, outside } = pass.counts;
  return {
    read,
    ...written,
    duplicates,
    flagged,
    flaggedByCode: { ...pass.flaggedByCode },
    rejected,
    rejectedByKind: { ...pass.rejectedByKind },
    amountAnomalies,
    outside,
    repairedTexts: { ...pass.repairedTexts },
    buyerNames,
    rejections: pass.rejections,
    rejectionsTruncated: pass.rejectionsTruncated,
    proposedNeeds,
  };
}

/** `buyerSiret|cpvCode` of the needs these awards would propose (core's rule, per buyer). */
function needFamiliesOf(awards: readonly DecpAward[]): string[] {
  return proposeDecpNeeds(estimableAwardFacts(awards, (award) => award.buyer.siret)).map(
    (need) => `${need.organizationId}|${need.cpvCode}`,
  );
}

/** Of the proposed needs, those of stored buyers that already have a DECP need of that family are updates. */
async function countNeeds(m: MutualisDb, families: ReadonlySet<string>, buyers: ReadonlyMap<string, BuyerInFiles>) {
  const byId = new Set<string>();
  for (const pair of families) {
    const [siret, family] = pair.split('|') as [string, string];
    const id = buyers.get(siret)?.storedId;
    if (id != null) byId.add(`${id}|${family}`);
  }
  const existing = (await createDecpStore(m).findNeedFamilies(byId)).size;
  return { new: families.size - existing, existing };
}

function describeBuyers(buyers: ReadonlyMap<string, BuyerInFiles>, names: BuyerNameCollector): DecpImportPreview['buyers'] {
  const inside: DecpPreviewBuyer[] = [];
  const outside: DecpPreviewBuyer[] = [];
  const byDepartement = new Map<string, { buyers: number; records: number }>();
  const located = new Set<string>();
  for (const [siret, b] of buyers) {
    const line = {
      siret,
      name: b.name,
      departementCode: b.departementCode,
      records: b.records,
      isMember: b.isMember,
      isNew: b.storedId === null,
    };
    if (b.isInScope) {
      if (!b.isMember && b.isInDepartements) located.add(siret);
      inside.push(line);
      continue;
    }
    outside.push(line);
    const place = byDepartement.get(b.departementCode) ?? { buyers: 0, records: 0 };
    place.buyers += 1;
    place.records += b.records;
    byDepartement.set(b.departementCode, place);
  }
  const byRecords = (a: DecpPreviewBuyer, b: DecpPreviewBuyer) => b.records - a.records || a.name.localeCompare(b.name, 'fr');
  return {
    inside: {
      count: inside.length,
      members: inside.filter((b) => b.isMember).length,
      located: located.size,
      new: inside.filter((b) => b.isNew).length,
      list: withImportNames(inside.sort(byRecords).slice(0, MAX_LISTED_BUYERS), names),
    },
    outside: {
      count: outside.length,
      records: outside.reduce((sum, b) => sum + b.records, 0),
      list: withImportNames(outside.sort(byRecords).slice(0, MAX_LISTED_BUYERS), names),
      byDepartement: [...byDepartement]
        .map(([code, figures]) => ({ code, ...figures }))
        .sort((a, b) => b.records - a.records || a.code.localeCompare(b.code)),
    },
  };
}

/**
 * The listed new buyers under the name the import would give them: their published names read as
 * its identity pass reads them (accents repaired from the other variants, a budget or service shown
 * after its legal unit from the official lists), without the sources only the database holds
 * (SIRENE, the other establishments stored). A stored buyer keeps its stored name.
 */
function withImportNames(list: DecpPreviewBuyer[], names: BuyerNameCollector): DecpPreviewBuyer[] {
  const published = (b: DecpPreviewBuyer) => {
    const counted = names.bySiret.get(b.siret);
    return counted !== undefined && counted.size > 0
      ? [...counted].map(([name, count]) => ({ name, count }))
      : [{ name: b.name, count: b.records }];
  };
  const vocabulary = buildNameVocabulary(
    list.flatMap((b) => published(b).map((n) => n.name)),
    builtInNameVocabulary(),
  );
  return list.map((b) => {
    if (!b.isNew) return b;
    const identity = resolveBuyerIdentity({
      siret: b.siret,
      current: { name: b.name, kind: 'other_public', inseeCode: '' },
      previous: null,
      isBuyer: true,
      publishedNames: published(b),
      siblings: [],
      establishment: null,
      legalUnit: null,
      vocabulary,
    });
    return { ...b, name: identity.resolvedName };
  });
}
