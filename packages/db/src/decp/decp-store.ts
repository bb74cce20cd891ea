import type { DecpAward } from '@mutualis/core';
import { type Kysely, sql } from 'kysely';
import type { MutualisDb } from '../dialect/create-database';
import type { Database } from '../schema';
import {
  buyerPlaceOf,
  buyerRow,
  contractRow,
  DECP_COLUMNS,
  type DecpValues,
  decpValuesOf,
  hasDecpChange,
  holderRow,
  type OrganizationRow,
  partiesOf,
} from './decp-rows';
import { type NeedsOutcome, refreshDecpNeeds } from './refresh-decp-needs';

/** The import a writer writes for: its id (stamped on every row it creates), territory and clock. */
export interface DecpImportTarget {
  importId: string;
  territoryId: string;
  now: string;
}

/** What one chunk did: contracts created, changed, found as they were, and the awards the database refused, with why. */
export interface DecpChunkOutcome {
  imported: number;
  updated: number;
  unchanged: number;
  refused: { award: DecpAward; reason: string }[];
}

/** Writes one import's awards chunk by chunk, then its buyers' proposed needs. */
export interface DecpImportWriter {
  /**
   * Writes awards of distinct keys in one transaction: organizations by SIRET (created when absent),
   * buyers made members of the territory, contracts created by DECP key or rewritten when a DECP
   * column changed (the previous values kept for undo). When the database refuses the chunk, each
   * award is retried under its own savepoint: only the offending ones are refused.
   */
  writeChunk(awards: readonly DecpAward[]): Promise<DecpChunkOutcome>;
  /** Recomputes the proposed needs of every buyer the chunks touched. */
  refreshNeeds(): Promise<NeedsOutcome>;
}

/** A stored organization as an import sees it. */
export interface StoredParty {
  id: string;
  departementCode: string;
  isMember: boolean;
}

/** How the store would take an award: a new contract, a stored one changed, or one stored as is. */
export type DecpComparison = 'new' | 'updated' | 'unchanged';

/** Parameters per `in (…)` list and rows per multi-row statement: far below both dialects' limits. */
const LIST_SIZE = 500;

/**
 * The one home of DECP storage: writing an import's chunks and proposed needs, and the reads its
 * preview needs. Transactions, savepoint retries and the dialect stay inside.
 */
export function createDecpStore(m: MutualisDb) {
  return {
    writer(target: DecpImportTarget): DecpImportWriter {
      const buyers = new Set<string>();
      return {
        async writeChunk(awards) {
          try {
            const written = await m.db.transaction().execute((trx) => writeAwards(trx, awards, target));
            for (const id of written.buyerIds) buyers.add(id);
            return { ...written.counts, refused: [] };
          } catch {
            return writeOneByOne(m.db, awards, target, buyers);
          }
        },
        refreshNeeds: () => refreshDecpNeeds(m.db, { buyerIds: buyers, now: target.now, importId: target.importId }),
      };
    },

    /** Stored organizations among these SIRETs, with their département and whether they are members of the territory. */
    async findParties(territoryId: string, sirets: readonly string[]): Promise<Map<string, StoredParty>> {
      const found = new Map<string, StoredParty>();
      for (const list of slices(sirets)) {
        const rows = await m.db
          .selectFrom('organizations')
          .leftJoin('territory_members', (join) =>
            join.onRef('territory_members.organization_id', '=', 'organizations.id').on('territory_members.territory_id', '=', territoryId),
          )
          .select(['organizations.id', 'organizations.siret', 'organizations.departement_code', 'territory_members.territory_id'])
          .where('organizations.siret', 'in', list)
          .execute();
        for (const row of rows)
          found.set(row.siret, { id: row.id, departementCode: row.departement_code, isMember: row.territory_id !== null });
      }
      return found;
    },

    /** For each award (distinct keys), how `writeChunk` would take it; `buyerIds` gives the stored buyers by SIRET. */
    async compare(awards: readonly DecpAward[], buyerIds: ReadonlyMap<string, string>): Promise<DecpComparison[]> {
      const stored = await storedContracts(
        m.db,
        awards.map((a) => a.key),
      );
      return awards.map((award) => {
        const current = stored.get(award.key);
        const buyerId = buyerIds.get(award.buyer.siret);
        if (current === undefined || buyerId === undefined) return 'new';
        return hasDecpChange(current, decpValuesOf(award, buyerId)) ? 'updated' : 'unchanged';
      });
    },

    /** Which of these `organizationId|familyCode` pairs already have a DECP need. */
    async findNeedFamilies(pairs: ReadonlySet<string>): Promise<Set<string>> {
      const organizations = [...new Set([...pairs].map((pair) => pair.slice(0, pair.indexOf('|'))))];
      const found = new Set<string>();
      for (const list of slices(organizations)) {
        const rows = await m.db
          .selectFrom('needs')
          .select(['organization_id', 'cpv_code'])
          .where('organization_id', 'in', list)
          .where('source', '=', 'decp')
          .execute();
        for (const row of rows) {
          const pair = `${row.organization_id}|${row.cpv_code}`;
          if (pairs.has(pair)) found.add(pair);
        }
      }
      return found;
    },

    /** Départements where the territory's members are (the default scope of an import into it). */
    async memberDepartements(territoryId: string): Promise<string[]> {
      const rows = await m.db
        .selectFrom('territory_members')
        .innerJoin('organizations', 'organizations.id', 'territory_members.organization_id')
        .select('organizations.departement_code')
        .distinct()
        .where('territory_members.territory_id', '=', territoryId)
        .where('organizations.departement_code', '<>', '')
        .orderBy('organizations.departement_code')
        .execute();
      return rows.map((r) => r.departement_code);
    },
  };
}

