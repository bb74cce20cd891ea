import type { Command } from '../command';
import { EXIT_USAGE } from '../exit-status';
import { runImportCensus } from './import-census';
import { runImportDecp } from './import-decp';
import { runImportHistory, runImportJob, runImportUndo } from './import-history';

const USAGE =
  'usage : mutualis import decp --territory <slug> [--departements 67,68] [--include-outside] [--confirm] <fichiers…> [--json]' +
  ' | import census --organization <siret> <fichier> [--accept valid|all] | import history --territory <slug> [--json] | import undo <id>';

/** `mutualis import decp|census|history|undo …`: the sub-command is the first positional argument. */
export const importCommand: Command = {
  name: 'import',
  summary:
    'importe des DECP (aperçu, puis --confirm) ou un recensement ; import history : historique ; import undo <id> : annule un import',
  options: {
    territory: { type: 'string' },
    organization: { type: 'string' },
    accept: { type: 'string' },
    departements: { type: 'string' },
    'include-outside': { type: 'boolean', default: false },
    confirm: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    database: { type: 'string' },
  },
  allowPositionals: true,
  async run(ctx) {
    const [kind, ...files] = ctx.positionals;
    if (kind === 'decp') return runImportDecp(ctx, files);
    if (kind === 'census') return runImportCensus(ctx, files);
    if (kind === 'history') return runImportHistory(ctx);
    if (kind === 'undo') return runImportUndo(ctx, files);
    if (kind === 'job') return runImportJob(ctx, files);
    console.error(USAGE);
    return EXIT_USAGE;
  },
};
