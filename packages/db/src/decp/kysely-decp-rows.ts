import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';
import type { DecpRowWriter, DecpTransaction, StoredContract, StoredDecpAmount, StoredOrganization } from './decp-row-writer';
import { DECP_COLUMNS } from './decp-rows';
import { FLAG_FACT_COLUMNS, type StoredDecpFacts } from './estimable-decp-facts';
import { SENTINEL_FLAG_PATTERN } from './refresh-decp-amount-checks';

/** Parameters per `in (…)` list and rows per multi-row statement: far below PostgreSQL's limit. */
const LIST_SIZE = 500;
/** DECP contracts read per query when visiting them all. */
const PAGE = 20_000;

/** DECP row operations as multi-row Kysely statements (PostgreSQL: one round trip per statement, not per row). */
export function kyselyDecpTransaction(db: Kysely<Database>): DecpTransaction {
  return (write) => db.transaction().execute((trx) => write(kyselyDecpRows(trx)));
}

function kyselyDecpRows(db: Kysely<Database>): DecpRowWriter {
  return {
    async savepoint(write) {
      await sql`SAVEPOINT decp_rows`.execute(db);
      try {
        const result = await write();
        await sql`RELEASE SAVEPOINT decp_rows`.execute(db);
        return result;
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT decp_rows`.execute(db);
        await sql`RELEASE SAVEPOINT decp_rows`.execute(db);
        throw error;
      }
    },

    async findOrganizations(sirets) {
      const found = new Map<string, StoredOrganization>();
      for (const list of slices(sirets)) {
        const rows = await db
          .selectFrom('organizations')
          .select(['id', 'siret', 'kind', 'insee_code', 'departement_code', 'region_code', 'epci_siren'])
          .where('siret', 'in', list)
          .execute();
        for (const { siret, ...row } of rows) found.set(siret, row);
      }
      return found;
    },

    async insertOrganizations(rows) {
      const stored: string[] = [];
      for (const list of slices(rows)) {
        const inserted = await db
          .insertInto('organizations')
          .values(list)
          .onConflict((oc) => oc.column('siret').doNothing())
          .returning('siret')
          .execute();
        const sirets = new Set(inserted.map((r) => r.siret));
        for (const row of list) if (!sirets.has(row.siret)) stored.push(row.siret);
      }
      return stored;
    },

    async updateOrganization(id, values, now) {
      await db
        .updateTable('organizations')
        .set({ ...values, updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    async addMembers(territoryId, organizationIds, importId) {
      for (const list of slices(organizationIds))
        await db
          .insertInto('territory_members')
          .values(list.map((id) => ({ territory_id: territoryId, organization_id: id, import_id: importId })))
          .onConflict((oc) => oc.columns(['territory_id', 'organization_id']).doNothing())
          .execute();
    },

    async recordMet(importId, organizationIds, isBuyer) {
      for (const list of slices(organizationIds)) {
        const insert = db
          .insertInto('import_organizations')
          .values(list.map((id) => ({ import_id: importId, organization_id: id, is_buyer: isBuyer ? 1 : 0 })));
        await (isBuyer
          ? insert.onConflict((oc) => oc.columns(['import_id', 'organization_id']).doUpdateSet({ is_buyer: 1 }))
          : insert.onConflict((oc) => oc.columns(['import_id', 'organization_id']).doNothing())
        ).execute();
      }
    },

    async insertContracts(rows) {
      const stored: string[] = [];
      for (const list of slices(rows)) {
        const inserted = await db
          .insertInto('running_contracts')
          .values(list)
          .onConflict((oc) => oc.column('decp_id').doNothing())
          .returning('decp_id')
          .execute();
        const keys = new Set(inserted.map((r) => r.decp_id));
        for (const row of list) if (!keys.has(row.decp_id ?? null)) stored.push(row.decp_id as string);
      }
      return stored;
    },

    async findContracts(keys) {
      const found = new Map<string, StoredContract>();
      for (const list of slices(keys)) {
        const rows = await db
          .selectFrom('running_contracts')
          .select(['id', 'decp_id', ...DECP_COLUMNS])
          .where('decp_id', 'in', list)
          .execute();
        for (const { decp_id, ...row } of rows) found.set(decp_id as string, row);
      }
      return found;
    },

    async updateContract(id, values, now) {
      await db
        .updateTable('running_contracts')
        .set({ ...values, updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    async findDecpContracts(buyerIds) {
      const facts: StoredDecpFacts[] = [];
      for (const list of slices(buyerIds)) {
        const rows = await db
          .selectFrom('running_contracts')
          .select(['organization_id', 'decp_id', ...FLAG_FACT_COLUMNS])
          .where('organization_id', 'in', list)
          .where('source', '=', 'decp')
          .execute();
        facts.push(...rows);
      }
      return facts;
    },

    async findDecpNeeds(buyerIds) {
      const needs = [];
      for (const list of slices(buyerIds))
        needs.push(
          ...(await db
            .selectFrom('needs')
            .select(['id', 'organization_id', 'cpv_code', 'status', 'annual_amount_cents', 'source_ref'])
            .where('organization_id', 'in', list)
            .where('source', '=', 'decp')
            .execute()),
        );
      return needs;
    },

    async insertNeeds(rows) {
      for (const list of slices(rows)) await db.insertInto('needs').values(list).execute();
    },

    async updateNeed(id, values) {
      await db.updateTable('needs').set(values).where('id', '=', id).execute();
    },

    async deleteNeeds(ids) {
      for (const list of slices(ids)) await db.deleteFrom('needs').where('id', 'in', list).execute();
    },

    eachDecpAmountFacts: (visit) => eachDecpAmount(db, visit),

    // Every contract: the floors would need a table of their own here (SQLite's is a temporary one).
    eachDecpAmountToAssess: (_floors, visit) => eachDecpAmount(db, visit),

    async updateAmountCheck(id, json, now) {
      await db.updateTable('running_contracts').set({ amount_check_json: json, updated_at: now }).where('id', '=', id).execute();
    },

    async keepVersion(importId, table, rowId, previous) {
      await db
        .insertInto('import_versions')
        .values({ import_id: importId, table_name: table, row_id: rowId, previous_json: JSON.stringify(previous) })
        .onConflict((oc) => oc.columns(['import_id', 'table_name', 'row_id']).doNothing())
        .execute();
    },
  };
}

/** Every stored DECP contract with its buyer's kind and its verdict, a page at a time. */
async function eachDecpAmount(db: Kysely<Database>, visit: (row: StoredDecpAmount) => void): Promise<void> {
  // Pages walk the primary key and the source is checked here: with `source = 'decp'` in the query, the
  // source index would be read and sorted again for each page.
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('running_contracts')
      .innerJoin('organizations', 'organizations.id', 'running_contracts.organization_id')
      .select((eb) => [
        'running_contracts.id',
        'running_contracts.organization_id',
        'running_contracts.source',
        'running_contracts.cpv_code',
        'running_contracts.nature',
        'running_contracts.amount_cents',
        'running_contracts.duration_months',
        'organizations.kind',
        'running_contracts.amount_check_json',
        eb.case().when('running_contracts.decp_flags_json', 'like', SENTINEL_FLAG_PATTERN).then(1).else(0).end().as('is_sentinel'),
      ])
      .where('running_contracts.id', '>', after)
      .orderBy('running_contracts.id')
      .limit(PAGE)
      .execute();
    for (const row of rows) if (row.source === 'decp') visit(row as StoredDecpAmount);
    if (rows.length < PAGE) return;
    after = (rows[rows.length - 1] as StoredDecpAmount).id;
  }
}

/** The items by arrays of `LIST_SIZE`, each made when the previous one is done with (rows may come from a generator). */
function* slices<T>(items: Iterable<T>): Generator<T[]> {
  let list: T[] = [];
  for (const item of items) {
    list.push(item);
    if (list.length < LIST_SIZE) continue;
    yield list;
    list = [];
  }
  if (list.length > 0) yield list;
}
