import type { Command } from '../command';

interface LotsFlags {
  opportunity: string;
  territory: string;
  k: number;
  maxLotsPerBidder: number | null;
  at: string | undefined;
  json: boolean;
  database: string | undefined;
}

/** Validates the flags once, naming each bad one (a DomainError → exit status 65). */
async function parseFlags(flags: Record<string, unknown>): Promise<LotsFlags> {
  const { DomainError } = await import('@mutualis/core');
  const text = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const issues: { field: string; reason: string }[] = [];
  const opportunity = text('opportunity');
  const territory = text('territory');
  if (!opportunity)
    issues.push({ field: '--opportunity', reason: 'indiquez l’opportunité (ex. --opportunity "famille:fam-salt@territoire")' });
  if (!territory) issues.push({ field: '--territory', reason: 'indiquez le territoire (ex. --territory charente)' });
  const integer = (name: string, min: number, max: number) => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      issues.push({ field: `--${name}`, reason: `entier de ${min} à ${max} attendu, reçu « ${raw} »` });
    return value;
  };
  const k = integer('k', 1, 10) ?? 2;
  const maxLots = integer('max-lots-per-bidder', 1, 50);
  const at = text('at');
  if (at !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(at))
    issues.push({ field: '--at', reason: `date AAAA-MM-JJ attendue, reçu « ${at} »` });
  if (issues.length > 0 || !opportunity || !territory)
    throw DomainError.validation(issues.map((i) => `${i.field} : ${i.reason}`).join(' ; '), issues);
  return { opportunity, territory, k, maxLotsPerBidder: maxLots ?? null, at, json: flags.json === true, database: text('database') };
}

export const lotsCommand: Command = {
  name: 'lots',
  summary: 'propose un allotissement d’une opportunité (--opportunity, --territory, --k 2, --max-lots-per-bidder, --json)',
  options: {
    opportunity: { type: 'string' },
    territory: { type: 'string' },
    k: { type: 'string' },
    'max-lots-per-bidder': { type: 'string' },
    at: { type: 'string' },
    json: { type: 'boolean', default: false },
    database: { type: 'string' },
  },
  async run({ flags, env, out }) {
    const options = await parseFlags(flags);
    const { designOpportunityLots, loadConfig, loadLocalContext, loadOpportunityDemand } = await import('@mutualis/server');
    const { createRepositories } = await import('@mutualis/db');
    const { countFr } = await import('@mutualis/core');
    const { openMigratedDatabase } = await import('../open-database');
    const database = await openMigratedDatabase(options.database ?? loadConfig(env).databaseUrl);
    try {
      const repos = createRepositories(database);
      const at = options.at ?? new Date().toISOString().slice(0, 10);
      const demand = await loadOpportunityDemand({ repos, territorySlug: options.territory, opportunityId: options.opportunity, at });
      const context = await loadLocalContext(repos, options.territory);
      const territoryId = context.territory.id;
      const consultations = (await repos.plannedConsultations.listForTerritory(territoryId)).filter(
        (c) => c.opportunityId === options.opportunity,
      );
      const declarations = await repos.interestDeclarations.listForOpportunity(territoryId, options.opportunity);
      const design = designOpportunityLots({
        context,
        demand,
        k: options.k,
        maxLotsPerBidder: options.maxLotsPerBidder,
        consultations,
        declarations,
      });
      const opportunity = {
        id: options.opportunity,
        label: demand.opportunity.family.label,
        buyerCount: demand.opportunity.members.length,
      };
      if (options.json) {
        out(JSON.stringify({ opportunity, k: options.k, design }, null, 2));
        return 0;
      }
      if (!design.ok) {
        out(design.reason);
        return 0;
      }
      const recommended = design.frontier.find((s) => s.id === design.recommendedId);
      out(
        `${opportunity.label} — ${countFr(recommended?.lots.length ?? 0, 'lot recommandé')}, part accessible ${Math.round((recommended?.accessibleShare ?? 0) * 100)} % (k = ${options.k})`,
      );
      for (const lot of recommended?.lots ?? [])
        out(
          `  ${lot.label} : ${countFr(lot.eligibleFirms.length, 'entreprise locale éligible')} — ${lot.eligibleFirms.map((f) => f.name).join(', ')}`,
        );
      out(design.maxLotsClause);
      return 0;
    } finally {
      await database.close();
    }
  },
};
