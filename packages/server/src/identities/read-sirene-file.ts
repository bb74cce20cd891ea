import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DomainError, type FieldIssue, type SireneEstablishment, type SireneLegalUnit } from '@mutualis/core';
import { decompress as zstdDecompress } from 'fzstd';
import { type AsyncBuffer, asyncBufferFromFile, type Compressors, type FileMetaData, parquetMetadataAsync, parquetRead } from 'hyparquet';
import { readCsvRecords, splitCsvRecord } from './csv-records';

/** `establishments`: StockEtablissement (one row per SIRET); `legal_units`: StockUniteLegale (one row per SIREN). */
export type SireneStock = 'establishments' | 'legal_units';
export type SireneFormat = 'csv' | 'parquet';

/** One row of a stored organisation that could not be used: where and why, in French. */
export interface SireneRejection {
  file: string;
  line: number;
  field: string;
  reason: string;
}

/** The rows of stored organisations found in one read, and the rows read. */
export interface SireneBatch {
  establishments: SireneEstablishment[];
  legalUnits: SireneLegalUnit[];
  rejections: SireneRejection[];
  rowsRead: number;
}

export interface SireneFile {
  path: string;
  stock: SireneStock;
  format: SireneFormat;
  /** Bytes of the file, and rows when the format says (Parquet). */
  totalBytes: number;
  totalRows: number | null;
}

export interface ReadSireneOptions {
  /** Rows kept: establishments of these SIRETs, legal units of these SIRENs (the stored organisations'). */
  sirets: ReadonlySet<string>;
  sirens: ReadonlySet<string>;
  onBytesRead?: (bytes: number) => void;
  /** Parquet rows decoded at a time; `PARQUET_SLICE` by default. */
  parquetSliceRows?: number;
}

const COLUMNS: Record<SireneStock, { required: readonly string[]; optional: readonly string[] }> = {
  establishments: {
    required: ['siren', 'siret', 'codeCommuneEtablissement', 'etatAdministratifEtablissement'],
    optional: ['denominationUsuelleEtablissement', 'enseigne1Etablissement'],
  },
  legal_units: {
    required: ['siren', 'categorieJuridiqueUniteLegale', 'etatAdministratifUniteLegale'],
    optional: ['denominationUniteLegale', 'denominationUsuelle1UniteLegale', 'categorieEntreprise'],
  },
};
/** Parquet rows decoded at a time (a slice of a row group): bounds memory whatever the row groups' size. */
const PARQUET_SLICE = 65_536;
/** Value SIRENE gives a field a person asked not to diffuse. */
const NOT_DIFFUSED = '[ND]';

/** Codecs beyond hyparquet's own Snappy: GZIP and Brotli from node:zlib, ZSTD from fzstd (pure JavaScript). */
const COMPRESSORS: Compressors = {
  GZIP: (input) => new Uint8Array(gunzipSync(input)),
  BROTLI: (input) => new Uint8Array(brotliDecompressSync(input)),
  ZSTD: (input, outputLength) => zstdDecompress(input, new Uint8Array(outputLength)),
};

/**
 * Which SIRENE stock a file is (by its columns: StockEtablissement or StockUniteLegale, CSV or
 * Parquet, told by its first bytes). Throws `DomainError('unreadable_file')` naming the file and
 * the missing column when it is neither.
 */
export async function describeSireneFile(path: string): Promise<SireneFile> {
  const name = basename(path);
  const totalBytes = await stat(path).then(
    (s) => s.size,
    () => {
      throw new DomainError('unreadable_file', `${name} : fichier introuvable ou illisible.`, {
        issues: [{ field: '*', file: name, reason: 'fichier introuvable' }],
      });
    },
  );
  if (totalBytes === 0) throw unreadable(name, 1, '*', 'fichier vide');
  if (await isParquet(path)) {
    const metadata = await parquetMetadata(path);
    return { path, stock: stockOf(name, 1, parquetColumns(metadata)), format: 'parquet', totalBytes, totalRows: Number(metadata.num_rows) };
  }
  for await (const records of readCsvRecords(path)) {
    const header = records[0];
    if (header === undefined) continue;
    const columns = splitCsvRecord(header.text);
    if (columns === null) throw unreadable(name, 1, '*', 'en-tête illisible (guillemets)');
    return { path, stock: stockOf(name, 1, columns), format: 'csv', totalBytes, totalRows: null };
  }
  throw unreadable(name, 1, '*', 'fichier vide');
}

