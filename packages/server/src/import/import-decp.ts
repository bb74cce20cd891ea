import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type DecpAward, type DecpRejection, type DecpRejectionKind, DomainError, normalizeDecpAward } from '@mutualis/core';
import {
  createRepositories,
  deferIndexes,
  type MutualisDb,
  nowIso,
  refreshDecpAmountChecks,
  restoreDeferredIndexes,
  type SqliteHandle,
  sqliteHandleOf,
} from '@mutualis/db';
import { BuyerNameCollector } from '../identities/buyer-name-collector';
import type { ResolveBuyerIdentitiesResult } from '../identities/resolve-buyer-identities';
import { resolveImportedBuyers } from '../identities/resolve-imported-buyers';
import type { DecpRawRecord } from './decp-raw-record';
import { withCappedHeapGrowth } from './cap-heap-growth';
import { DecpKeySet } from './decp-key-set';
import { readDecpRecordBatches } from './read-decp-file';
import { refreshDecpNeeds } from './refresh-decp-needs';
import { createSqliteDecpWriter, type SqliteDecpWriter } from './sqlite-decp-writer';
import { refreshDecpNeedsSqlite } from './sqlite-refresh-decp-needs';
import { tuneSqliteForBulk } from './tune-sqlite-for-bulk';
import { writeDecpBatch } from './write-decp-batch';

/** One problem with one record: the file, the record's index in its list (0-based, as in `jq '.marches[i]'`), the field and why. */
export interface ImportDecpRejection {
  file: string;
  record: number;
  field: string;
  reason: string;
}

export interface ImportDecpProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
  read: number;
  imported: number;
  updated: number;
  duplicates: number;
  rejected: number;
}

export interface ImportDecpOptions {
  m: MutualisDb;
  territorySlug: string;
  files: readonly string[];
  onProgress?: (progress: ImportDecpProgress) => void;
  /** Records written per transaction; 100,000 by default on SQLite (written as the file is read), 1,000 on PostgreSQL (held in memory). */
  batchSize?: number;
  /** Rejections kept in the result (all are counted); 10,000 by default. */
  maxRejections?: number;
  /**
   * SQLite: drop the secondary indexes the import fills at random places and build them once at
   * its end (see `BULK_DEFERRED_INDEXES`). By default when the files hold more records than the
   * database holds contracts and weigh at least 32 MiB.
   */
  isDeferringIndexes?: boolean;
}

export interface ImportDecpResult {
  territoryId: string;
  /** Records found in the files (read = imported + updated + unchanged + duplicates + rejected). */
  read: number;
  /** New running contracts. */
  imported: number;
  /** Contracts already present whose DECP fields changed. */
  updated: number;
  /** Contracts already present and identical. */
  unchanged: number;
  /** Records whose buyer SIRET + id was already seen in this import (lots, republications): the first is kept. */
  duplicates: number;
  /** Records not imported: unparsable, or not a public contract of a buyer (test records, concessions, no buyer); by kind in `rejectedByKind`. */
  rejected: number;
  /** Rejections by kind: `unreadable` (not parsable, not an object, refused by the database), `test`, `concession`, `no_buyer`. */
  rejectedByKind: Record<DecpRejectionKind, number>;
  /** Records kept with at least one flag (see `DecpFlag`; amount anomalies are in `amountAnomalies`). */
  flagged: number;
  /** Stored DECP contracts whose amount is anomalous among its peers after this import (all territories). */
  amountAnomalies: number;
  rejections: ImportDecpRejection[];
  rejectionsTruncated: boolean;
  needs: { created: number; updated: number };
  /** Buyer identities resolved from the names met (repaired, budgets and services under their legal unit; see `resolveImportedBuyers`). */
  buyerNames: ResolveBuyerIdentitiesResult;
}

interface PendingAward {
  award: DecpAward;
  file: string;
  record: number;
}

