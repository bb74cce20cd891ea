import { stat } from 'node:fs/promises';
import type { DecpFlagCounts, DecpImportScope, DecpRejectionDto, ImportProgress } from '@mutualis/contract';
import {
  type DecpAward,
  type DecpRejection,
  type DecpRejectionKind,
  decpContentSignature,
  normalizeDecpAward,
  withSharedDecpId,
} from '@mutualis/core';
import { buyerPlaceOf, type DecpStore, placingAwardsOf } from '@mutualis/db';
import { BuyerNameCollector } from '../identities/buyer-name-collector';
import type { DecpRawRecord } from './decp-raw-record';
import { DecpKeySet } from './decp-key-set';
import { readDecpRecordBatches } from './read-decp-file';

/** A file to import: where it is, and the name reports give it (the user's own file name). */
export interface DecpImportFile {
  path: string;
  name: string;
}

/** A buyer of the files, decided at the first read that meets it: where it is and whether the import takes it. */
export interface BuyerInFiles {
  /** As stored for a stored buyer; else its first published name. */
  name: string;
  /** '' when unknown. */
  departementCode: string;
  /** Its organization when already stored. */
  storedId: string | null;
  isMember: boolean;
  isInScope: boolean;
  /** Located in one of the scope's départements (a buyer taken with `includeOutside` may not be). */
  isInDepartements: boolean;
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
  /** Keeps each buyer's name, place and records in `buyers` (a preview lists them; an import only needs where each one stands). */
  describeBuyers?: boolean;
}

/**
 * One reading of DECP files for an import or its preview: records normalised, duplicates (same
 * buyer SIRET + id met earlier) and rejections counted, each buyer placed in or out of the scope
 * at its first award (a member of the territory, or located in one of the scope's départements, or
 * any when `includeOutside`); `chunks()` gives the awards in the scope, one batch per chunk read.
 * A national file has buyers by the hundred thousand: an import keeps one boolean each, a preview their description.
 */
export class DecpImportPass {
  readonly counts = { read: 0, rejected: 0, duplicates: 0, kept: 0, flagged: 0, outside: 0 };
  /** Awards in the scope with each flag. */
  readonly flaggedByCode: DecpFlagCounts = {};
  /** Kept awards whose objet, and whose holders' names, were repaired (`repairBrokenText`). */
  readonly repairedTexts = { objets: 0, holders: 0 };
  readonly rejectedByKind: Record<DecpRejectionKind, number> = { unreadable: 0, test: 0, concession: 0, no_buyer: 0 };
  /** Filled with `describeBuyers` only. */
  readonly buyers = new Map<string, BuyerInFiles>();
  /** Whether each buyer met is in the scope, by SIRET. */
  readonly #isInScope = new Map<string, boolean>();
  readonly rejections: DecpRejectionDto[] = [];
  rejectionsTruncated = false;
  /** The buyer names met in the scope, per SIRET (see `resolveImportedBuyers`). */
  readonly buyerNames = new BuyerNameCollector();
  private seenKeys = new DecpKeySet();
  private readonly positions = new WeakMap<DecpAward, { file: string; record: Pick<DecpRawRecord, 'index' | 'line'> }>();
  private readonly departements: ReadonlySet<string>;
  private readonly startedAt = performance.now();
  private totalBytes = 0;
  private bytesBefore = 0;
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
    let pending: DecpAward[] = [];
    for (const file of this.options.files) {
      this.fileName = file.name;
      for await (const records of readDecpRecordBatches(file.path, {
        name: file.name,
        onBytesRead: (n) => (this.bytesRead = this.bytesBefore + n),
      })) {
        this.options.signal?.throwIfAborted();
        for (const award of await this.take(records, file.name)) pending.push(award);
        this.report('reading');
        if (pending.length < minAwards) continue;
        yield pending;
        pending = [];
      }
      this.bytesBefore = this.bytesRead;
    }
    if (pending.length > 0) yield pending;
    this.seenKeys = new DecpKeySet(); // the reading is over: its keys are memory the end of the import needs more
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

  /** Counts the flags of an award of this pass as the writer wrote it (under another identifier: `id_shared` added or removed). */
  recount(before: DecpAward, after: DecpAward): void {
    this.countFlags(before, -1);
    this.countFlags(after, 1);
  }

