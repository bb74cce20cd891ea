import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DecpImportScope, ImportProgress } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import {
  createDecpStore,
  createRepositories,
  findLaterImportOnSameBuyers,
  type ImportPatch,
  type ImportRecord,
  type ImportStatus,
  isProcessRunning,
  type MutualisDb,
  processTag,
  undoImport,
} from '@mutualis/db';
import type { CensusImportMode } from '../census/import-census';
import { previewDecpImport, runDecpImport } from './decp-import';
import type { DecpImportFile } from './decp-import-pass';
import { type ImportOptions, type ImportResults, readImportOptions, readImportResults } from './import-record';
import { keepUploads, sweepOldUploads } from './import-uploads';
import { undoProgress } from './undo-progress';

/** Who asks: a signed-in user, or the command line. */
export interface ImportActor {
  userId: string | null;
  label: string;
}

export interface ImportJobsOptions {
  m: MutualisDb;
  /** Where uploaded files wait between preview and confirmation, one directory per import. */
  importDir: string;
  now: () => Date;
  /** Called after each write a job commits: caches of the territories' reads must be dropped. */
  onWrite?: () => void;
  /** Where a job's unexpected failure is told (standard error by default). */
  logError?: (message: string, error: unknown) => void;
  /**
   * Runs a DECP job in another process (`runJob` there) and resolves when it exits: the server's
   * requests then never wait behind an import's work (the entry point that can start such a
   * process gives it). Without it, jobs run in this process.
   */
  runElsewhere?: (action: DecpJobAction, importId: string) => Promise<void>;
  /** Awards per write transaction (see `runDecpImport`); tests lower it to have many. */
  awardsPerWrite?: number;
}

/** The DECP jobs: preview, import, undo (to `undone`), and the undo of a failed import (to `failed`). */
export type DecpJobAction = 'preview' | 'run' | 'undo' | 'rollback';

/** Progress is saved at most this often (other processes read it from the database). */
const PROGRESS_EVERY_MS = 500;

/**
 * Imports as background jobs: each call records the import and returns at once; the work runs in
 * this process, one job at a time, saving its progress in the import's row so that any process
 * can report it. A DECP import is first previewed, then confirmed (or undone once done). A job
 * that fails leaves nothing written (what it wrote is undone); one whose process died is undone
 * by `recover`, which each process runs when it starts.
 */
export class ImportJobs {
  readonly #options: ImportJobsOptions;
  readonly #closing = new AbortController();
  #queue: Promise<void> = Promise.resolve();
  #pending = 0;

  constructor(options: ImportJobsOptions) {
    this.#options = options;
  }

  get #repos() {
    return createRepositories(this.#options.m);
  }

