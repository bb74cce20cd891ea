import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command, CommandContext } from '../command';
import { EXIT_USAGE } from '../exit-status';
import { failOnIssues, stringFlag, withDatabase } from './command-flags';

const KINDS = ['needs', 'opportunities', 'ocds', 'decp'] as const;
type ExportKind = (typeof KINDS)[number];

/** `mutualis export needs|opportunities|ocds|decp --territory <slug> --out <file>` (needs: .csv or .xlsx by extension). */
export const exportCommand: Command = {
  name: 'export',
  summary: 'exporte besoins (XLSX/CSV), opportunités (XLSX), OCDS ou DECP (JSON) : export <type> --territory <slug> --out <fichier>',
  options: { territory: { type: 'string' }, out: { type: 'string' }, at: { type: 'string' }, database: { type: 'string' } },
  allowPositionals: true,
  async run(ctx) {
    const kind = KINDS.find((k) => k === ctx.positionals[0]);
    if (!kind || ctx.positionals.length !== 1) {
      console.error(`usage : mutualis export ${KINDS.join('|')} --territory <slug> --out <fichier>`);
      return EXIT_USAGE;
    }
    const territory = stringFlag(ctx.flags, 'territory');
    const out = stringFlag(ctx.flags, 'out');
    await failOnIssues([
      ...(territory ? [] : [{ field: '--territory', reason: 'indiquez le territoire (ex. --territory alsace)' }]),
      ...(out ? [] : [{ field: '--out', reason: 'indiquez le fichier à écrire' }]),
    ]);
    const content = await withDatabase(ctx, (m) => build(ctx, { m, kind, slug: territory ?? '', out: resolve(out ?? '') }));
    await writeFile(resolve(out ?? ''), content);
    ctx.out(`${out} écrit (${content.length} octets).`);
    return 0;
  },
};

interface BuildOptions {
  m: import('@mutualis/db').MutualisDb;
  kind: ExportKind;
  slug: string;
  out: string;
}

async function build(ctx: CommandContext, { m, kind, slug, out }: BuildOptions): Promise<Buffer> {
  const { DomainError } = await import('@mutualis/core');
  const { createRepositories } = await import('@mutualis/db');
  const server = await import('@mutualis/server');
  const repos = createRepositories(m);
  const territory = await repos.territories.getBySlug(slug);
  if (!territory) throw new DomainError('not_found', `Territoire « ${slug} » introuvable.`);
  if (kind === 'needs') return server.exportTerritoryNeeds({ repos, territory, format: out.endsWith('.csv') ? 'csv' : 'xlsx' });
  const now = new Date();
  const at = stringFlag(ctx.flags, 'at') ?? now.toISOString().slice(0, 10);
  const analysis = await server.analyseTerritoryUseCase({ repos, territorySlug: slug, at });
  if (kind === 'opportunities') return server.exportTerritoryOpportunities({ analysis });
  const groupements = await repos.groupements.list({ territoryId: territory.id });
  const today = now.toISOString().slice(0, 10);
  const inputs = await server.loadTerritoryOpenData({ repos, analysis, groupements, planningDate: today });
  if (kind === 'decp') return Buffer.from(JSON.stringify(server.buildTerritoryDecp({ inputs, publicationDate: today }), null, 2));
  const publishedDate = `${now.toISOString().slice(0, 19)}Z`;
  const pkg = server.buildTerritoryOcds({ inputs, territoryName: territory.name, uri: pathToFileURL(out).href, publishedDate });
  return Buffer.from(JSON.stringify(pkg, null, 2));
}
