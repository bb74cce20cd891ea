import { stat } from 'node:fs/promises';
import type { DecpImportScope, DecpRejectionDto, ImportProgress } from '@mutualis/contract';
import type { DecpAward, DecpRejection, DecpRejectionKind } from '@mutualis/core';
import { buyerPlaceOf, type DecpStore } from '@mutualis/db';
import { BuyerNameCollector } from '../identities/buyer-name-collector';
import type { DecpRawRecord } from './decp-raw-record';
import { type DecpImportFile, type DecpRecordPlace, type DecpSlice, readDecpSlices } from './decp-slices';
import { readDecpSlicesInWorker } from './read-decp-slices-in-worker';

export type { DecpImportFile } from './decp-slices';

/**
 * From this many bytes of files, they are read and normalised in a worker thread, on another core,
 * while this thread stores (docs/benchmarks.md); below, starting the worker (loading its modules)
 * would cost more than it saves.
 */
const WORKER_FROM_BYTES = 16 * 2 ** 20;

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
  /** Files of at least this many bytes in all are read in a worker thread; `WORKER_FROM_BYTES` by default. */
  workerFromBytes?: number;
}

/**
 * One reading of DECP files for an import or its preview: records normalised, duplicates (same
 * buyer SIRET + id met earlier) and rejections counted, each buyer placed in or out of the scope
 * at its first award (a member of the territory, or located in one of the scope's départements, or
 * any when `includeOutside`); `chunks()` gives the awards in the scope, one batch per chunk read.
 */
export class DecpImportPass {
  readonly counts = { read: 0, rejected: 0, duplicates: 0, kept: 0, flagged: 0, outside: 0 };
  readonly rejectedByKind: Record<DecpRejectionKind, number> = { unreadable: 0, test: 0, concession: 0, no_buyer: 0 };
  readonly buyers = new Map<string, BuyerInFiles>();
  readonly rejections: DecpRejectionDto[] = [];
  rejectionsTruncated = false;
  /** The buyer names met in the scope, per SIRET (see `resolveImportedBuyers`). */
  readonly buyerNames = new BuyerNameCollector();
  private readonly positions = new WeakMap<DecpAward, { file: string; record: DecpRecordPlace }>();
  private readonly departements: ReadonlySet<string>;
  private readonly startedAt = performance.now();
  private totalBytes = 0;
  private bytesRead = 0;
  private fileName = '';

  constructor(private readonly options: DecpPassOptions) {
    this.departements = new Set(options.scope.departements);
  }

  /**
   * The awards in the scope, by arrays of at least `minAwards` (the last one excepted): each read
   * of the file (1 MiB, about 1,400 records) gives some, so 1 gives one array per read.
   */
  async *chunks(minAwards = 1): AsyncGenerator<DecpAward[]> {
    for (const file of this.options.files) this.totalBytes += (await stat(file.path)).size;
    this.fileName = this.options.files[0]?.name ?? '';
    const inWorker = this.totalBytes >= (this.options.workerFromBytes ?? WORKER_FROM_BYTES);
    let pending: DecpAward[] = [];
    for await (const slice of inWorker ? readDecpSlicesInWorker(this.options.files) : readDecpSlices(this.options.files)) {
      this.options.signal?.throwIfAborted();
      for (const award of await this.take(slice)) pending.push(award);
      this.report('reading');
      if (pending.length < minAwards) continue;
      yield pending;
      pending = [];
    }
    if (pending.length > 0) yield pending;
  }

  /** Where the reading stands, `phase` being what the import does meanwhile. */
  progress(phase: ImportProgress['phase']): ImportProgress {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const share = this.totalBytes === 0 ? 0 : this.bytesRead / this.totalBytes;
    return {
      phase,
      fileName: this.fileName,
      bytesRead: this.bytesRead,
      totalBytes: this.totalBytes,
      ...this.counts,
      secondsLeft: phase !== 'reading' || share === 0 ? null : Math.round((seconds * (1 - share)) / share),
    };
  }

  report(phase: ImportProgress['phase']): void {
    this.options.onProgress?.(this.progress(phase));
  }

  /** Records a problem with a record (counted once per record, listed per field). */
  reject(
    file: string,
    record: Pick<DecpRawRecord, 'index' | 'line'>,
    reasons: readonly DecpRejection[],
    kind: DecpRejectionKind = 'unreadable',
  ): void {
    this.counts.rejected += 1;
    this.rejectedByKind[kind] += 1;
    for (const r of reasons) {
      if (this.rejections.length >= (this.options.maxRejections ?? 10_000)) {
        this.rejectionsTruncated = true;
        return;
      }
      this.rejections.push({ file, record: record.index, ...(record.line === undefined ? {} : { line: record.line }), ...r });
    }
  }

  /** Rejects an award of this pass that the database refused. */
  refuse(award: DecpAward, reason: string): void {
    const position = this.positions.get(award);
    this.reject(position?.file ?? '', position?.record ?? { index: -1 }, [{ field: '*', reason }]);
  }

  private async take(slice: DecpSlice): Promise<DecpAward[]> {
    this.fileName = slice.fileName;
    this.bytesRead = slice.bytesRead;
    this.counts.read += slice.read;
    for (const { reasons, kind, ...place } of slice.rejected) this.reject(slice.fileName, place, reasons, kind);
    this.counts.duplicates += slice.duplicates;
    const accepted = slice.awards;
    // Its place only: the parsed record would stay in memory with the award until it is written.
    for (const [i, award] of accepted.entries())
      this.positions.set(award, { file: slice.fileName, record: slice.places[i] as DecpRecordPlace });
    await this.placeNewBuyers(accepted);
    const inScope: DecpAward[] = [];
    for (const award of accepted) {
      const buyer = this.buyers.get(award.buyer.siret) as BuyerInFiles;
      buyer.records += 1;
      if (!buyer.isInScope) {
        this.counts.outside += 1;
        continue;
      }
      this.counts.kept += 1;
      this.buyerNames.add(award.buyer);
      if (award.flags.length > 0) this.counts.flagged += 1;
      inScope.push(award);
    }
    return inScope;
  }

  /** Decides, for the buyers met for the first time, where they are and whether they are in the scope. */
  private async placeNewBuyers(awards: readonly DecpAward[]): Promise<void> {
    const firstAwards = new Map<string, DecpAward>();
    for (const award of awards)
      if (!this.buyers.has(award.buyer.siret) && !firstAwards.has(award.buyer.siret)) firstAwards.set(award.buyer.siret, award);
    if (firstAwards.size === 0) return;
    const stored = await this.options.store.findParties(this.options.territoryId, [...firstAwards.keys()]);
    for (const [siret, award] of firstAwards) {
      const party = stored.get(siret);
      const departementCode = party?.departementCode || buyerPlaceOf(award).departement_code;
      const isMember = party?.isMember ?? false;
      this.buyers.set(siret, {
        name: award.buyer.name ?? `Acheteur ${siret}`,
        departementCode,
        storedId: party?.id ?? null,
        isMember,
        isInScope: isMember || this.options.scope.includeOutside || this.departements.has(departementCode),
        records: 0,
      });
    }
  }
}
