// DECP import benchmark (issue 4 §5): `npx tsx bench/decp.ts`; BENCH_DECP_RECORDS sets the size
// (default 1,000,000 ≈ 0.9 GB, generated once in the OS temp directory and reused).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createDatabase, migrateToLatest } from '@mutualis/db';
import { importDecp, readDecpFile } from '../packages/server/src/import';
import { generateDecpFile } from './decp-generate';

export interface BenchResult {
  name: string;
  records: number;
  fileMb: number;
  /** Import into a fresh SQLite file. */
  import: { seconds: number; recordsPerSecond: number; peakRssMb: number; imported: number };
  /** Record splitter + JSON.parse of each record, storing nothing. */
  parseFloor: { seconds: number; recordsPerSecond: number };
  /** DuckDB read_json: count + group by CPV over the same file. */
  duckdb: { seconds: number; recordsPerSecond: number; count: number } | { error: string };
  importToParseFloor: number;
  targets: { recordsPerSecond: boolean; withinThreeTimesParseFloor: boolean; rssUnder500Mb: boolean };
}

export async function runDecpBench(): Promise<BenchResult> {
  const records = Number(process.env.BENCH_DECP_RECORDS ?? 1_000_000);
  if (!Number.isInteger(records) || records <= 0) throw new Error('BENCH_DECP_RECORDS must be a positive integer');
  const file = join(tmpdir(), `mutualis-decp-bench-${records}.json`);
  const bytes = await generateDecpFile(file, records);
  const parseFloor = await measureParseFloor(file);
  const imported = await measureImport(file);
  const duckdb = await measureDuckDb(file).catch((error: unknown) => ({ error: String(error) }));
  const ratio = imported.seconds / parseFloor.seconds;
  return {
    name: 'decp-import',
    records,
    fileMb: Math.round(bytes / 1e6),
    import: imported,
    parseFloor,
    duckdb,
    importToParseFloor: Math.round(ratio * 100) / 100,
    targets: {
      recordsPerSecond: imported.recordsPerSecond >= 50_000,
      withinThreeTimesParseFloor: ratio <= 3,
      rssUnder500Mb: imported.peakRssMb < 500,
    },
  };
}

async function measureParseFloor(file: string): Promise<BenchResult['parseFloor']> {
  const start = performance.now();
  let count = 0;
  for await (const record of readDecpFile(file)) if (!('error' in record)) count += 1;
  const seconds = (performance.now() - start) / 1000;
  return { seconds: round(seconds), recordsPerSecond: Math.round(count / seconds) };
}

async function measureImport(file: string): Promise<BenchResult['import']> {
  const dbPath = join(tmpdir(), `mutualis-decp-bench-${process.pid}.db`);
  const m = await createDatabase(`sqlite:${dbPath}`);
  await migrateToLatest(m);
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 50);
  const start = performance.now();
  try {
    const result = await importDecp({ m, territorySlug: 'bench', files: [file], onProgress: sample });
    const seconds = (performance.now() - start) / 1000;
    return {
      seconds: round(seconds),
      recordsPerSecond: Math.round(result.read / seconds),
      peakRssMb: Math.round(peak / 2 ** 20),
      imported: result.imported,
    };
  } finally {
    clearInterval(timer);
    await m.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  }
}

async function measureDuckDb(file: string): Promise<{ seconds: number; recordsPerSecond: number; count: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const start = performance.now();
  // The whole document is one JSON value: DuckDB must hold it at once (hence the object size limit).
  const reader = await connection.runAndReadAll(
    `SELECT m.codeCPV AS cpv, count(*) AS n
       FROM (SELECT unnest(marches) AS m
               FROM read_json('${file.replace(/'/g, "''")}', maximum_object_size = 4000000000,
                              columns = {marches: 'STRUCT(codeCPV VARCHAR)[]'}))
      GROUP BY 1`,
  );
  const count = reader.getRowObjectsJS().reduce((sum, row) => sum + Number(row.n), 0);
  const seconds = (performance.now() - start) / 1000;
  connection.closeSync();
  instance.closeSync();
  return { seconds: round(seconds), recordsPerSecond: Math.round(count / seconds), count };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runDecpBench(), null, 2));
}
