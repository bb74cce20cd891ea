import type Sqlite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type {
  DecpRowWriter,
  DecpTransaction,
  StoredContract,
  StoredDecpAmount,
  StoredDecpAmountFacts,
  StoredDecpNeed,
  StoredOrganization,
} from './decp-row-writer';
import { CONTRACT_ROW_COLUMNS, DECP_COLUMNS, NEED_ROW_COLUMNS, ORGANIZATION_ROW_COLUMNS } from './decp-rows';
import { FLAG_FACT_COLUMNS, type StoredDecpFacts } from './estimable-decp-facts';
import { SENTINEL_FLAG_PATTERN } from './refresh-decp-amount-checks';

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');
const IS_SENTINEL = `CASE WHEN c.decp_flags_json LIKE '${SENTINEL_FLAG_PATTERN}' THEN 1 ELSE 0 END AS is_sentinel`;

/**
 * DECP row operations on SQLite as prepared statements run row by row: SQLite is in-process, so a
 * statement per row costs no round trip, and a prepared one costs no SQL building nor parsing
 * (compiling Kysely's multi-row statements cost as much as SQLite's own work, docs/benchmarks.md).
 * The transaction holds Kysely's single connection, so no other query of this process can slip into it.
 */
export function sqliteDecpTransaction(db: Kysely<Database>, database: Sqlite.Database): DecpTransaction {
  const statements = prepare(database);
  const rows = sqliteDecpRows(statements);
  return (write) =>
    db.connection().execute(async () => {
      statements.begin.run();
      try {
        const result = await write(rows);
        statements.commit.run();
        return result;
      } catch (error) {
        if (database.inTransaction) statements.rollback.run();
        throw error;
      }
    });
}