/**
 * On SQLite, awards are written by chunks of at most this many inside a batch's transaction (see
 * `SqliteDecpWriter`): large enough to sort a chunk's index inserts, small enough that its awards
 * die young (10,000 kept the garbage collector copying them from one scavenge to the next).
 */
const SQLITE_CHUNK = 2_000;

/**
 * Non-unique indexes whose keys an import inserts in random order (by buyer, by CPV code and
 * label), each an extra b-tree page touched per row; on a large import, one `CREATE INDEX` that
 * sorts the keys costs far less. The unique `decp_id` index stays: it keeps the import idempotent.
 * The contracts index is rebuilt before the needs refresh, which reads contracts through it.
 */
const CONTRACTS_INDEX = 'running_contracts_org_decp_idx';
export const BULK_DEFERRED_INDEXES = [CONTRACTS_INDEX, 'needs_list_order_idx'] as const;
/**
 * The unique index of the DECP natural key (`buyerSiret|id`), keys in random order too. A bulk
 * import defers it only into a database that holds no DECP contract: no stored key can then
 * collide, and the import's own `DecpKeySet` keeps one award per key, so plain inserts keep the
 * rule; `CREATE UNIQUE INDEX` at the end checks it again. Meanwhile no other import may run (see
 * `refuseWithoutKeyIndex`); nothing else writes `decp_id` (the API stores it as null).
 */
export const DECP_KEY_INDEX = 'running_contracts_decp_id_key';
/** Below this, rebuilding indexes is not worth the bother. */
const BULK_MIN_BYTES = 32 * 2 ** 20;
/** Size of a DECP JSON record, to estimate a file's records from its size (the real files: 600–900 bytes). */
const BYTES_PER_RECORD = 750;

/**
 * Imports DECP files (2019 or 2024 format, JSON or XML) into a territory: buyers and holders as
 * organizations, buyers as members, awards as running contracts (idempotent by `decp_id`), then
 * proposed needs per buyer and purchase family. Records are written in batches, one transaction
 * each; a bad record is reported and skipped, never aborting the import.
 */
export async function importDecp(options: ImportDecpOptions): Promise<ImportDecpResult> {
  return withCappedHeapGrowth(async () => {
    const restore = await tuneSqliteForBulk(options.m);
    try {
      return await importFiles(options);
    } finally {
      await restore();
    }
  });
}

async function importFiles(options: ImportDecpOptions): Promise<ImportDecpResult> {
  const { m } = options;
  const sqlite = sqliteHandleOf(m);
  const batchSize = options.batchSize ?? (sqlite === null ? 1000 : 100_000);
  const maxRejections = options.maxRejections ?? 10_000;
  const territoryId = await ensureTerritory(m, options.territorySlug);
  const now = nowIso();
  const result: ImportDecpResult = {
    territoryId,
    read: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    rejected: 0,
    rejectedByKind: { unreadable: 0, test: 0, concession: 0, no_buyer: 0 },
    flagged: 0,
    amountAnomalies: 0,
    rejections: [],
    rejectionsTruncated: false,
    needs: { created: 0, updated: 0 },
    buyerNames: { resolved: 0, changed: 0, toReview: 0 },
  };
  const touchedBuyers = new Set<string>();
  const reject = (file: string, record: number, rejections: readonly DecpRejection[], kind: DecpRejectionKind = 'unreadable'): void => {
    result.rejected += 1;
    result.rejectedByKind[kind] += 1;
    for (const r of rejections) {
      if (result.rejections.length < maxRejections) result.rejections.push({ file, record, field: r.field, reason: r.reason });
      else result.rejectionsTruncated = true;
    }
  };
  const context: BatchContext = { result, touchedBuyers, reject, seenKeys: new DecpKeySet(), buyerNames: new BuyerNameCollector() };
  if (sqlite !== null) {
    // What a killed import left deferred is rebuilt first; the indexes of one still running are not.
    restoreDeferredIndexes(sqlite, { isSkippingLiveDeferrers: true });
    refuseWithoutKeyIndex(sqlite);
  }
  const deferred = sqlite !== null && (await isWorthDeferring(sqlite, options)) ? deferBulkIndexes(sqlite, now) : [];
  try {
    const writer =
      sqlite === null ? null : createSqliteDecpWriter(sqlite, territoryId, now, { isKeyIndexDeferred: deferred.includes(DECP_KEY_INDEX) });
    await importEachFile({ ...options, territoryId, batchSize, now, sqlite, writer, context });
    if (sqlite !== null) restoreDeferredIndexes(sqlite, { names: deferred.filter((name) => name === CONTRACTS_INDEX) });
    // Names before the amount verdicts: a buyer's kind (one of its peer-group keys) may change with its name.
    result.buyerNames = await resolveImportedBuyers(m, context.buyerNames);
    // Amount verdicts before the needs: an aberrant amount stays out of the proposals, in any buyer whose verdict moved.
    const checks = await refreshDecpAmountChecks(m.db);
    result.amountAnomalies = checks.flagged;
    for (const id of checks.organizationIds) touchedBuyers.add(id);
    if (sqlite === null) result.needs = await refreshDecpNeeds(m.db, touchedBuyers, now);
    else result.needs = refreshDecpNeedsSqlite(sqlite, touchedBuyers, now);
  } finally {
    // The unique one last: were it to fail, the others would still be back.
    if (sqlite !== null && deferred.length > 0) {
      restoreDeferredIndexes(sqlite, { names: deferred.filter((name) => name !== DECP_KEY_INDEX) });
      restoreDeferredIndexes(sqlite, { names: deferred.filter((name) => name === DECP_KEY_INDEX) });
    }
  }
  return result;
}

