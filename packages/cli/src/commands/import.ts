import type { Command } from '../command';
import { EXIT_USAGE } from '../exit-status';
import { runImportCensus } from './import-census';
import { runImportDecp } from './import-decp';
import { runImportHistory, runImportJob, runImportUndo } from './import-history';
import { runImportSirene } from './import-sirene';

const USAGE =
  'usage : mutualis import decp --territory <slug> [--departements 67,68] [--include-outside] [--confirm] <fichiers…> [--json]' +
  ' | import census --organization <siret> <fichier> [--accept valid|all] [--confirm-amounts] | import sirene <fichier> [--json]' +
  ' | import history --territory <slug> [--json] | import undo <id>';

/** `mutualis import decp|census|sirene|history|undo …`: the sub-command is the first positional argument. */
export const importCommand: Command = {
  name: 'import',
  summary:
    'importe des DECP (aperçu, puis --confirm), un recensement (vérifié, puis --accept valid|all [--confirm-amounts]) ou un stock SIRENE (import sirene <fichier> [--json]) ; import history : historique ; import undo <id> : annule un import',
  options: {
    territory: { type: 'string' },
    organization: { type: 'string' },
    accept: { type: 'string' },
    'confirm-amounts': { type: 'boolean', default: false },
    departements: { type: 'string' },
    'include-outside': { type: 'boolean', default: false },
    confirm: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    database: { type: 'string' },
  },
  allowPositionals: true,
  async run(ctx) {
    const [kind, ...files] = ctx.positionals;
    // A DECP import (or a server's import job) is this process's only work: let V8's old generation
    // grow by at most half the live heap after each full collection, instead of up to four times when
    // collections are cheap (the heap of a national file's import is mostly dead awards; peak RSS and
    // CPU measured both ways in docs/benchmarks.md). Never set in the HTTP server's process.
    if (kind === 'decp' || kind === 'job') (await import('node:v8')).setFlagsFromString('--heap-growing-percent=50');
    if (kind === 'decp') return runImportDecp(ctx, files);
    if (kind === 'census') return runImportCensus(ctx, files);
    if (kind === 'history') return runImportHistory(ctx);
    if (kind === 'undo') return runImportUndo(ctx, files);
    if (kind === 'job') return runImportJob(ctx, files);
    if (kind === 'sirene') return runImportSirene(ctx, files);
    console.error(USAGE);
    return EXIT_USAGE;
  },
};