function prepare(database: Sqlite.Database) {
  // The floors of the amount verdicts' groups, for the statement that reads the contracts above them.
  database.exec(
    'CREATE TEMP TABLE IF NOT EXISTS decp_amount_floors (cpv_class TEXT, nature TEXT, kind TEXT, is_works INTEGER, floor_cents REAL, PRIMARY KEY (cpv_class, nature, kind))',
  );
  return {
    begin: database.prepare('BEGIN IMMEDIATE'),
    commit: database.prepare('COMMIT'),
    rollback: database.prepare('ROLLBACK'),
    savepoint: database.prepare('SAVEPOINT decp_rows'),
    release: database.prepare('RELEASE decp_rows'),
    undo: database.prepare('ROLLBACK TO decp_rows'),
    findOrganization: database.prepare(
      'SELECT id, kind, insee_code, departement_code, region_code, epci_siren FROM organizations WHERE siret = ?',
    ),
    insertOrganization: database.prepare(
      `INSERT INTO organizations (${ORGANIZATION_ROW_COLUMNS.join(', ')}) VALUES (${placeholders(ORGANIZATION_ROW_COLUMNS.length)}) ON CONFLICT (siret) DO NOTHING`,
    ),
    updateOrganization: database.prepare(
      'UPDATE organizations SET kind = ?, insee_code = ?, departement_code = ?, region_code = ?, epci_siren = ?, updated_at = ? WHERE id = ?',
    ),
    addMember: database.prepare(
      'INSERT INTO territory_members (territory_id, organization_id, import_id) VALUES (?, ?, ?) ON CONFLICT (territory_id, organization_id) DO NOTHING',
    ),
    metAsBuyer: database.prepare(
      'INSERT INTO import_organizations (import_id, organization_id, is_buyer) VALUES (?, ?, 1) ON CONFLICT (import_id, organization_id) DO UPDATE SET is_buyer = 1',
    ),
    metAsHolder: database.prepare(
      'INSERT INTO import_organizations (import_id, organization_id, is_buyer) VALUES (?, ?, 0) ON CONFLICT (import_id, organization_id) DO NOTHING',
    ),
    insertContract: database.prepare(
      `INSERT INTO running_contracts (${CONTRACT_ROW_COLUMNS.join(', ')}) VALUES (${placeholders(CONTRACT_ROW_COLUMNS.length)}) ON CONFLICT (decp_id) DO NOTHING`,
    ),
    findContract: database.prepare(`SELECT id, ${DECP_COLUMNS.join(', ')} FROM running_contracts WHERE decp_id = ?`),
    updateContract: database.prepare(
      `UPDATE running_contracts SET ${DECP_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
    ),
    decpContracts: database.prepare(
      `SELECT organization_id, decp_id, ${FLAG_FACT_COLUMNS.join(', ')} FROM running_contracts WHERE organization_id = ? AND source = 'decp'`,
    ),
    decpNeeds: database.prepare(
      "SELECT id, organization_id, cpv_code, status, annual_amount_cents, source_ref FROM needs WHERE organization_id = ? AND source = 'decp'",
    ),
    insertNeed: database.prepare(`INSERT INTO needs (${NEED_ROW_COLUMNS.join(', ')}) VALUES (${placeholders(NEED_ROW_COLUMNS.length)})`),
    updateNeed: database.prepare('UPDATE needs SET label = ?, annual_amount_cents = ?, source_ref = ?, updated_at = ? WHERE id = ?'),
    deleteNeed: database.prepare('DELETE FROM needs WHERE id = ?'),
    // One scan of the table, the source checked on each row: with `source = 'decp'` SQLite would walk the source index and
    // fetch each row apart. The statistics pass reads no id (each text column read costs a string per row).
    decpAmountFacts: database.prepare(
      `SELECT c.source, c.cpv_code, c.nature, c.amount_cents, c.duration_months, o.kind, ${IS_SENTINEL}
         FROM running_contracts c JOIN organizations o ON o.id = c.organization_id`,
    ),
    clearAmountFloors: database.prepare('DELETE FROM temp.decp_amount_floors'),
    insertAmountFloor: database.prepare('INSERT INTO temp.decp_amount_floors VALUES (?, ?, ?, ?, ?)'),
    // A monthly compared amount is round(amount / months): above a floor f only when amount > f × months.
    decpAmountsToAssess: database.prepare(
      `SELECT c.id, c.organization_id, c.source, c.cpv_code, c.nature, c.amount_cents, c.duration_months, o.kind, c.amount_check_json,
              ${IS_SENTINEL}
         FROM running_contracts c JOIN organizations o ON o.id = c.organization_id
         LEFT JOIN temp.decp_amount_floors f ON f.cpv_class = substr(c.cpv_code, 1, 4) AND f.nature = c.nature AND f.kind = o.kind
        WHERE c.amount_check_json IS NOT NULL
           OR c.amount_cents > CASE WHEN f.is_works = 0 AND c.duration_months > 1 THEN f.floor_cents * c.duration_months ELSE f.floor_cents END`,
    ),
    updateAmountCheck: database.prepare('UPDATE running_contracts SET amount_check_json = ?, updated_at = ? WHERE id = ?'),
    keepVersion: database.prepare(
      'INSERT INTO import_versions (import_id, table_name, row_id, previous_json) VALUES (?, ?, ?, ?) ON CONFLICT (import_id, table_name, row_id) DO NOTHING',
    ),
  };
}

function sqliteDecpRows(s: ReturnType<typeof prepare>): DecpRowWriter {
  return {
    async savepoint(write) {
      s.savepoint.run();
      try {
        const result = await write();
        s.release.run();
        return result;
      } catch (error) {
        s.undo.run();
        s.release.run();
        throw error;
      }
    },

    async findOrganizations(sirets) {
      const found = new Map<string, StoredOrganization>();
      for (const siret of sirets) {
        const row = s.findOrganization.get(siret) as StoredOrganization | undefined;
        if (row !== undefined) found.set(siret, row);
      }
      return found;
    },

    async insertOrganizations(rows) {
      const stored: string[] = [];
      for (const row of rows) {
        if (s.insertOrganization.run(ORGANIZATION_ROW_COLUMNS.map((c) => row[c] ?? null)).changes === 0) stored.push(row.siret);
      }
      return stored;
    },

    async updateOrganization(id, values, now) {
      s.updateOrganization.run(values.kind, values.insee_code, values.departement_code, values.region_code, values.epci_siren, now, id);
    },

    async addMembers(territoryId, organizationIds, importId) {
      for (const id of organizationIds) s.addMember.run(territoryId, id, importId);
    },

    async recordMet(importId, organizationIds, isBuyer) {
      const statement = isBuyer ? s.metAsBuyer : s.metAsHolder;
      for (const id of organizationIds) statement.run(importId, id);
    },

    async insertContracts(rows) {
      const stored: string[] = [];
      for (const row of rows) {
        if (s.insertContract.run(CONTRACT_ROW_COLUMNS.map((c) => row[c] ?? null)).changes === 0) stored.push(row.decp_id as string);
      }
      return stored;
    },

    async findContracts(keys) {
      const found = new Map<string, StoredContract>();
      for (const key of keys) {
        const row = s.findContract.get(key) as StoredContract | undefined;
        if (row !== undefined) found.set(key, row);
      }
      return found;
    },

    async updateContract(id, values, now) {
      s.updateContract.run([...DECP_COLUMNS.map((c) => values[c] ?? null), now, id]);
    },

    async keepVersion(importId, table, rowId, previous) {
      s.keepVersion.run(importId, table, rowId, JSON.stringify(previous));
    },

    async findDecpContracts(buyerIds) {
      return buyerIds.flatMap((id) => s.decpContracts.all(id) as StoredDecpFacts[]);
    },

    async findDecpNeeds(buyerIds) {
      return buyerIds.flatMap((id) => s.decpNeeds.all(id) as StoredDecpNeed[]);
    },

    async insertNeeds(rows) {
      for (const row of rows) s.insertNeed.run(NEED_ROW_COLUMNS.map((c) => row[c] ?? null));
    },

    async updateNeed(id, values) {
      s.updateNeed.run(values.label, values.annual_amount_cents, values.source_ref, values.updated_at, id);
    },

    async deleteNeeds(ids) {
      for (const id of ids) s.deleteNeed.run(id);
    },

    async eachDecpAmountFacts(visit) {
      for (const row of s.decpAmountFacts.iterate() as IterableIterator<StoredDecpAmountFacts & { source: string }>)
        if (row.source === 'decp') visit(row);
    },

    async eachDecpAmountToAssess(floors, visit) {
      s.clearAmountFloors.run();
      for (const f of floors) s.insertAmountFloor.run(f.cpvClass, f.nature, f.buyerKind, f.isWorks ? 1 : 0, f.floorCents);
      for (const row of s.decpAmountsToAssess.iterate() as IterableIterator<StoredDecpAmount & { source: string }>)
        if (row.source === 'decp') visit(row);
      s.clearAmountFloors.run();
    },

    async updateAmountCheck(id, json, now) {
      s.updateAmountCheck.run(json, now, id);
    },
  };
}