/**
 * Defers `BULK_DEFERRED_INDEXES`, and `DECP_KEY_INDEX` too when the database holds no DECP
 * contract; returns the names dropped. The checks and the drop share one write transaction: an
 * import of another process cannot defer the key index or commit its first contracts in between.
 */
function deferBulkIndexes(database: SqliteHandle, now: string): string[] {
  const holdsDecpContract = database.prepare('SELECT 1 FROM running_contracts WHERE decp_id IS NOT NULL LIMIT 1');
  const defer = database.transaction(() => {
    refuseWithoutKeyIndex(database);
    return holdsDecpContract.get() !== undefined
      ? deferIndexes(database, BULK_DEFERRED_INDEXES, now)
      : deferIndexes(database, [...BULK_DEFERRED_INDEXES, DECP_KEY_INDEX], now, { isIncludingUnique: true });
  });
  return defer.immediate();
}

/**
 * Refuses to go on when the DECP key index is missing: another import, still running, deferred it,
 * and two imports inserting keys unchecked could store one twice.
 */
function refuseWithoutKeyIndex(database: SqliteHandle): void {
  if (database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(DECP_KEY_INDEX) !== undefined) return;
  const by = database.prepare('SELECT deferred_by FROM deferred_indexes WHERE name = ?').pluck().get(DECP_KEY_INDEX);
  throw new DomainError(
    'conflict',
    `Un autre import DECP est en cours${typeof by === 'string' ? ` (processus ${by})` : ''} : relancez celui-ci quand il sera terminé.`,
  );
}

/** Whether to defer indexes: as asked, else when the files are large and hold more records than the database holds contracts. */
async function isWorthDeferring(database: SqliteHandle, options: ImportDecpOptions): Promise<boolean> {
  if (options.isDeferringIndexes !== undefined) return options.isDeferringIndexes;
  let bytes = 0;
  for (const path of options.files) bytes += (await stat(path)).size;
  if (bytes < BULK_MIN_BYTES) return false;
  const { contracts } = database.prepare('SELECT count(*) AS contracts FROM running_contracts').get() as { contracts: number };
  return bytes / BYTES_PER_RECORD > contracts;
}

interface ImportEachFileOptions extends ImportDecpOptions {
  territoryId: string;
  batchSize: number;
  now: string;
  sqlite: SqliteHandle | null;
  writer: SqliteDecpWriter | null;
  context: BatchContext;
}