export type DecpStore = ReturnType<typeof createDecpStore>;

/** The chunk again, in one transaction, each award under its own savepoint. */
async function writeOneByOne(
  db: Kysely<Database>,
  awards: readonly DecpAward[],
  target: DecpImportTarget,
  buyers: Set<string>,
): Promise<DecpChunkOutcome> {
  const outcome: DecpChunkOutcome = { imported: 0, updated: 0, unchanged: 0, refused: [] };
  await db.transaction().execute(async (trx) => {
    for (const award of awards) {
      await sql`SAVEPOINT decp_award`.execute(trx);
      try {
        const written = await writeAwards(trx, [award], target);
        await sql`RELEASE SAVEPOINT decp_award`.execute(trx);
        outcome.imported += written.counts.imported;
        outcome.updated += written.counts.updated;
        outcome.unchanged += written.counts.unchanged;
        for (const id of written.buyerIds) buyers.add(id);
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT decp_award`.execute(trx);
        await sql`RELEASE SAVEPOINT decp_award`.execute(trx);
        outcome.refused.push({
          award,
          reason: `refusé par la base de données : ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
  });
  return outcome;
}

interface Written {
  counts: Omit<DecpChunkOutcome, 'refused'>;
  buyerIds: string[];
}

async function writeAwards(db: Kysely<Database>, awards: readonly DecpAward[], target: DecpImportTarget): Promise<Written> {
  const orgIds = await ensureOrganizations(db, awards, target);
  const buyerIds = [...new Set(awards.map((a) => orgIds.get(a.buyer.siret) as string))];
  const buyerSet = new Set(buyerIds);
  for (const list of slices(buyerIds)) {
    await db
      .insertInto('territory_members')
      .values(list.map((id) => ({ territory_id: target.territoryId, organization_id: id, import_id: target.importId })))
      .onConflict((oc) => oc.columns(['territory_id', 'organization_id']).doNothing())
      .execute();
  }
  await recordMet(db, target.importId, buyerIds, 1);
  await recordMet(
    db,
    target.importId,
    [...orgIds.values()].filter((id) => !buyerSet.has(id)),
    0,
  );
  const stored = await storedContracts(
    db,
    awards.map((a) => a.key),
  );
  const inserts = [];
  let updated = 0;
  for (const award of awards) {
    const organizationId = orgIds.get(award.buyer.siret) as string;
    const current = stored.get(award.key);
    if (current === undefined) {
      inserts.push(contractRow(award, organizationId, target.importId, target.now));
      continue;
    }
    const next = decpValuesOf(award, organizationId);
    if (!hasDecpChange(current, next)) continue;
    const { id, ...previous } = current;
    await keepVersion(db, target.importId, 'running_contracts', id, previous);
    await db
      .updateTable('running_contracts')
      .set({ ...next, updated_at: target.now })
      .where('id', '=', id)
      .execute();
    updated += 1;
  }
  for (const rows of slices(inserts)) await db.insertInto('running_contracts').values(rows).execute();
  return { counts: { imported: inserts.length, updated, unchanged: awards.length - inserts.length - updated }, buyerIds };
}

/** Organizations of the awards' buyers and holders by SIRET, created when absent; a buyer stored without a place gets its award's. */
async function ensureOrganizations(
  db: Kysely<Database>,
  awards: readonly DecpAward[],
  target: DecpImportTarget,
): Promise<Map<string, string>> {
  const parties = partiesOf(awards);
  const ids = new Map<string, string>();
  for (const list of slices([...parties.keys()])) {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'siret', 'insee_code', 'departement_code', 'region_code', 'epci_siren'])
      .where('siret', 'in', list)
      .execute();
    for (const row of rows) {
      ids.set(row.siret, row.id);
      const award = parties.get(row.siret)?.award;
      if (row.departement_code !== '' || award === undefined) continue;
      const place = buyerPlaceOf(award);
      if (place.departement_code === '') continue;
      const { id, siret: _siret, ...previous } = row;
      await keepVersion(db, target.importId, 'organizations', id, previous);
      await db
        .updateTable('organizations')
        .set({ ...place, updated_at: target.now })
        .where('id', '=', id)
        .execute();
    }
  }
  const missing: OrganizationRow[] = [];
  for (const [siret, party] of parties) {
    if (ids.has(siret)) continue;
    const row = party.award
      ? buyerRow(party.award, target.importId, target.now)
      : holderRow(siret, party.holderName, target.importId, target.now);
    missing.push(row);
    ids.set(siret, row.id);
  }
  for (const rows of slices(missing)) await db.insertInto('organizations').values(rows).execute();
  return ids;
}

