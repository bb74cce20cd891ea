import { basename } from 'node:path';
import type { SireneEstablishment, SireneLegalUnit } from '@mutualis/core';
import { createRepositories, type MutualisDb, withTransaction } from '@mutualis/db';
import { describeSireneFile, readSireneFile, type SireneFormat, type SireneRejection, type SireneStock } from './read-sirene-file';
import { resolveBuyerIdentities } from './resolve-buyer-identities';

/** Rows of stored organisations written per transaction. */
const WRITE_BATCH = 1_000;

export interface ImportSireneProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  matched: number;
}

export interface ImportSireneOptions {
  m: MutualisDb;
  file: string;
  onProgress?: (progress: ImportSireneProgress) => void;
  /** Rejections kept in the result (all are counted); 1,000 by default. */
  maxRejections?: number;
}

export interface ImportSireneResult {
  file: string;
  stock: SireneStock;
  format: SireneFormat;
  /** Data rows of the file. */
  rowsRead: number;
  /** Rows of stored organisations (their SIRET for establishments, their SIREN for legal units) recorded. */
  matched: number;
  /** Rows of stored organisations refused (bad SIRET, commune code, catégorie juridique…), each with its line. */
  rejected: number;
  rejections: SireneRejection[];
  rejectionsTruncated: boolean;
  /** The identity pass that followed: organisations resolved, changed, left to review. */
  resolved: number;
  changed: number;
  toReview: number;
}

/**
 * `mutualis import sirene <file>`: reads an official SIRENE stock — StockEtablissement (SIRET →
 * commune, state, usual name) or StockUniteLegale (SIREN → name, catégorie juridique, state), CSV
 * or Parquet — streamed, keeping only the rows of stored organisations; records them, then resolves
 * those organisations' names, communes and kinds (`resolveBuyerIdentities`). Each batch of rows is
 * one transaction; running it again with the same file changes nothing.
 */
export async function importSirene(options: ImportSireneOptions): Promise<ImportSireneResult> {
  const { m } = options;
  const maxRejections = options.maxRejections ?? 1_000;
  const file = await describeSireneFile(options.file);
  const repos = createRepositories(m);
  const { sirets, sirens } = await repos.buyerIdentities.listStoredIdentifiers();
  const name = basename(options.file);
  const result: ImportSireneResult = {
    file: name,
    stock: file.stock,
    format: file.format,
    rowsRead: 0,
    matched: 0,
    rejected: 0,
    rejections: [],
    rejectionsTruncated: false,
    resolved: 0,
    changed: 0,
    toReview: 0,
  };
  const touched = new Set<string>();
  let establishments: SireneEstablishment[] = [];
  let legalUnits: SireneLegalUnit[] = [];
  const flush = async () => {
    if (establishments.length === 0 && legalUnits.length === 0) return;
    const [fromEstablishments, fromUnits] = await withTransaction(m, async (trx) => [
      await trx.buyerIdentities.recordEstablishments(establishments),
      await trx.buyerIdentities.recordLegalUnits(legalUnits),
    ]);
    for (const siren of [...fromEstablishments, ...fromUnits]) touched.add(siren);
    establishments = [];
    legalUnits = [];
  };
  let bytesRead = 0;
  for await (const batch of readSireneFile(file, { sirets, sirens, onBytesRead: (n) => (bytesRead = n) })) {
    result.rowsRead += batch.rowsRead;
    result.matched += batch.establishments.length + batch.legalUnits.length;
    establishments.push(...batch.establishments);
    legalUnits.push(...batch.legalUnits);
    result.rejected += batch.rejections.length;
    for (const rejection of batch.rejections) {
      if (result.rejections.length < maxRejections) result.rejections.push(rejection);
      else result.rejectionsTruncated = true;
    }
    if (establishments.length + legalUnits.length >= WRITE_BATCH) await flush();
    options.onProgress?.({ file: name, bytesRead, totalBytes: file.totalBytes, rowsRead: result.rowsRead, matched: result.matched });
  }
  await flush();
  const resolution = await resolveBuyerIdentities(m, touched);
  return { ...result, ...resolution };
}