async function importEachFile(options: ImportEachFileOptions): Promise<void> {
  const { m, files, onProgress, territoryId, batchSize, now, sqlite, writer, context } = options;
  const { result } = context;
  for (const path of files) {
    const file = basename(path);
    const totalBytes = (await stat(path)).size;
    let bytesRead = 0;
    const report = () => onProgress?.({ file, bytesRead, totalBytes, ...counts(result) });
    const awards = acceptedAwardBatches(path, file, context, (n) => (bytesRead = n));
    if (sqlite !== null && writer !== null)
      await writeSqliteBatches({ m, database: sqlite, writer, awards, batchSize, ctx: context, report });
    else {
      let batch: PendingAward[] = [];
      for await (const accepted of awards) {
        for (const pending of accepted) {
          batch.push(pending);
          if (batch.length < batchSize) continue;
          await writeBatchOrEach(m, territoryId, batch, now, context);
          batch = [];
          report();
        }
      }
      if (batch.length > 0) await writeBatchOrEach(m, territoryId, batch, now, context);
      report();
    }
  }
}

/** The awards of one file, one lazy batch per chunk read (see `readDecpRecordBatches`). */
async function* acceptedAwardBatches(
  path: string,
  file: string,
  ctx: BatchContext,
  onBytesRead: (n: number) => void,
): AsyncGenerator<Iterable<PendingAward>> {
  for await (const records of readDecpRecordBatches(path, { onBytesRead })) yield acceptedAwards(records, file, ctx);
}

/** The records that pass normalisation and were not met before in this import; counts the others. */
function* acceptedAwards(records: Iterable<DecpRawRecord>, file: string, ctx: BatchContext): Generator<PendingAward> {
  for (const record of records) {
    ctx.result.read += 1;
    if ('error' in record) {
      ctx.reject(file, record.index, [{ field: '*', reason: record.error }]);
      continue;
    }
    const normalized = normalizeDecpAward(record.raw);
    if (normalized.ok) ctx.buyerNames.add(normalized.award.buyer);
    if (!normalized.ok) ctx.reject(file, record.index, normalized.rejections, normalized.kind);
    else if (!ctx.seenKeys.add(normalized.award.key)) ctx.result.duplicates += 1;
    else {
      if (normalized.award.flags.length > 0) ctx.result.flagged += 1;
      yield { award: normalized.award, file, record: record.index };
    }
  }
}

interface SqliteBatchesOptions {
  m: MutualisDb;
  database: SqliteHandle;
  writer: SqliteDecpWriter;
  awards: AsyncIterable<Iterable<PendingAward>>;
  batchSize: number;
  ctx: BatchContext;
  report: () => void;
}

/**
 * The SQLite path: one transaction per batch of `batchSize` awards, written by sorted chunks as
 * the file is read (so a large batch costs no memory) and reported once committed. The
 * transaction stays open while the file is read, so it holds Kysely's single connection
 * meanwhile: no other query of this process can slip into it. A chunk read's awards may span
 * two transactions.
 */
async function writeSqliteBatches(options: SqliteBatchesOptions): Promise<void> {
  const reads = options.awards[Symbol.asyncIterator]();
  try {
    await writeSqliteTransactions(options, reads);
  } finally {
    // A failure mid-file (a record nested too deep) leaves the reader suspended: close it, and
    // with it the file, now rather than when the garbage collector finds the handle.
    await reads.return?.();
  }
}

