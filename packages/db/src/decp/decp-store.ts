import type { DecpAward } from '@mutualis/core';
import type { Kysely } from 'kysely';
import { type MutualisDb, sqliteHandleOf } from '../dialect/create-database';
import type { Database } from '../schema';
import { placedAward, placementKeys, writeDecpContracts } from './decp-contract-writes';
import type { DecpRowWriter, DecpTransaction, OrganizationFacts, StoredOrganization } from './decp-row-writer';
import {
  buyerPlaceOf,
  buyerRow,
  DECP_COLUMNS,
  type DecpValues,
  decpValuesOf,
  hasDecpChange,
  holderRow,
  type OrganizationRow,
  partiesOf,
} from './decp-rows';
import { kyselyDecpTransaction } from './kysely-decp-rows';
import { sqliteDecpTransaction } from './sqlite-decp-rows';
import { type DecpAmountChecksOutcome, refreshDecpAmountChecks } from './refresh-decp-amount-checks';
import { SiretSet } from './siret-set';
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
  /**
   * Awards written under another identifier than the pass gave them, as the contracts stored by
   * earlier imports decide (`writeDecpContracts`): their flags changed (`id_shared`).
   */
  retargeted: { before: DecpAward; after: DecpAward }[];
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
  /**
   * Forgets the organizations the chunks handled, once every chunk is written: the end of a
   * national import needs that memory more. A chunk written after it looks its organizations up again.
   */
  forgetOrganizations(): void;
  /**
   * Ends the import: recomputes the amount verdicts of every stored DECP contract (peer groups span
   * all territories, see `refreshDecpAmountChecks`), then the proposed needs of every buyer the
   * chunks touched or whose verdicts moved (an aberrant amount stays out of the proposals).
   */
  finish(): Promise<DecpImportFinish>;
}

/** What finishing an import did: proposed needs refreshed, and the DECP amounts now anomalous (all territories). */
export interface DecpImportFinish {
  proposedNeeds: NeedsOutcome;
  amountAnomalies: number;
}

