import type { DecpImportScope, DecpRejectionDto, ImportProgress } from '@mutualis/contract';
import { type DecpAward, type DecpRejection } from '@mutualis/core';
import { type DecpStore } from '@mutualis/db';
import type { DecpRawRecord } from './decp-raw-record';
/** A file to import: where it is, and the name reports give it (the user's own file name). */
export interface DecpImportFile {
  path: string;
  name: string;
}
/** A buyer of the files, decided at its first award: where it is and whether the import takes it. */
export interface BuyerInFiles {
  name: string;
  /** '' when unknown. */
  departementCode: string;
  /** Its organization when already stored. */
  storedId: string | null;
  isMember: boolean;
  isInScope: boolean;
  records: number;
}
export interface DecpPassOptions {
  store: DecpStore;
  territoryId: string;
  files: readonly DecpImportFile[];
  scope: DecpImportScope;
  onProgress?: (progress: ImportProgress) => void;
  /** Rejections listed (all are counted); 10,000 by default. */
  maxRejections?: number;
  /** Stops the reading between two chunks (the process is closing). */
  signal?: AbortSignal;
}
/**
 * Whether an award is kept with something doubtful: an estimated start (no notification date) or
 * text whose accents were broken at publication.
 */
export declare function isFlagged(award: DecpAward): boolean;
/**
 * One reading of DECP files for an import or its preview: records normalised, duplicates (same
 * buyer SIRET + id met earlier) and rejections counted, each buyer placed in or out of the scope
 * at its first award (a member of the territory, or located in one of the scope's départements, or
 * any when `includeOutside`); `chunks()` gives the awards in the scope, one batch per chunk read.
 */
export declare class DecpImportPass {
  private readonly options;
  readonly counts: {
    read: number;
    rejected: number;
    duplicates: number;
    kept: number;
    flagged: number;
    outside: number;
  };
  readonly buyers: Map<string, BuyerInFiles>;
  readonly rejections: DecpRejectionDto[];
  rejectionsTruncated: boolean;
  private readonly seenKeys;
  private readonly positions;
  private readonly departements;
  private readonly startedAt;
  private totalBytes;
  private bytesBefore;
  private bytesRead;
  private fileName;
  constructor(options: DecpPassOptions);
  /**
   * The awards in the scope, by arrays of at least `minAwards` (the last one excepted): each read
   * of the file (1 MiB, about 1,400 records) gives some, so 1 gives one array per read.
   */
  chunks(minAwards?: number): AsyncGenerator<DecpAward[]>;
  /** Where the reading stands, `phase` being what the import does meanwhile. */
  progress(phase: ImportProgress['phase']): ImportProgress;
  report(phase: ImportProgress['phase']): void;
  /** Records a problem with a record (counted once per record, listed per field). */
  reject(file: string, record: Pick<DecpRawRecord, 'index' | 'line'>, reasons: readonly DecpRejection[]): void;
  /** Rejects an award of this pass that the database refused. */
  refuse(award: DecpAward, reason: string): void;
  private take;
  /** Decides, for the buyers met for the first time, where they are and whether they are in the scope. */
  private placeNewBuyers;
}
