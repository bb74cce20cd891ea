import type { Command } from '../command';

export const sourcingCommand: Command = {
  name: 'sourcing',
  summary: 'filières locales d’un besoin : producteurs potentiels, intrants, couverture (--need, --json)',
  options: {
    need: { type: 'string' },
    json: { type: 'boolean', default: false },
    database: { type: 'string' },
  },
  async run({ flags, env, out }) {
    const { DomainError } = await import('@mutualis/core');
    const needId = typeof flags.need === 'string' ? flags.need : undefined;
    if (!needId)
      throw DomainError.validation('--need : indiquez l’identifiant du besoin', [
        { field: '--need', reason: 'identifiant du besoin attendu' },
      ]);
    const { loadConfig, loadLocalContext, sourceLocally, sourcingNeedOfNeed } = await import('@mutualis/server');
    const { createRepositories } = await import('@mutualis/db');
    const { openMigratedDatabase } = await import('../open-database');
    const databaseUrl = typeof flags.database === 'string' ? flags.database : loadConfig(env).databaseUrl;
    const database = await openMigratedDatabase(databaseUrl);
    try {
      const repos = createRepositories(database);
      const need = await repos.needs.getById(needId);
      if (!need) throw new DomainError('not_found', `Besoin « ${needId} » introuvable.`);
      const organization = await repos.organizations.getById(need.organizationId);
      const [territoryId] = await repos.memberships.listTerritoryIds(need.organizationId);
      const territory = await repos.territories.getById(territoryId ?? '');
      if (!territory) throw new DomainError('not_found', 'Le besoin n’appartient à aucun territoire.');
      const result = sourceLocally(await loadLocalContext(repos, territory.slug), sourcingNeedOfNeed(need, organization?.inseeCode));
      if (flags.json === true) {
        out(JSON.stringify(result, null, 2));
        return 0;
      }
      out(`${need.label} — couverture locale ${Math.round(result.coverage.share * 100)} %`);
      for (const s of result.directSuppliers) out(`  fournisseur : ${s.name} — ${s.explanation}`);
      for (const p of result.potentialProducers) out(`  producteur potentiel : ${p.name} — ${p.explanation}`);
      for (const i of result.inputs) out(`  intrant ${i.label} : ${i.suppliers.map((s) => s.name).join(', ') || 'aucune source locale'}`);
      out(result.notice);
      return 0;
    } finally {
      await database.close();
    }
  },
};