/** Records that the import met these organizations (`isBuyer` 1 as buyers, which a holder met before then becomes). */
async function recordMet(db: Kysely<Database>, importId: string, organizationIds: readonly string[], isBuyer: 0 | 1): Promise<void> {
  for (const list of slices(organizationIds)) {
    const insert = db
      .insertInto('import_organizations')
      .values(list.map((id) => ({ import_id: importId, organization_id: id, is_buyer: isBuyer })));
    await (isBuyer === 1
      ? insert.onConflict((oc) => oc.columns(['import_id', 'organization_id']).doUpdateSet({ is_buyer: 1 }))
      : insert.onConflict((oc) => oc.columns(['import_id', 'organization_id']).doNothing())
    ).execute();
  }
}

/** The stored DECP columns of the contracts with these keys, by key. */
async function storedContracts(db: Kysely<Database>, keys: readonly string[]): Promise<Map<string, DecpValues & { id: string }>> {
  const stored = new Map<string, DecpValues & { id: string }>();
  for (const list of slices(keys)) {
    const rows = await db
      .selectFrom('running_contracts')
      .select(['id', 'decp_id', ...DECP_COLUMNS])
      .where('decp_id', 'in', list)
      .execute();
    for (const { decp_id, ...row } of rows) stored.set(decp_id as string, row);
  }
  return stored;
}

/** Keeps a row's values before this import first changes it (a later change by the same import keeps the first). */
async function keepVersion(db: Kysely<Database>, importId: string, table: string, rowId: string, previous: object): Promise<void> {
  await db
    .insertInto('import_versions')
    .values({ import_id: importId, table_name: table, row_id: rowId, previous_json: JSON.stringify(previous) })
    .onConflict((oc) => oc.columns(['import_id', 'table_name', 'row_id']).doNothing())
    .execute();
}

function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += LIST_SIZE) out.push(items.slice(i, i + LIST_SIZE));
  return out;
}
