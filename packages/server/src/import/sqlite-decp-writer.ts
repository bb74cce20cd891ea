import type { DecpAward } from '@mutualis/core';
import type { SqliteHandle } from '@mutualis/db';
import {
  type BatchOutcome,
  buyerRow,
  type ContractRow,
  DECP_FIELDS,
  hasDecpChange,
  holderRow,
  type OrganizationRow,
  partiesOf,
  type StoredContract,
  toContractRow,
} from './write-decp-batch';

/** Organizations remembered by SIRET between chunks; cleared when full (a cache, not a registry). */
const ORGANIZATION_CACHE_LIMIT = 200_000;

/**
 * Writes chunks of awards on SQLite with prepared statements, inside a transaction the caller
 * opened: a chunk the database refuses is undone (savepoint) and retried award by award, each
 * under its own savepoint, so only the offending awards are left out and the transaction stays whole.
 */
export interface SqliteDecpWriter {
  writeChunk<T extends { award: DecpAward }>(chunk: readonly T[], onRefused: (item: T, error: unknown) => void): BatchOutcome;
  /** Forgets what was cached from writes that were rolled back. */
  forget(): void;
}

interface KnownOrganization {
  id: string;
  isLocated: boolean;
  /** Stored as a holder (`sme`): takes a buyer's kind when it appears as a buyer. */
  isHolderOnly: boolean;
}

const CONTRACT_COLUMNS = [
  'id',
  'organization_id',
  'reference',
  'cpv_code',
  'label',
  'holder_siret',
  'holder_name',
  'notification_date',
  'start_date',
  'duration_months',
  'amount_cents',
  'renewal_count',
  'renewal_months',
  'notice_months',
  'renewals_used',
  'nature',
  'source',
  'decp_id',
  'decp_provenance',
  'decp_flags_json',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ContractRow)[];

const ORGANIZATION_COLUMNS = [
  'id',
  'name',
  'siret',
  'siren',
  'kind',
  'insee_code',
  'departement_code',
  'region_code',
  'epci_siren',
  'is_demo',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof OrganizationRow)[];

export interface SqliteDecpWriterOptions {
  /**
   * The unique `decp_id` index is dropped for a bulk import into a database without DECP
   * contracts: every award is inserted as new, the caller having kept one award per key.
   */
  isKeyIndexDeferred?: boolean;
}

const placeholders = (names: readonly string[]) => names.map(() => '?').join(', ');

/**
 * The SQLite fast path of the DECP import: the same rules as `writeDecpBatch` (organizations by
 * SIRET, buyers as members, contracts inserted by `decp_id` or updated only when a DECP field
 * changed), with prepared statements and positional parameters instead of compiled multi-row
 * queries. A new contract costs one `INSERT … ON CONFLICT DO NOTHING`; only when it already
 * exists is it read back and compared.
 */