/** Streams the rows of stored organisations (see `ReadSireneOptions`), one batch per chunk (CSV) or slice (Parquet) read. */
export function readSireneFile(file: SireneFile, options: ReadSireneOptions): AsyncGenerator<SireneBatch> {
  return file.format === 'csv' ? readCsv(file, options) : readParquet(file, options);
}

async function* readCsv(file: SireneFile, options: ReadSireneOptions): AsyncGenerator<SireneBatch> {
  const name = basename(file.path);
  let columns: string[] | null = null;
  let index: Map<string, number> = new Map();
  const keyColumn = file.stock === 'establishments' ? 'siret' : 'siren';
  for await (const records of readCsvRecords(file.path, { onBytesRead: options.onBytesRead })) {
    const batch: SireneBatch = { establishments: [], legalUnits: [], rejections: [], rowsRead: 0 };
    for (const record of records) {
      if (columns === null) {
        columns = splitCsvRecord(record.text) ?? [];
        index = new Map(columns.map((column, i) => [column, i]));
        continue;
      }
      if (record.text === '') continue;
      batch.rowsRead += 1;
      // Most rows are not a stored organisation's: their SIREN (the first field) decides before any split.
      if (!options.sirens.has(record.text.slice(0, 9)) && !record.text.startsWith('"')) continue;
      const fields = splitCsvRecord(record.text);
      if (fields === null || fields.length !== columns.length) {
        batch.rejections.push({
          file: name,
          line: record.line,
          field: '*',
          reason: fields === null ? 'guillemets mal fermés' : `${fields.length} champs au lieu de ${columns.length}`,
        });
        continue;
      }
      const get = (column: string): string => fields[index.get(column) ?? -1] ?? '';
      if (!isWanted(file.stock, get(keyColumn), options)) continue;
      addRow(file.stock, get, { file: name, line: record.line }, batch);
    }
    yield batch;
  }
}

async function* readParquet(file: SireneFile, options: ReadSireneOptions): AsyncGenerator<SireneBatch> {
  const name = basename(file.path);
  const buffer = await openParquet(file.path);
  const metadata = await parquetMetadataAsync(buffer);
  const available = new Set(parquetColumns(metadata));
  const { required, optional } = COLUMNS[file.stock];
  const columns = [...required, ...optional.filter((c) => available.has(c))];
  const keyColumn = file.stock === 'establishments' ? 'siret' : 'siren';
  const total = Number(metadata.num_rows);
  const slice = options.parquetSliceRows ?? PARQUET_SLICE;
  for (let start = 0; start < total; start += slice) {
    const end = Math.min(total, start + slice);
    const data = new Map<string, unknown[]>();
    try {
      await parquetRead({
        file: buffer,
        metadata,
        columns,
        rowStart: start,
        rowEnd: end,
        compressors: COMPRESSORS,
        onChunk: (chunk) => {
          if (chunk.rowEnd <= start || chunk.rowStart >= end) return;
          const values = data.get(chunk.columnName) ?? new Array<unknown>(end - start);
          for (let i = Math.max(chunk.rowStart, start); i < Math.min(chunk.rowEnd, end); i += 1)
            values[i - start] = chunk.columnData[i - chunk.rowStart];
          data.set(chunk.columnName, values);
        },
      });
    } catch (error) {
      throw unreadable(name, start + 2, '*', `Parquet illisible (${error instanceof Error ? error.message : String(error)})`);
    }
    const batch: SireneBatch = { establishments: [], legalUnits: [], rejections: [], rowsRead: end - start };
    const keys = data.get(keyColumn) ?? [];
    for (let i = 0; i < end - start; i += 1) {
      const key = text(keys[i], keyColumn);
      if (!isWanted(file.stock, key, options)) continue;
      // Line as in the CSV of the same stock: the header is line 1, the first row line 2.
      addRow(file.stock, (column) => text(data.get(column)?.[i], column), { file: name, line: start + i + 2 }, batch);
    }
    options.onBytesRead?.(Math.round((end / Math.max(total, 1)) * file.totalBytes));
    yield batch;
  }
}

function isWanted(stock: SireneStock, key: string, options: ReadSireneOptions): boolean {
  return stock === 'establishments' ? options.sirets.has(key) : options.sirens.has(key);
}