  private countFlags(award: DecpAward, sign: 1 | -1): void {
    if (award.flags.length === 0) return;
    this.counts.flagged += sign;
    for (const code of new Set(award.flags.map((flag) => flag.code))) this.flaggedByCode[code] = (this.flaggedByCode[code] ?? 0) + sign;
  }

  /** Rejects an award of this pass that the database refused. */
  refuse(award: DecpAward, reason: string): void {
    const position = this.positions.get(award);
    this.reject(position?.file ?? '', position?.record ?? { index: -1 }, [{ field: '*', reason }]);
  }

  private async take(records: Iterable<DecpRawRecord>, file: string): Promise<DecpAward[]> {
    const accepted: DecpAward[] = [];
    for (const record of records) {
      this.counts.read += 1;
      if ('error' in record) {
        this.reject(file, record, [{ field: '*', reason: record.error }]);
        continue;
      }
      const normalized = normalizeDecpAward(record.raw);
      if (!normalized.ok) {
        this.reject(file, record, normalized.rejections, normalized.kind);
        continue;
      }
      const award = this.unseen(normalized.award);
      if (award === null) this.counts.duplicates += 1;
      else {
        accepted.push(award);
        // Its place only: the parsed record would stay in memory with the award until it is written.
        this.positions.set(award, { file, record: { index: record.index, line: record.line } });
      }
    }
    await this.placeNewBuyers(accepted);
    const inScope: DecpAward[] = [];
    for (const award of accepted) {
      const buyer = this.buyers.get(award.buyer.siret);
      if (buyer !== undefined) buyer.records += 1;
      if (this.#isInScope.get(award.buyer.siret) !== true) {
        this.counts.outside += 1;
        continue;
      }
      this.counts.kept += 1;
      this.buyerNames.add(award.buyer);
      this.countFlags(award, 1);
      if (award.brokenObjet !== null) this.repairedTexts.objets += 1;
      if (award.holderRepairs.length > 0) this.repairedTexts.holders += 1;
      inScope.push(award);
    }
    return inScope;
  }

  /**
   * The award when its key is met for the first time; null for a republication of a record met
   * before; another contract published under a key met before, under an identifier of its own
   * (`withSharedDecpId`), unless that one was met too.
   */
  private unseen(award: DecpAward): DecpAward | null {
    const signature = decpContentSignature(award);
    const seen = this.seenKeys.add(award.key, signature);
    if (seen === 'new') return award;
    if (seen === 'same') return null;
    const shared = withSharedDecpId(award);
    return this.seenKeys.add(shared.key, signature) === 'new' ? shared : null;
  }

  /**
   * Decides, for the buyers met for the first time, where they are and whether they are in the
   * scope: a stored buyer where it is stored, a new one where the writer will store it (`placingAwardsOf`).
   */
  private async placeNewBuyers(awards: readonly DecpAward[]): Promise<void> {
    const placingAwards = placingAwardsOf(awards);
    for (const siret of placingAwards.keys()) if (this.#isInScope.has(siret)) placingAwards.delete(siret);
    if (placingAwards.size === 0) return;
    const stored = await this.options.store.findParties(this.options.territoryId, [...placingAwards.keys()]);
    for (const [siret, award] of placingAwards) {
      const party = stored.get(siret);
      const departementCode = party?.departementCode || buyerPlaceOf(award).departement_code;
      const isMember = party?.isMember ?? false;
      const isInDepartements = this.departements.has(departementCode);
      const isInScope = isMember || this.options.scope.includeOutside || isInDepartements;
      this.#isInScope.set(siret, isInScope);
      if (!this.options.describeBuyers) continue;
      this.buyers.set(siret, {
        name: party?.name ?? award.buyer.name ?? `Acheteur ${siret}`,
        departementCode,
        storedId: party?.id ?? null,
        isMember,
        isInScope,
        isInDepartements,
        records: 0,
      });
    }
  }

  /** Forgets where the buyers stand and their names, once the reading is over and the names recorded. */
  forgetBuyers(): void {
    this.#isInScope.clear();
    this.buyers.clear();
    this.buyerNames.clear();
  }
}
