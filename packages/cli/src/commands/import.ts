import type { Command } from '../command';
import { EXIT_USAGE } from '../exit-status';
import { runImportCensus } from './import-census';
import { runImportDecp } from './import-decp';
import { runImportSirene } from './import-sirene';

/** `mutualis import decp|census …`: the sub-command is the first positional argument. */
export const importCommand: Command = {
  name: 'import',
  summary:
    'importe des DECP (import decp --territory <slug> <fichiers…> [--json]), un recensement (import census --organization <siret> <fichier> [--accept valid|all]) ou un stock SIRENE (import sirene <fichier> [--json])',
  options: {
    territory: { type: 'string' },
    organization: { type: 'string' },
    accept: { type: 'string' },
    json: { type: 'boolean', default: false },
    database: { type: 'string' },
  },
  allowPositionals: true,
  async run(ctx) {
    const [kind, ...files] = ctx.positionals;
    if (kind === 'decp') return runImportDecp(ctx, files);
    if (kind === 'census') return runImportCensus(ctx, files);
    if (kind === 'sirene') return runImportSirene(ctx, files);
    console.error(
      'usage : mutualis import decp --territory <slug> <fichiers…> [--json] | import census --organization <siret> <fichier> [--accept valid|all] | import sirene <fichier> [--json]',
    );
    return EXIT_USAGE;
  },
};