export function createSqliteDecpWriter(
  database: SqliteHandle,
  territoryId: string,
  now: string,
  options: SqliteDecpWriterOptions = {},
): SqliteDecpWriter {
  // Without the unique index there is no conflict target: the caller guarantees new keys (see DECP_KEY_INDEX).
  const onConflict = options.isKeyIndexDeferred === true ? '' : ' ON CONFLICT (decp_id) DO NOTHING';
  const insertContract = database.prepare(
    `INSERT INTO running_contracts (${CONTRACT_COLUMNS.join(', ')}) VALUES (${placeholders(CONTRACT_COLUMNS)})${onConflict}`,
  );
  const selectContract = database.prepare(`SELECT id, decp_id, ${DECP_FIELDS.join(', ')} FROM running_contracts WHERE decp_id = ?`);
  const updateContract = database.prepare(
    `UPDATE running_contracts SET ${DECP_FIELDS.map((name) => `${name} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  );
  const selectOrganization = database.prepare('SELECT id, departement_code, kind FROM organizations WHERE siret = ?');
  const insertOrganization = database.prepare(
    `INSERT INTO organizations (${ORGANIZATION_COLUMNS.join(', ')}) VALUES (${placeholders(ORGANIZATION_COLUMNS)})`,
  );
  const locateOrganization = database.prepare(
    'UPDATE organizations SET insee_code = ?, departement_code = ?, region_code = ?, epci_siren = ?, updated_at = ? WHERE id = ?',
  );
  const classifyOrganization = database.prepare('UPDATE organizations SET kind = ?, updated_at = ? WHERE id = ?');
  const insertMember = database.prepare(
    'INSERT INTO territory_members (territory_id, organization_id) VALUES (?, ?) ON CONFLICT (territory_id, organization_id) DO NOTHING',
  );
  const savepoint = (name: string) => ({
    open: database.prepare(`SAVEPOINT ${name}`),
    release: database.prepare(`RELEASE ${name}`),
    undo: database.prepare(`ROLLBACK TO ${name}`),
  });
  const chunkSavepoint = savepoint('decp_chunk');
  const awardSavepoint = savepoint('decp_award');
  const organizations = new Map<string, KnownOrganization>();
  const members = new Set<string>();

  const known = (siret: string): KnownOrganization | undefined => {
    const cached = organizations.get(siret);
    if (cached !== undefined) return cached;
    const row = selectOrganization.get(siret) as { id: string; departement_code: string; kind: string } | undefined;
    return row === undefined
      ? undefined
      : remember(siret, { id: row.id, isLocated: row.departement_code !== '', isHolderOnly: row.kind === 'sme' });
  };
  const remember = (siret: string, organization: KnownOrganization): KnownOrganization => {
    if (organizations.size >= ORGANIZATION_CACHE_LIMIT) organizations.clear();
    organizations.set(siret, organization);
    return organization;
  };
  const forget = (): void => {
    organizations.clear();
    members.clear();
  };

  /** Same rules as `ensureOrganizations`: a buyer stored without a place gets one once an award gives it. */
  const ensureOrganizations = (awards: readonly DecpAward[]): Map<string, string> => {
    const ids = new Map<string, string>();
    for (const [siret, party] of partiesOf(awards)) {
      const existing = known(siret);
      if (existing === undefined) {
        const row = party.award ? buyerRow(party.award, now) : holderRow(siret, party.holderName, now);
        insertOrganization.run(ORGANIZATION_COLUMNS.map((name) => row[name] ?? null));
        remember(siret, { id: row.id, isLocated: row.departement_code !== '', isHolderOnly: row.kind === 'sme' });
        ids.set(siret, row.id);
        continue;
      }
      ids.set(siret, existing.id);
      if (party.award === undefined) continue;
      if (existing.isHolderOnly) {
        classifyOrganization.run(buyerRow(party.award, now).kind, now, existing.id);
        existing.isHolderOnly = false;
      }
      if (existing.isLocated) continue;
      const { insee_code, departement_code, region_code, epci_siren } = buyerRow(party.award, now);
      if (departement_code === '') continue;
      locateOrganization.run(insee_code, departement_code, region_code, epci_siren ?? null, now, existing.id);
      existing.isLocated = true;
    }
    return ids;
  };

  const writeAwards = (awards: readonly DecpAward[]): BatchOutcome => {
    const orgIds = ensureOrganizations(awards);
    const buyerIds = [...new Set(awards.map((a) => orgIds.get(a.buyer.siret) as string))];
    for (const id of buyerIds) {
      if (members.has(id)) continue;
      insertMember.run(territoryId, id);
      members.add(id);
    }
    let imported = 0;
    let updated = 0;
    // In key order (buyer SIRET first), the inserts into the decp_id and organization indexes fall
    // on neighbouring b-tree pages instead of random ones. Organizations above went in file order:
    // a buyer takes its place from its first award in the file.
    const sorted = awards.length > 1 ? [...awards].sort((a, b) => (a.key < b.key ? -1 : 1)) : awards;
    for (const award of sorted) {
      const row = toContractRow(award, orgIds.get(award.buyer.siret) as string, now);
      if (insertContract.run(CONTRACT_COLUMNS.map((name) => row[name] ?? null)).changes === 1) {
        imported += 1;
        continue;
      }
      const current = selectContract.get(award.key) as StoredContract | undefined;
      if (current === undefined || !hasDecpChange(current, row)) continue;
      updateContract.run([...DECP_FIELDS.map((name) => row[name] ?? null), now, current.id]);
      updated += 1;
    }
    return { imported, updated, unchanged: awards.length - imported - updated, buyerIds };
  };

  /** Runs `write` under a savepoint: all of it, or nothing of it and the error thrown. */
  const atomically = <R>(point: ReturnType<typeof savepoint>, write: () => R): R => {
    point.open.run();
    try {
      const result = write();
      point.release.run();
      return result;
    } catch (error) {
      point.undo.run();
      point.release.run();
      forget(); // what was cached from the undone writes is not in the database
      throw error;
    }
  };

  return {
    writeChunk(chunk, onRefused) {
      try {
        return atomically(chunkSavepoint, () => writeAwards(chunk.map((item) => item.award)));
      } catch {
        // fall through to one savepoint per award
      }
      const outcome: BatchOutcome = { imported: 0, updated: 0, unchanged: 0, buyerIds: [] };
      for (const item of chunk) {
        try {
          const one = atomically(awardSavepoint, () => writeAwards([item.award]));
          outcome.imported += one.imported;
          outcome.updated += one.updated;
          outcome.unchanged += one.unchanged;
          outcome.buyerIds.push(...one.buyerIds);
        } catch (error) {
          onRefused(item, error);
        }
      }
      return outcome;
    },
    forget,
  };
}
