// The floors of the DECP import benchmark (issue 4 §5) beyond parsing: what SQLite alone needs to
// store the imported rows, and what a two-thread import would still have to do. With reading and
// normalising on a second thread, the writing thread must still receive the values and bind them
// one by one (where INSERT … SELECT copies rows inside SQLite); and the proposed needs, sums over
// the whole file, can only be written, and the deferred indexes built, once every record is read.
import { rmSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { normalizeDecpAward } from '@mutualis/core';
import { createDatabase, deferIndexes, migrateToLatest, restoreDeferredIndexes, type SqliteHandle, sqliteHandleOf } from '@mutualis/db';
import Database from 'better-sqlite3';
import { BULK_DEFERRED_INDEXES, DECP_KEY_INDEX } from '../packages/server/src/import/import-decp';
import { readDecpRecordBatches } from '../packages/server/src/import/read-decp-file';
import { tuneSqliteForBulk } from '../packages/server/src/import/tune-sqlite-for-bulk';
import { DECP_FIELDS, toContractRow } from '../packages/server/src/import/write-decp-batch';
import { cpuMsSince, roundSeconds } from './measure';

/** Rows read from the imported database, then bound, at a time. */
const ROWS_PER_SLICE = 1_000;
/** The tables an import fills as it reads, in its order; then the needs, once all is read. */
const STREAMED_TABLES = ['territories', 'organizations', 'territory_members', 'running_contracts'] as const;
/** A contract's values that would cross from the reading thread: the DECP fields and key; the organization's id is the writer's to find. */
const HANDED_OVER = [...DECP_FIELDS.filter((name) => name !== 'organization_id'), 'decp_id'] as const;
/** What the import defers on a first import (the key index too: the database holds no DECP contract). */
const DEFERRED = [...BULK_DEFERRED_INDEXES, DECP_KEY_INDEX];

export interface WriteFloor {
  seconds: number;
  cpuSeconds: number;
  /** CPU seconds of each part: the rows written as the file is read, the needs, the one COMMIT (last pages written, WAL checkpointed into the file), the deferred indexes built. */
  parts: { streamed: number; needs: number; commit: number; indexes: number };
}

/**
 * What SQLite alone needs to store what the import stored: the territory, organizations,
 * memberships, contracts and needs of the imported database copied by `INSERT … SELECT` (native
 * code, rows already built, in the import's order) into a fresh database with the same schema and
 * settings, the bulk path's deferred indexes dropped during the copy and rebuilt after it, as the
 * import does. No importer, however fast its own code, goes below parse floor + write floor.
 */
export async function measureWriteFloor(importedDbPath: string): Promise<WriteFloor> {
  return withFreshDatabase(`${importedDbPath}.floor`, importedDbPath, (database) => {
    const start = performance.now();
    const total = process.cpuUsage();
    const deferred = deferIndexes(database, DEFERRED, new Date().toISOString(), { isIncludingUnique: true });
    database.exec('BEGIN IMMEDIATE');
    const streamed = cpuSecondsOf(() => copy(database, STREAMED_TABLES));
    const needs = cpuSecondsOf(() => copy(database, ['needs']));
    const commit = cpuSecondsOf(() => database.exec('COMMIT'));
    const indexes = cpuSecondsOf(() => restoreDeferredIndexes(database, { names: deferred }));
    return {
      seconds: roundSeconds((performance.now() - start) / 1000),
      cpuSeconds: roundSeconds(cpuMsSince(total) / 1000),
      parts: { streamed: roundSeconds(streamed), needs: roundSeconds(needs), commit: roundSeconds(commit), indexes: roundSeconds(indexes) },
    };
  });
}

export interface HandOff {
  /** CPU seconds to read, parse and normalise the file and build each contract's values: the reading thread's work. */
  readCpuSeconds: number;
  /** CPU seconds the writing thread spends taking the contracts' values out of the messages (v8 deserialize, as `postMessage` does). */
  receiveCpuSeconds: number;
  awards: number;
}

/**
 * Reads and normalises the file as the import does, and hands each read's awards over as a
 * message would: only the values the writer binds for a contract (no object, no buyer or holder
 * row, no need), serialized once per read. Times the receiving side's `deserialize` apart.
 */
export async function measureHandOff(file: string): Promise<HandOff> {
  const now = new Date().toISOString();
  const start = process.cpuUsage();
  let receiveMs = 0;
  let awards = 0;
  for await (const records of readDecpRecordBatches(file)) {
    const values: unknown[] = [];
    for (const record of records) {
      if ('error' in record) continue;
      const normalized = normalizeDecpAward(record.raw);
      if (!normalized.ok) continue;
      const row = toContractRow(normalized.award, '', now);
      for (const name of HANDED_OVER) values.push(row[name]);
      awards += 1;
    }
    const message = serialize(values);
    const receive = process.cpuUsage();
    deserialize(message);
    receiveMs += cpuMsSince(receive);
  }
  return {
    readCpuSeconds: roundSeconds((cpuMsSince(start) - receiveMs) / 1000),
    receiveCpuSeconds: roundSeconds(receiveMs / 1000),
    awards,
  };
}

/** CPU seconds of prepared `INSERT`s of a table's imported rows, values bound from JavaScript arrays, over those of `INSERT … SELECT` of the same rows. */
export interface BindingCost {
  contracts: number;
  needs: number;
}

/**
 * The contracts and needs of the imported database written into two fresh databases set up as
 * the import sets its own (deferred indexes, bulk page cache, one transaction): by `INSERT …
 * SELECT`, and by a prepared `INSERT` per row from arrays read beforehand. Only the inserts are
 * timed (not the reads); nothing is committed.
 */
export async function measureBindingCost(importedDbPath: string): Promise<BindingCost> {
  const copied = await withFreshDatabase(`${importedDbPath}.copied`, importedDbPath, (database) =>
    inOneTransaction(database, () => ({
      contracts: cpuSecondsOf(() => copy(database, ['running_contracts'])),
      needs: cpuSecondsOf(() => copy(database, ['needs'])),
    })),
  );
  const source = new Database(importedDbPath, { readonly: true });
  try {
    const bound = await withFreshDatabase(`${importedDbPath}.bound`, importedDbPath, (database) =>
      inOneTransaction(database, () => ({
        contracts: bindRows(database, source, 'running_contracts'),
        needs: bindRows(database, source, 'needs'),
      })),
    );
    return { contracts: roundSeconds(bound.contracts - copied.contracts), needs: roundSeconds(bound.needs - copied.needs) };
  } finally {
    source.close();
  }
}

/** Writes `table`'s rows of `source` into `database` one prepared INSERT each; returns the CPU seconds of the inserts alone. */
function bindRows(database: SqliteHandle, source: Database.Database, table: string): number {
  const columns = (source.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).join(', ');
  const insert = database.prepare(`INSERT INTO main.${table} (${columns}) VALUES (${columns.replace(/[^,]+/g, '?')})`);
  let ms = 0;
  let slice: unknown[][] = [];
  const bind = () => {
    const cpu = process.cpuUsage();
    for (const row of slice) insert.run(row);
    ms += cpuMsSince(cpu);
    slice = [];
  };
  for (const row of source.prepare(`SELECT ${columns} FROM ${table} ORDER BY rowid`).raw().iterate() as Iterable<unknown[]>) {
    slice.push(row);
    if (slice.length === ROWS_PER_SLICE) bind();
  }
  bind();
  return ms / 1000;
}

/** The parts the two-thread bound is made of (CPU seconds). */
export interface TwoThreadBound {
  /** All the work: reading thread + receiving + write floor + binding. */
  work: number;
  /** The part that waits for the last record: the needs written (copy + binding) and the deferred indexes built. */
  afterReading: number;
  /** The part that may run on either core meanwhile: the WAL checkpoint. */
  checkpoint: number;
  /** The least wall time on two cores: the work before the last record shared evenly, then what waits for it. */
  seconds: number;
}

/**
 * The least wall time of an import on two perfectly balanced threads whose only work is the
 * measured reading thread's, receiving the contracts' values, binding the rows and SQLite's own
 * writing: no organization, duplicate or need logic, no needs' values crossing over, no contention
 * between the threads. What waits for the last record cannot start before it; the rest, and the
 * checkpoint, are shared between the two cores.
 */
export function twoThreadBound(writeFloor: WriteFloor, handOff: HandOff, binding: BindingCost): TwoThreadBound {
  const work = handOff.readCpuSeconds + handOff.receiveCpuSeconds + writeFloor.cpuSeconds + binding.contracts + binding.needs;
  const afterReading = writeFloor.parts.needs + binding.needs + writeFloor.parts.indexes;
  const checkpoint = writeFloor.parts.commit;
  const seconds = afterReading + Math.max(0, work - afterReading - checkpoint) / 2;
  return {
    work: roundSeconds(work),
    afterReading: roundSeconds(afterReading),
    checkpoint: roundSeconds(checkpoint),
    seconds: roundSeconds(seconds),
  };
}

function copy(database: SqliteHandle, tables: readonly string[]): void {
  for (const table of tables) database.exec(`INSERT INTO main.${table} SELECT * FROM imported.${table} ORDER BY rowid`);
}

function cpuSecondsOf(run: () => void): number {
  const cpu = process.cpuUsage();
  run();
  return cpuMsSince(cpu) / 1000;
}

/** Defers the import's indexes, then runs `write` inside a transaction that is then rolled back (nothing after the timed inserts matters, and the commit's checkpoint is spared). */
function inOneTransaction<T>(database: SqliteHandle, write: () => T): T {
  deferIndexes(database, DEFERRED, new Date().toISOString(), { isIncludingUnique: true });
  database.exec('BEGIN IMMEDIATE');
  try {
    // What the contracts and needs refer to, untimed.
    copy(database, ['territories', 'organizations', 'territory_members']);
    return write();
  } finally {
    database.exec('ROLLBACK');
  }
}

/** A fresh migrated SQLite database at `path`, set up for bulk writes as the import sets its own, `importedDbPath` attached as `imported`; removed after `use`. */
async function withFreshDatabase<T>(path: string, importedDbPath: string, use: (database: SqliteHandle) => T): Promise<T> {
  const m = await createDatabase(`sqlite:${path}`);
  try {
    await migrateToLatest(m);
    const database = sqliteHandleOf(m);
    if (database === null) throw new Error('the floors need SQLite');
    await tuneSqliteForBulk(m);
    database.exec(`ATTACH DATABASE '${importedDbPath.replace(/'/g, "''")}' AS imported`);
    const result = use(database);
    database.exec('DETACH DATABASE imported');
    return result;
  } finally {
    await m.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}