/** A stored organization as an import sees it. */
export interface StoredParty {
  id: string;
  /** As stored: resolved by the identity pass of the import that created it, or typed since. */
  name: string;
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
  const sqlite = sqliteHandleOf(m);
  /** Prepared on first use: a store may only read. */
  let transactionOfDialect: DecpTransaction | undefined;
  const transaction: DecpTransaction = (write) => {
    transactionOfDialect ??= sqlite === null ? kyselyDecpTransaction(m.db) : sqliteDecpTransaction(m.db, sqlite);
    return transactionOfDialect(write);
  };
  return {
    /** Recomputes the DECP-proposed needs of these buyers (see `refreshDecpNeeds`). */
    refreshNeeds: (buyerIds: Iterable<string>, now: string, importId: string | null) =>
      refreshDecpNeeds(transaction, { buyerIds, now, importId }),

    /** Recomputes the amount verdict of every stored DECP contract (see `refreshDecpAmountChecks`). */
    refreshAmountChecks: (): Promise<DecpAmountChecksOutcome> => refreshDecpAmountChecks(transaction),

    writer(target: DecpImportTarget): DecpImportWriter {
      const met = new MetOrganizations();
      return {
        async writeChunk(awards) {
          try {
            const counts = await transaction((rows) => writeAwards(rows, awards, target, met));
            return { ...counts, refused: [] };
          } catch {
            met.clear(); // what it remembered of the rolled back writes is not in the database
            return writeOneByOne(transaction, awards, { target, met });
          }
        },
        forgetOrganizations: () => met.clear(),
        async finish() {
          const checks = await refreshDecpAmountChecks(transaction);
          // The import's buyers are those its chunks recorded as met as buyers (not held in memory meanwhile).
          const buyers = new Set(await importBuyerIds(m.db, target.importId));
          for (const id of checks.organizationIds) buyers.add(id);
          const proposedNeeds = await refreshDecpNeeds(transaction, { buyerIds: buyers, now: target.now, importId: target.importId });
          return { proposedNeeds, amountAnomalies: checks.flagged };
        },
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
          .select([
            'organizations.id',
            'organizations.siret',
            'organizations.name',
            'organizations.departement_code',
            'territory_members.territory_id',
          ])
          .where('organizations.siret', 'in', list)
          .execute();
        for (const row of rows)
          found.set(row.siret, { id: row.id, name: row.name, departementCode: row.departement_code, isMember: row.territory_id !== null });
      }
      return found;
    },

    /** For each award (distinct keys), how `writeChunk` would take it; `buyerIds` gives the stored buyers by SIRET. */
    async compare(awards: readonly DecpAward[], buyerIds: ReadonlyMap<string, string>): Promise<DecpComparison[]> {
      const stored = await storedContracts(m.db, [...new Set(awards.flatMap(placementKeys))]);
      return awards.map((award) => {
        const placed = placedAward(award, stored);
        const current = stored.get(placed.key);
        const buyerId = buyerIds.get(award.buyer.siret);
        if (current === undefined || buyerId === undefined) return 'new';
        return hasDecpChange(current, decpValuesOf(placed, buyerId)) ? 'updated' : 'unchanged';
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

/**
 * What an import already did for an organization: its id, kind and place as stored, whether
 * recorded as met, made a member. One object per organization (up to `LIMIT` of them live).
 */
interface Met extends OrganizationFacts {
  id: string;
  isRecorded: boolean;
  isMember: boolean;
}

/** The kind and place of `met`, as an organization version keeps them. */
function factsOf({ kind, insee_code, departement_code, region_code, epci_siren }: OrganizationFacts): OrganizationFacts {
  return { kind, insee_code, departement_code, region_code, epci_siren };
}

/**
 * What a writer remembers of the organizations it handled, so that each is looked up, recorded
 * and made a member once per import, not once per chunk: the SIRETs it recorded as met (all of
 * them, compactly: a holder met again needs nothing more), and the buyers it handled, by SIRET
 * (their id, kind and place), as a cache emptied when it holds `LIMIT` of them. Forgotten after a
 * rollback (what it remembered of the rolled back writes is not stored).
 */
class MetOrganizations {
  static readonly LIMIT = 100_000;
  private buyers = new Map<string, Met>();
  private recorded = new SiretSet();

  get(siret: string): Met | undefined {
    return this.buyers.get(siret);
  }

  remember(siret: string, met: Met): Met {
    if (this.buyers.size >= MetOrganizations.LIMIT) this.buyers = new Map();
    this.buyers.set(siret, met);
    return met;
  }

  isRecorded(siret: string): boolean {
    return this.recorded.has(siret);
  }

  markRecorded(siret: string): void {
    this.recorded.add(siret);
  }

  clear(): void {
    this.buyers = new Map();
    this.recorded = new SiretSet();
  }
}

/** The chunk again, in one transaction, each award under its own savepoint. */
async function writeOneByOne(
  transaction: DecpTransaction,
  awards: readonly DecpAward[],
  { target, met }: { target: DecpImportTarget; met: MetOrganizations },
): Promise<DecpChunkOutcome> {
  const outcome: DecpChunkOutcome = { imported: 0, updated: 0, unchanged: 0, refused: [], retargeted: [] };
  await transaction(async (rows) => {
    for (const award of awards) {
      try {
        const counts = await rows.savepoint(() => writeAwards(rows, [award], target, met));
        outcome.imported += counts.imported;
        outcome.updated += counts.updated;
        outcome.unchanged += counts.unchanged;
        outcome.retargeted.push(...counts.retargeted);
      } catch (error) {
        met.clear();
        outcome.refused.push({
          award,
          reason: `refusé par la base de données : ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
  });
  return outcome;
}

async function writeAwards(
  rows: DecpRowWriter,
  awards: readonly DecpAward[],
  target: DecpImportTarget,
  met: MetOrganizations,
): Promise<Omit<DecpChunkOutcome, 'refused'>> {
  const parties = await ensureOrganizations(rows, awards, target, met);
  const buyers = new Set(awards.map((a) => parties.get(a.buyer.siret) as Met));
  // Every buyer of the import is recorded as met once (again after the cache forgot it): `finish` reads them back.
  const newMembers = [...buyers].filter((b) => !b.isMember);
  await rows.addMembers(
    target.territoryId,
    newMembers.map((p) => p.id),
    target.importId,
  );
  await rows.recordMet(
    target.importId,
    newMembers.map((p) => p.id),
    true,
  );
  for (const party of newMembers) {
    party.isMember = true;
    party.isRecorded = true;
  }
  const holders = [...parties.values()].filter((p) => !p.isRecorded);
  await rows.recordMet(
    target.importId,
    holders.map((p) => p.id),
    false,
  );
  for (const party of holders) party.isRecorded = true;
  for (const siret of parties.keys()) met.markRecorded(siret);
  return writeDecpContracts(rows, awards, (award) => (parties.get(award.buyer.siret) as Met).id, target);
}

/**
 * The organizations of the awards' buyers and holders by SIRET, created when absent; a buyer
 * stored without a place gets its award's (a holder first, or a record without a usable place).
 */
async function ensureOrganizations(
  rows: DecpRowWriter,
  awards: readonly DecpAward[],
  target: DecpImportTarget,
  met: MetOrganizations,
): Promise<Map<string, Met>> {
  const parties = partiesOf(awards);
  const handled = new Map<string, Met>();
  const candidates: OrganizationRow[] = [];
  for (const [siret, party] of parties) {
    if (party.award === undefined && met.isRecorded(siret)) continue; // a holder stored and recorded by an earlier chunk
    const known = met.get(siret);
    if (known !== undefined) handled.set(siret, known);
    else
      candidates.push(
        party.award ? buyerRow(party.award, target.importId, target.now) : holderRow(siret, party.holderName, target.importId, target.now),
      );
  }
  // Insert first: in a large import most organizations are new, and a conflict costs no more than a look-up.
  const alreadyStored = new Set(await rows.insertOrganizations(candidates));
  const stored = await rows.findOrganizations([...alreadyStored]);
  for (const row of candidates) {
    const { id, kind, insee_code, departement_code, region_code, epci_siren } = (stored.get(row.siret) ?? row) as StoredOrganization;
    const party: Met = {
      id,
      kind,
      insee_code,
      departement_code,
      region_code,
      epci_siren: epci_siren ?? null,
      isRecorded: false,
      isMember: false,
    };
    // Only buyers are cached: a holder met again is known by its SIRET alone (`isRecorded`).
    handled.set(row.siret, parties.get(row.siret)?.award === undefined ? party : met.remember(row.siret, party));
  }
  for (const [siret, party] of handled) {
    const award = parties.get(siret)?.award;
    if (award !== undefined) await adoptAsBuyer(rows, party, award, target);
  }
  return handled;
}

/**
 * A buyer stored as a holder only (kind `sme`: an earlier chunk or import met it as a holder first)
 * takes a buyer's kind, and one stored without a place takes its award's place of execution when
 * that gives one; the values before are kept for undo.
 */
async function adoptAsBuyer(rows: DecpRowWriter, party: Met, award: DecpAward, target: DecpImportTarget): Promise<void> {
  const before = factsOf(party);
  if (before.kind !== 'sme' && before.departement_code !== '') return;
  const buyer = buyerRow(award, target.importId, target.now);
  const kind = before.kind === 'sme' ? buyer.kind : before.kind;
  const place = before.departement_code === '' && buyer.departement_code !== '' ? buyerPlaceOf(award) : null;
  if (kind === before.kind && place === null) return;
  const after: OrganizationFacts = { ...before, ...place, kind };
  await rows.keepVersion(target.importId, 'organizations', party.id, before);
  await rows.updateOrganization(party.id, after, target.now);
  Object.assign(party, after);
}

/** The organizations import `importId` recorded as met as buyers. */
async function importBuyerIds(db: Kysely<Database>, importId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('import_organizations')
    .select('organization_id')
    .where('import_id', '=', importId)
    .where('is_buyer', '=', 1)
    .execute();
  return rows.map((row) => row.organization_id);
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

function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += LIST_SIZE) out.push(items.slice(i, i + LIST_SIZE));
  return out;
}
