import type { DecpImportScope, ImportProgress } from '@mutualis/contract';
import { type ImportRecord, type ImportStatus, type MutualisDb } from '@mutualis/db';
import type { CensusImportMode } from '../census/import-census';
import type { DecpImportFile } from './decp-import-pass';
import { type ImportResults } from './import-record';
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
/**
 * Imports as background jobs: each call records the import and returns at once; the work runs in
 * this process, one job at a time, saving its progress in the import's row so that any process
 * can report it. A DECP import is first previewed, then confirmed (or undone once done). A job
 * that fails leaves nothing written (what it wrote is undone); one whose process died is undone
 * by `recover`, which each process runs when it starts.
 */
export declare class ImportJobs {
  #private;
  constructor(options: ImportJobsOptions);
  /**
   * Records a DECP import of the uploaded files into the territory and starts its preview (or, with
   * `isConfirmed`, the import itself). The files are moved into the import's own directory. Without
   * a scope: the départements where the territory's members are, buyers outside left out.
   */
  startDecp(input: {
    territoryId: string;
    actor: ImportActor;
    uploads: readonly DecpImportFile[];
    scope?: Partial<DecpImportScope>;
    isConfirmed?: boolean;
  }): Promise<ImportRecord>;
  /**
   * Imports DECP files now, in the foreground (the command line): recorded in the history like any
   * import, its progress reported to `onProgress`; the files stay where they are. On failure what
   * it wrote is undone and the error thrown.
   */
  importDecpNow(input: {
    territoryId: string;
    actor: ImportActor;
    files: readonly DecpImportFile[];
    scope: DecpImportScope;
    onProgress?: (progress: ImportProgress) => void;
  }): Promise<ImportRecord>;
  /** Undoes a finished import now, in the foreground (see `undo`). */
  undoNow(importId: string, by: string): Promise<ImportRecord>;
  /** A new preview of a previewed import's files with another scope. */
  repreviewDecp(importId: string, scope: DecpImportScope): Promise<ImportRecord>;
  /** Confirms a previewed DECP import (with the preview's scope unless another is given) and starts it. */
  confirmDecp(importId: string, scope?: DecpImportScope): Promise<ImportRecord>;
  /**
   * Starts undoing a finished import. Refused while a later import still in effect met the same
   * buyers (it relies on what this one created): that one must be undone first.
   */
  undo(importId: string, by: string): Promise<ImportRecord>;
  /**
   * Records a census import of one organization's spreadsheet and starts it: a check only
   * (`dry_run`, then `confirmCensus`), or storing it at once (`all`, `valid`).
   */
  startCensus(input: {
    territoryId: string;
    organizationId: string;
    actor: ImportActor;
    upload: DecpImportFile;
    mode: CensusImportMode;
    /** The file is the caller's own (the command line): read where it is, not moved. */
    isCallerFile?: boolean;
  }): Promise<ImportRecord>;
  /** Stores a checked census file: all of it (`all`, only when every row is valid) or its valid rows. */
  confirmCensus(importId: string, mode: Exclude<CensusImportMode, 'dry_run'>): Promise<ImportRecord>;
  /**
   * Finishes what dead processes left: a preview is marked failed, an import undone and marked
   * failed, an undo done again. Jobs of a process that still runs are left alone.
   */
  recover(): Promise<void>;
  /** Resolves when every job queued so far has ended. */
  idle(): Promise<void>;
  /**
   * Stops: a DECP import running stops between two chunks and stays `running`, to be undone by the
   * next process that starts (`recover`); jobs not started are left for it likewise.
   */
  close(): Promise<void>;
  /** The import's progress saver: at most every `PROGRESS_EVERY_MS`, the last report always kept for the next save. */
  progressSaver(importId: string): (progress: ImportProgress) => void;
  /** The import's files and options; the caller checks the kind. */
  record(importId: string): Promise<ImportRecord>;
  /** Marks the job ended in `status` with these results (files removed when it will not run again). */
  finish(
    importId: string,
    patch: {
      status: ImportStatus;
      results?: ImportResults;
      error?: string | null;
    },
  ): Promise<void>;
  /** Runs a DECP job here, now: what the process `runElsewhere` starts does. A failure is handled as any job's. */
  runJob(action: DecpJobAction, importId: string): Promise<void>;
}
