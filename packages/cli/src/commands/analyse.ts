import type { AnalysedOpportunity, CpvLevel } from '@mutualis/core';
import type { Command } from '../command';
import { formatOpportunitiesCsv, formatOpportunitiesTable, toAnalyseJson } from './analyse-output';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const LEVELS: readonly CpvLevel[] = ['division', 'group', 'class', 'category'];

interface AnalyseFlags {
  territory: string;
  at: string | undefined;
  format: Format;
  confirmedOnly: boolean;
  level: CpvLevel;
  database: string | undefined;
}

/** Validates the flags once, naming each bad one (a DomainError → exit status 65). */
async function parseFlags(flags: Record<string, unknown>): Promise<AnalyseFlags> {
  const { DomainError } = await import('@mutualis/core');
  const issues: { field: string; reason: string }[] = [];
  const text = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const territory = text('territory');
  if (!territory) issues.push({ field: '--territory', reason: 'indiquez le territoire (ex. --territory alsace)' });
  const at = text('at');
  if (at !== undefined && !isCalendarDate(at)) issues.push({ field: '--at', reason: `date AAAA-MM-JJ attendue, reçu « ${at} »` });
  const format = FORMATS.find((f) => f === (text('format') ?? 'table'));
  if (!format) issues.push({ field: '--format', reason: `valeurs admises : ${FORMATS.join(', ')}` });
  const level = LEVELS.find((l) => l === (text('level') ?? 'class'));
  if (!level) issues.push({ field: '--level', reason: `valeurs admises : ${LEVELS.join(', ')}` });
  if (issues.length > 0 || !territory || !format || !level) {
    throw DomainError.validation(issues.map((i) => `${i.field} : ${i.reason}`).join(' ; '), issues);
  }
  return { territory, at, format, level, confirmedOnly: flags['confirmed-only'] === true, database: text('database') };
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const analyseCommand: Command = {
  name: 'analyse',
  summary: 'classe les opportunités de groupement d’un territoire (--territory, --at, --format table|json|csv)',
  options: {
    territory: { type: 'string' },
    at: { type: 'string' },
    format: { type: 'string', default: 'table' },
    'confirmed-only': { type: 'boolean', default: false },
    level: { type: 'string', default: 'class' },
    database: { type: 'string' },
  },
  // Heavy modules load only when the command runs, so `mutualis --help` stays instant.
  async run({ flags, env, out }) {
    const options = await parseFlags(flags);
    const { analyseTerritoryUseCase, loadConfig } = await import('@mutualis/server');
    const { createRepositories } = await import('@mutualis/db');
    const { openMigratedDatabase } = await import('../open-database');
    const databaseUrl = options.database ?? loadConfig(env).databaseUrl;
    const database = await openMigratedDatabase(databaseUrl);
    try {
      const at = options.at ?? new Date().toISOString().slice(0, 10);
      const { data, result } = await analyseTerritoryUseCase({
        repos: createRepositories(database),
        territorySlug: options.territory,
        at,
        confirmedOnly: options.confirmedOnly,
        familyLevel: options.level,
      });
      const opportunities: AnalysedOpportunity[] = result.opportunities;
      if (options.format === 'json') out(JSON.stringify(toAnalyseJson(data.territory.slug, at, opportunities), null, 2));
      else if (options.format === 'csv') out(formatOpportunitiesCsv(opportunities));
      else out(formatOpportunitiesTable(data.territory.name, at, opportunities));
      return 0;
    } finally {
      await database.close();
    }
  },
};