  #now(): string {
    return this.#options.now().toISOString();
  }

  /**
   * Records a DECP import of the uploaded files into the territory and starts its preview (or, with
   * `isConfirmed`, the import itself). The files are moved into the import's own directory. Without
   * a scope: the départements where the territory's members are, buyers outside left out.
   */
  async startDecp(input: {
    territoryId: string;
    actor: ImportActor;
    uploads: readonly DecpImportFile[];
    scope?: Partial<DecpImportScope>;
    isConfirmed?: boolean;
  }): Promise<ImportRecord> {
    await sweepOldUploads(this.#options.importDir);
    const scope: DecpImportScope = {
      departements: input.scope?.departements ?? (await createDecpStore(this.#options.m).memberDepartements(input.territoryId)),
      includeOutside: input.scope?.includeOutside ?? false,
    };
    const record = await this.#repos.imports.insert({
      territoryId: input.territoryId,
      kind: 'decp',
      status: input.isConfirmed === true ? 'running' : 'previewing',
      userId: input.actor.userId,
      actor: input.actor.label,
      fileNames: input.uploads.map((u) => u.name),
      options: {},
      runner: processTag(),
      now: this.#now(),
    });
    const files = await keepUploads(this.#options.importDir, record.id, input.uploads);
    await this.#repos.imports.update(record.id, { options: { scope, files } satisfies ImportOptions, now: this.#now() });
    if (input.isConfirmed === true) {
      await this.#repos.imports.update(record.id, { confirmedAt: this.#now(), now: this.#now() });
      this.#enqueueDecp('run', record.id);
    } else this.#enqueueDecp('preview', record.id);
    return this.#get(record.id);
  }

  /**
   * Imports DECP files now, in the foreground (the command line): recorded in the history like any
   * import, its progress reported to `onProgress`; the files stay where they are. On failure what
   * it wrote is undone and the error thrown.
   */
  async importDecpNow(input: {
    territoryId: string;
    actor: ImportActor;
    files: readonly DecpImportFile[];
    scope: DecpImportScope;
    onProgress?: (progress: ImportProgress) => void;
  }): Promise<ImportRecord> {
    const record = await this.#repos.imports.insert({
      territoryId: input.territoryId,
      kind: 'decp',
      status: 'running',
      userId: input.actor.userId,
      actor: input.actor.label,
      fileNames: input.files.map((f) => f.name),
      options: { scope: input.scope, files: [...input.files] } satisfies ImportOptions,
      runner: processTag(),
      now: this.#now(),
    });
    await this.#repos.imports.update(record.id, { confirmedAt: this.#now(), now: this.#now() });
    try {
      await this.#runDecp(record.id, input.onProgress);
    } catch (error) {
      await this.#fail(record.id, error);
      throw error;
    }
    return this.#get(record.id);
  }

  /** Undoes a finished import now, in the foreground (see `undo`). */
  async undoNow(importId: string, by: string): Promise<ImportRecord> {
    await this.undo(importId, by);
    await this.idle();
    return this.#get(importId);
  }

  /** A new preview of a previewed import's files with another scope. */
  async repreviewDecp(importId: string, scope: DecpImportScope): Promise<ImportRecord> {
    const record = await this.#get(importId);
    const options = readImportOptions(record);
    await this.#move(importId, ['previewed'], { status: 'previewing', options: { ...options, scope }, runner: processTag() });
    this.#enqueueDecp('preview', importId);
    return this.#get(importId);
  }

  /** Confirms a previewed DECP import (with the preview's scope unless another is given) and starts it. */
  async confirmDecp(importId: string, scope?: DecpImportScope): Promise<ImportRecord> {
    const record = await this.#get(importId);
    const options = readImportOptions(record);
    await this.#move(importId, ['previewed'], {
      status: 'running',
      options: scope === undefined ? options : { ...options, scope },
      confirmedAt: this.#now(),
      runner: processTag(),
    });
    this.#enqueueDecp('run', importId);
    return this.#get(importId);
  }

  /**
   * Starts undoing a finished import. Refused while a later import still in effect met the same
   * buyers (it relies on what this one created): that one must be undone first.
   */
  async undo(importId: string, by: string): Promise<ImportRecord> {
    const record = await this.#get(importId);
    if (record.status !== 'done')
      throw new DomainError('conflict', `Seul un import terminé peut être annulé (celui-ci est « ${record.status} »).`);
    const later = await findLaterImportOnSameBuyers(this.#options.m, importId);
    if (later !== undefined) {
      const territory = await this.#repos.territories.getById(later.territoryId);
      throw new DomainError(
        'conflict',
        `Un import plus récent (du ${frenchDateTime(later.createdAt)}, territoire ${territory?.name ?? later.territoryId}) porte sur les mêmes acheteurs : annulez-le d’abord.`,
        { laterImportId: later.id },
      );
    }
    await this.#move(importId, ['done'], { status: 'undoing', undoneBy: by, runner: processTag() });
    this.#enqueueDecp('undo', importId);
    return this.#get(importId);
  }

  /**
   * Records a census import of one organization's spreadsheet and starts it: a check only
   * (`dry_run`, then `confirmCensus`), or storing it at once (`all`, `valid`).
   */
  async startCensus(input: {
    territoryId: string;
    organizationId: string;
    actor: ImportActor;
    upload: DecpImportFile;
    mode: CensusImportMode;
    /** The rows with unusual amounts (`toConfirm`) were checked by the importer: stored as typed. */
    confirmAmounts?: boolean;
    /** The file is the caller's own (the command line): read where it is, not moved. */
    isCallerFile?: boolean;
  }): Promise<ImportRecord> {
    await sweepOldUploads(this.#options.importDir);
    const isCheck = input.mode === 'dry_run';
    const record = await this.#repos.imports.insert({
      territoryId: input.territoryId,
      kind: 'census',
      status: isCheck ? 'previewing' : 'running',
      userId: input.actor.userId,
      actor: input.actor.label,
      fileNames: [input.upload.name],
      options: {},
      runner: processTag(),
      now: this.#now(),
    });
    const files = input.isCallerFile === true ? [input.upload] : await keepUploads(this.#options.importDir, record.id, [input.upload]);
    const options: ImportOptions = {
      files,
      census: { organizationId: input.organizationId, mode: input.mode, confirmAmounts: input.confirmAmounts === true },
    };
    await this.#repos.imports.update(record.id, { options, ...(isCheck ? {} : { confirmedAt: this.#now() }), now: this.#now() });
    this.#enqueue(record.id, () => this.#runCensus(record.id));
    return this.#get(record.id);
  }

  /**
   * Stores a checked census file: all of it (`all`, only when every row is valid) or its valid rows;
   * with `confirmAmounts`, the rows whose amounts the check found unusual are stored too, as typed.
   */
  async confirmCensus(importId: string, mode: Exclude<CensusImportMode, 'dry_run'>, confirmAmounts = false): Promise<ImportRecord> {
    const options = readImportOptions(await this.#get(importId));
    if (options.census === undefined) throw new DomainError('conflict', 'Cet import n’est pas un recensement.');
    await this.#move(importId, ['previewed'], {
      status: 'running',
      options: { ...options, census: { ...options.census, mode, confirmAmounts } },
      confirmedAt: this.#now(),
      runner: processTag(),
    });
    this.#enqueue(importId, () => this.#runCensus(importId));
    return this.#get(importId);
  }

  /**
   * Finishes what dead processes left: a preview is marked failed, an import undone and marked
   * failed, an undo done again. Jobs of a process that still runs are left alone.
   */
  async recover(): Promise<void> {
    const unfinished = await this.#repos.imports.listInStatus(['previewing', 'running', 'undoing']);
    for (const record of unfinished) {
      if (record.runner !== null && isProcessRunning(record.runner)) continue;
      if (record.status === 'previewing') {
        await this.#repos.imports.update(record.id, {
          status: 'failed',
          error: 'Aperçu interrompu (le serveur s’est arrêté).',
          runner: null,
          now: this.#now(),
        });
        continue;
      }
      const claimed = await this.#repos.imports.update(record.id, { runner: processTag(), now: this.#now() }, [record.status]);
      if (!claimed) continue;
      const end: ImportStatus = record.status === 'undoing' ? 'undone' : 'failed';
      if (end === 'failed')
        await this.#repos.imports.update(record.id, {
          error: 'Import interrompu (le processus s’est arrêté) : ce qu’il avait écrit est annulé.',
          now: this.#now(),
        });
      this.#enqueueDecp(end === 'undone' ? 'undo' : 'rollback', record.id);
    }
  }

  /** Resolves when every job queued so far has ended. */
  async idle(): Promise<void> {
    while (this.#pending > 0) await this.#queue;
  }

  /**
   * Stops: a DECP import running stops between two chunks and stays `running`, to be undone by the
   * next process that starts (`recover`); jobs not started are left for it likewise.
   */
  async close(): Promise<void> {
    this.#closing.abort();
    await this.idle();
  }

  /** The import's progress saver: at most every `PROGRESS_EVERY_MS`, the last report always kept for the next save. */
  progressSaver(importId: string): (progress: ImportProgress) => void {
    let savedAt = 0;
    return (progress) => {
      const at = Date.now();
      if (at - savedAt < PROGRESS_EVERY_MS) return;
      savedAt = at;
      void this.#repos.imports.update(importId, { progress, now: this.#now() }).catch(() => {});
    };
  }

  /** The import's files and options; the caller checks the kind. */
  async record(importId: string): Promise<ImportRecord> {
    return this.#get(importId);
  }

  /** Marks the job ended in `status` with these results (files removed when it will not run again). */
  async finish(importId: string, patch: { status: ImportStatus; results?: ImportResults; error?: string | null }): Promise<void> {
    const record = await this.#get(importId);
    const results = { ...readImportResults(record), ...patch.results };
    await this.#repos.imports.update(importId, {
      status: patch.status,
      result: results,
      ...(patch.error === undefined ? {} : { error: patch.error }),
      progress: null,
      runner: null,
      ...(patch.status === 'done' || patch.status === 'failed' ? { finishedAt: this.#now() } : {}),
      ...(patch.status === 'undone' ? { undoneAt: this.#now() } : {}),
      now: this.#now(),
    });
    if (patch.status !== 'previewed') await rm(join(this.#options.importDir, importId), { recursive: true, force: true });
  }

  /** Runs a DECP job here, now: what the process `runElsewhere` starts does. A failure is handled as any job's. */
  async runJob(action: DecpJobAction, importId: string): Promise<void> {
    try {
      if (action === 'preview') await this.#previewDecp(importId);
      else if (action === 'run') await this.#runDecp(importId);
      else await this.#undo(importId, action === 'undo' ? 'undone' : 'failed');
    } catch (error) {
      await this.#fail(importId, error);
    }
  }

  /** Queues a DECP job: in another process when the entry point gives one (then checks that it ended the job), else here. */
  #enqueueDecp(action: DecpJobAction, importId: string): void {
    const elsewhere = this.#options.runElsewhere;
    if (elsewhere === undefined) {
      this.#enqueue(importId, () => this.runJob(action, importId));
      return;
    }
    this.#enqueue(importId, async () => {
      await elsewhere(action, importId);
      const record = await this.#get(importId);
      if (this.#closing.signal.aborted || !['previewing', 'running', 'undoing'].includes(record.status)) return;
      // The process ended without ending the job (killed, out of memory): failed, what it wrote undone.
      await this.#repos.imports.update(importId, { error: 'Le processus d’import s’est arrêté avant la fin.', now: this.#now() });
      if (record.status === 'previewing') await this.finish(importId, { status: 'failed' });
      else await this.runJob(record.status === 'undoing' ? 'undo' : 'rollback', importId);
    });
  }

  #enqueue(importId: string, work: () => Promise<void>): void {
    this.#pending += 1;
    this.#queue = this.#queue
      .then(() => {
        this.#closing.signal.throwIfAborted();
        return work();
      })
      .catch((error: unknown) => this.#fail(importId, error))
      .finally(() => {
        this.#pending -= 1;
      });
  }

  async #previewDecp(importId: string): Promise<void> {
    const record = await this.#get(importId);
    const { scope, files } = readImportOptions(record);
    const preview = await previewDecpImport({
      m: this.#options.m,
      territoryId: record.territoryId,
      files: files ?? [],
      scope: scope ?? { departements: [], includeOutside: false },
      onProgress: this.progressSaver(importId),
      signal: this.#closing.signal,
    });
    await this.#repos.imports.update(importId, { status: 'previewed', preview, progress: null, runner: null, now: this.#now() });
  }

  async #runDecp(importId: string, onProgress?: (progress: ImportProgress) => void): Promise<void> {
    const record = await this.#get(importId);
    const { scope, files } = readImportOptions(record);
    const save = this.progressSaver(importId);
    const result = await runDecpImport({
      m: this.#options.m,
      importId,
      territoryId: record.territoryId,
      files: files ?? [],
      scope: scope ?? { departements: [], includeOutside: false },
      now: this.#now(),
      signal: this.#closing.signal,
      ...(this.#options.awardsPerWrite === undefined ? {} : { awardsPerWrite: this.#options.awardsPerWrite }),
      onProgress: (progress) => {
        this.#options.onWrite?.();
        save(progress);
        onProgress?.(progress);
      },
    });
    this.#options.onWrite?.();
    await this.finish(importId, { status: 'done', results: { decp: result } });
  }

  async #runCensus(importId: string): Promise<void> {
    const record = await this.#get(importId);
    const { files, census } = readImportOptions(record);
    const file = files?.[0];
    const organization = census === undefined ? undefined : await this.#repos.organizations.getById(census.organizationId);
    if (file === undefined || census === undefined || organization === undefined)
      throw new DomainError('not_found', 'Fichier ou organisation du recensement introuvable.');
    const content = await readFile(file.path).catch(() => {
      throw new DomainError('unreadable_file', `Le fichier ${file.name} n’est plus disponible : envoyez-le de nouveau.`);
    });
    // Loaded here: the spreadsheet readers weigh tens of megabytes a DECP job process does not need.
    const { importCensus } = await import('../census/import-census');
    const result = await importCensus({
      m: this.#options.m,
      repos: this.#repos,
      organization,
      fileName: file.name,
      content,
      mode: census.mode,
      confirmAmounts: census.confirmAmounts === true,
      importId,
    });
    if (census.mode === 'dry_run') {
      await this.#repos.imports.update(importId, { status: 'previewed', preview: result, progress: null, runner: null, now: this.#now() });
      return;
    }
    this.#options.onWrite?.();
    await this.finish(importId, { status: 'done', results: { census: result } });
  }

  async #undo(importId: string, end: ImportStatus): Promise<void> {
    await this.#repos.imports.update(importId, { progress: undoProgress(), now: this.#now() });
    const outcome = await undoImport(this.#options.m, { importId, now: this.#now() });
    this.#options.onWrite?.();
    await this.finish(importId, { status: end, results: { undo: outcome } });
  }

  /** A job that threw: what it wrote is undone, the import marked failed with the reason. */
  async #fail(importId: string, error: unknown): Promise<void> {
    // Closing: left as it is, for the next process to finish (see `recover`).
    if (this.#closing.signal.aborted) return;
    if (!(error instanceof DomainError))
      (this.#options.logError ?? ((message, e) => console.error(message, e)))(`Import ${importId} : échec`, error);
    const reason =
      error instanceof DomainError ? error.message : `Erreur inattendue : ${error instanceof Error ? error.message : String(error)}`;
    try {
      const record = await this.#get(importId);
      const hasWritten = record.status === 'running' || record.status === 'undoing';
      const outcome = hasWritten ? await undoImport(this.#options.m, { importId, now: this.#now() }) : undefined;
      this.#options.onWrite?.();
      await this.finish(importId, { status: 'failed', error: reason, ...(outcome === undefined ? {} : { results: { undo: outcome } }) });
    } catch (failure) {
      // The database itself fails: the next process to start finds the import unfinished and undoes it.
      (this.#options.logError ?? ((message, e) => console.error(message, e)))(
        `Import ${importId} : échec, puis échec de son annulation`,
        failure,
      );
    }
  }

  async #move(importId: string, from: readonly ImportStatus[], patch: Omit<ImportPatch, 'now'>): Promise<void> {
    const moved = await this.#repos.imports.update(importId, { ...patch, now: this.#now() }, from);
    if (!moved) {
      const record = await this.#get(importId);
      throw new DomainError('conflict', `Cet import est « ${record.status} » : action impossible maintenant.`);
    }
  }

  async #get(importId: string): Promise<ImportRecord> {
    const record = await this.#repos.imports.getById(importId);
    if (record === undefined) throw new DomainError('not_found', 'Import introuvable.');
    return record;
  }
}

function frenchDateTime(iso: string): string {
  return new Date(iso).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
}