async function writeSqliteTransactions(options: SqliteBatchesOptions, reads: AsyncIterator<Iterable<PendingAward>>): Promise<void> {
  const { m, database, writer, batchSize, ctx, report } = options;
  const chunkSize = Math.min(batchSize, SQLITE_CHUNK);
  const refused = (pending: PendingAward, error: unknown) => ctx.reject(pending.file, pending.record, [refusal(error)]);
  let read: Iterator<PendingAward> | null = null;
  /** The next award to write, reading on as needed; null at the end of the file. */
  const takeFirst = async (): Promise<PendingAward | null> => {
    for (;;) {
      if (read === null) {
        const next = await reads.next();
        if (next.done === true) return null;
        read = next.value[Symbol.iterator]();
      }
      const item = read.next();
      if (item.done !== true) return item.value;
      read = null;
    }
  };
  let isDone = false;
  while (!isDone) {
    // The connection is taken once there is an award to write: reading records that are all
    // rejected (a hostile file) leaves it to the other requests.
    const first = await takeFirst();
    if (first === null) {
      report();
      return;
    }
    await m.db.connection().execute(async () => {
      database.prepare('BEGIN IMMEDIATE').run();
      try {
        let written = 0;
        let chunk: PendingAward[] = [];
        let taken: PendingAward | null = first;
        while (written + chunk.length < batchSize) {
          if (taken === null) {
            if (read === null) {
              const next = await reads.next();
              if (next.done === true) {
                isDone = true;
                break;
              }
              read = next.value[Symbol.iterator]();
            }
            const item = read.next();
            if (item.done === true) {
              read = null;
              continue;
            }
            taken = item.value;
          }
          chunk.push(taken);
          taken = null;
          if (chunk.length < chunkSize) continue;
          addOutcome(ctx, writer.writeChunk(chunk, refused));
          written += chunk.length;
          chunk = [];
        }
        if (chunk.length > 0) addOutcome(ctx, writer.writeChunk(chunk, refused));
        database.prepare('COMMIT').run();
      } catch (error) {
        if (database.inTransaction) database.prepare('ROLLBACK').run();
        writer.forget();
        throw error;
      }
    });
    report();
  }
}

interface BatchContext {
  result: ImportDecpResult;
  seenKeys: DecpKeySet;
  buyerNames: BuyerNameCollector;
  touchedBuyers: Set<string>;
  reject: (file: string, record: number, rejections: readonly DecpRejection[], kind?: DecpRejectionKind) => void;
}

/**
 * One transaction for the batch; if the database refuses it, each award is retried in its own
 * transaction so that only the offending records are rejected and no batch is half-written.
 */
async function writeBatchOrEach(m: MutualisDb, territoryId: string, batch: PendingAward[], now: string, ctx: BatchContext): Promise<void> {
  try {
    const outcome = await m.db.transaction().execute((trx) =>
      writeDecpBatch(
        trx,
        territoryId,
        batch.map((p) => p.award),
        now,
      ),
    );
    addOutcome(ctx, outcome);
    return;
  } catch {
    // fall through to one transaction per record
  }
  for (const pending of batch) {
    try {
      const outcome = await m.db.transaction().execute((trx) => writeDecpBatch(trx, territoryId, [pending.award], now));
      addOutcome(ctx, outcome);
    } catch (error) {
      ctx.reject(pending.file, pending.record, [refusal(error)]);
    }
  }
}

function addOutcome(ctx: BatchContext, outcome: Awaited<ReturnType<typeof writeDecpBatch>>): void {
  ctx.result.imported += outcome.imported;
  ctx.result.updated += outcome.updated;
  ctx.result.unchanged += outcome.unchanged;
  for (const id of outcome.buyerIds) ctx.touchedBuyers.add(id);
}

function refusal(error: unknown): DecpRejection {
  return { field: '*', reason: `refusé par la base de données : ${error instanceof Error ? error.message : String(error)}` };
}

async function ensureTerritory(m: MutualisDb, slug: string): Promise<string> {
  const repos = createRepositories(m);
  const existing = await repos.territories.getBySlug(slug);
  if (existing) return existing.id;
  const created = await repos.territories.insert({ slug, name: slug, poolingScope: { kind: 'territory' }, isDemo: false });
  return created.id;
}

function counts(result: ImportDecpResult): Omit<ImportDecpProgress, 'file' | 'bytesRead' | 'totalBytes'> {
  const { read, imported, updated, duplicates, rejected } = result;
  return { read, imported, updated, duplicates, rejected };
}