/** Checks one row of a stored organisation and adds it to the batch, or its rejection. */
function addRow(stock: SireneStock, get: (column: string) => string, where: { file: string; line: number }, batch: SireneBatch): void {
  const issues: { field: string; reason: string }[] = [];
  const check = (field: string, isValid: boolean, reason: string) => {
    if (!isValid) issues.push({ field, reason: `« ${get(field)} » ${reason}` });
  };
  if (stock === 'establishments') {
    const inseeCode = get('codeCommuneEtablissement');
    check('siret', /^\d{14}$/.test(get('siret')), 'n’est pas un SIRET (14 chiffres)');
    check('codeCommuneEtablissement', inseeCode === '' || /^(\d{5}|2[AB]\d{3})$/.test(inseeCode), 'n’est pas un code INSEE de commune');
    check('etatAdministratifEtablissement', ['A', 'F'].includes(get('etatAdministratifEtablissement')), 'n’est ni A (actif) ni F (fermé)');
    if (issues.length === 0)
      batch.establishments.push({
        siret: get('siret'),
        name: diffused(get('denominationUsuelleEtablissement')) ?? diffused(get('enseigne1Etablissement')),
        inseeCode: inseeCode === '' ? null : inseeCode,
        isActive: get('etatAdministratifEtablissement') === 'A',
      });
  } else {
    const enterprise = get('categorieEntreprise');
    check('siren', /^\d{9}$/.test(get('siren')), 'n’est pas un SIREN (9 chiffres)');
    check(
      'categorieJuridiqueUniteLegale',
      /^\d{4}$/.test(get('categorieJuridiqueUniteLegale')),
      'n’est pas une catégorie juridique (4 chiffres)',
    );
    check('etatAdministratifUniteLegale', ['A', 'C'].includes(get('etatAdministratifUniteLegale')), 'n’est ni A (active) ni C (cessée)');
    check('categorieEntreprise', ['', 'PME', 'ETI', 'GE'].includes(enterprise), 'n’est ni PME, ni ETI, ni GE');
    if (issues.length === 0)
      batch.legalUnits.push({
        siren: get('siren'),
        name: diffused(get('denominationUniteLegale')) ?? diffused(get('denominationUsuelle1UniteLegale')),
        legalCategory: get('categorieJuridiqueUniteLegale'),
        enterpriseCategory: enterprise === '' ? null : enterprise,
        isActive: get('etatAdministratifUniteLegale') === 'A',
      });
  }
  for (const issue of issues) batch.rejections.push({ ...where, ...issue });
}

function diffused(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' || trimmed === NOT_DIFFUSED ? null : trimmed;
}

/** A Parquet value as the CSV would write it (identifiers typed as numbers get their leading zeros back). */
function text(value: unknown, column: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits = String(value);
    return column === 'siren' ? digits.padStart(9, '0') : column === 'siret' ? digits.padStart(14, '0') : digits;
  }
  return String(value);
}

function stockOf(name: string, line: number, columns: readonly string[]): SireneStock {
  const present = new Set(columns.map((c) => c.trim()));
  const stock: SireneStock = present.has('siret') ? 'establishments' : 'legal_units';
  if (!present.has('siret') && !present.has('categorieJuridiqueUniteLegale'))
    throw unreadable(
      name,
      line,
      'siret',
      'ni colonne « siret » (StockEtablissement) ni « categorieJuridiqueUniteLegale » (StockUniteLegale) : ce n’est pas un stock SIRENE',
    );
  const missing = COLUMNS[stock].required.filter((c) => !present.has(c));
  if (missing.length > 0)
    throw unreadable(
      name,
      line,
      missing[0] as string,
      `colonne${missing.length > 1 ? 's' : ''} ${missing.map((c) => `« ${c} »`).join(', ')} absente${missing.length > 1 ? 's' : ''} du stock ${stock === 'establishments' ? 'des établissements' : 'des unités légales'}`,
    );
  return stock;
}

async function isParquet(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.toString('latin1') === 'PAR1';
  } finally {
    await handle.close();
  }
}

async function openParquet(path: string): Promise<AsyncBuffer> {
  return asyncBufferFromFile(path);
}

async function parquetMetadata(path: string): Promise<FileMetaData> {
  try {
    return await parquetMetadataAsync(await openParquet(path));
  } catch (error) {
    throw unreadable(basename(path), 1, '*', `Parquet illisible (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parquetColumns(metadata: FileMetaData): string[] {
  return metadata.schema.slice(1).map((element) => element.name);
}

function unreadable(file: string, line: number, field: string, reason: string): DomainError {
  const issue: FieldIssue = { field, file, line, reason };
  return new DomainError('unreadable_file', `${file}, ligne ${line}${field === '*' ? '' : `, champ ${field}`} : ${reason}.`, {
    issues: [issue],
  });
}
