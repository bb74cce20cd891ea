import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type DecpAward, type DecpRejection, normalizeDecpAward } from '@mutualis/core';
import { createRepositories, type MutualisDb, nowIso, type SqliteHandle, sqliteHandleOf } from '@mutualis/db';
import { DecpKeySet } from './decp-key-set';
import { readDecpFile } from './read-decp-file';
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
  /** Records written per transaction; 10,000 by default on SQLite, 1,000 on PostgreSQL. */
  batchSize?: number;
  /** Rejections kept in the result (all are counted); 10,000 by default. */
  maxRejections?: number;
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
  /** Records not imported: unparsable, test records, concessions, invalid or missing required fields. */
  rejected: number;
  rejections: ImportDecpRejection[];
  rejectionsTruncated: boolean;
  needs: { created: number; updated: number };
}

interface PendingAward {
  award: DecpAward;
  file: string;
  record: number;
}

/**
 * Imports DECP files (2019 or 2024 format, JSON or XML) into a territory: buyers and holders as
 * organizations, buyers as members, awards as running contracts (idempotent by `decp_id`), then
 * proposed needs per buyer and purchase family. Records are written in batches, one transaction
 * each; a bad record is reported and skipped, never aborting the import.
 */
export async function importDecp(options: ImportDecpOptions): Promise<ImportDecpResult> {
  const restore = await tuneSqliteForBulk(options.m);
  try {
    return await importFiles(options);
  } finally {
    await restore();
  }
}

async function importFiles(options: ImportDecpOptions): Promise<ImportDecpResult> {
  const { m, files, onProgress } = options;
  const sqlite = sqliteHandleOf(m);
  const batchSize = options.batchSize ?? (sqlite === null ? 1000 : 10_000);
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
    rejections: [],
    rejectionsTruncated: false,
    needs: { created: 0, updated: 0 },
  };
  const seenKeys = new DecpKeySet();
  const touchedBuyers = new Set<string>();
  const reject = (file: string, record: number, rejections: readonly DecpRejection[]): void => {
    result.rejected += 1;
    for (const r of rejections) {
      if (result.rejections.length < maxRejections) result.rejections.push({ file, record, field: r.field, reason: r.reason });
      else result.rejectionsTruncated = true;
    }
  };
  const context: BatchContext = { result, touchedBuyers, reject };
  const writer = sqlite === null ? null : createSqliteDecpWriter(sqlite, territoryId, now);
  const flush = async (batch: PendingAward[]): Promise<void> => {
    if (batch.length === 0) return;
    if (sqlite !== null && writer !== null) writeSqliteBatchOrEach(sqlite, writer, batch, context);
    else await writeBatchOrEach(m, territoryId, batch, now, context);
  };

  for (const path of files) {
    const file = basename(path);
    const totalBytes = (await stat(path)).size;
    let bytesRead = 0;
    let batch: PendingAward[] = [];
    const report = () => onProgress?.({ file, bytesRead, totalBytes, ...counts(result) });
    for await (const record of readDecpFile(path, { onBytesRead: (n) => (bytesRead = n) })) {
      result.read += 1;
      if ('error' in record) {
        reject(file, record.index, [{ field: '*', reason: record.error }]);
        continue;
      }
      const normalized = normalizeDecpAward(record.raw);
      if (!normalized.ok) reject(file, record.index, normalized.rejections);
      else if (!seenKeys.add(normalized.award.key)) result.duplicates += 1;
      else batch.push({ award: normalized.award, file, record: record.index });
      if (batch.length >= batchSize) {
        await flush(batch);
        batch = [];
        report();
      }
    }
    await flush(batch);
    report();
  }
  result.needs = sqlite === null ? await refreshDecpNeeds(m.db, touchedBuyers, now) : refreshDecpNeedsSqlite(sqlite, touchedBuyers, now);
  return result;
}

interface BatchContext {
  result: ImportDecpResult;
  touchedBuyers: Set<string>;
  reject: (file: string, record: number, rejections: readonly DecpRejection[]) => void;
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
      const reason = `refusé par la base de données : ${error instanceof Error ? error.message : String(error)}`;
      ctx.reject(pending.file, pending.record, [{ field: '*', reason }]);
    }
  }
}

/** `writeBatchOrEach` on the SQLite fast path: the same all-or-record-by-record rule, synchronous transactions. */
function writeSqliteBatchOrEach(database: SqliteHandle, writer: SqliteDecpWriter, batch: PendingAward[], ctx: BatchContext): void {
  try {
    addOutcome(ctx, database.transaction(() => writer.writeBatch(batch.map((p) => p.award)))());
    return;
  } catch {
    writer.forget(); // what it cached from the rolled-back batch is not in the database
  }
  for (const pending of batch) {
    try {
      addOutcome(ctx, database.transaction(() => writer.writeBatch([pending.award]))());
    } catch (error) {
      writer.forget();
      const reason = `refusé par la base de données : ${error instanceof Error ? error.message : String(error)}`;
      ctx.reject(pending.file, pending.record, [{ field: '*', reason }]);
    }
  }
}

function addOutcome(ctx: BatchContext, outcome: Awaited<ReturnType<typeof writeDecpBatch>>): void {
  ctx.result.imported += outcome.imported;
  ctx.result.updated += outcome.updated;
  ctx.result.unchanged += outcome.unchanged;
  for (const id of outcome.buyerIds) ctx.touchedBuyers.add(id);
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
