import type { BuyerContracts, ObservatoryBuyer, ObservatoryContract } from '@mutualis/core';
import { type Kysely, sql } from 'kysely';
import { estimableDecpFacts, FLAG_FACT_COLUMNS, type StoredDecpFacts } from '../decp/estimable-decp-facts';
import type { Database } from '../schema';

/** One published contract shown as evidence of an observatory opportunity. */
export interface ObservatoryEvidenceContract {
  buyerSiret: string;
  reference: string;
  label: string;
  cpvCode: string;
  startDate: string;
  durationMonths: number;
  amountCents: number | null;
  /** Whether the observatory counts its amount: false for a placeholder or aberrant amount not confirmed yet (`isDecpAmountEstimable`). */
  isCounted: boolean;
}

/** The columns the observatory reads per contract: those `estimableDecpFacts` needs. */
const CONTRACT_COLUMNS = ['organization_id', 'decp_id', ...FLAG_FACT_COLUMNS] as const;

/** Where the DECP contracts stand: how many, and the latest write (ISO timestamp) among them. */
export interface DecpContractsState {
  count: number;
  lastUpdatedAt: string | null;
}

/** Buyers per query of the organizations table (well under both databases' parameter limits). */
const IDS_PER_QUERY = 500;

/**
 * Reads for the open-data observatory: the contracts imported from the DECP (`source = 'decp'`),
 * whatever territory imported them, with their buyer (organizations are unique by SIRET).
 */
export function createObservatoryRepository(db: Kysely<Database>) {
  const decp = () => db.selectFrom('running_contracts').where('source', '=', 'decp');

  /** The buyers' names and départements, by organization id. */
  const buyersOf = async (organizationIds: readonly string[]): Promise<Map<string, ObservatoryBuyer>> => {
    const buyers = new Map<string, ObservatoryBuyer>();
    for (let i = 0; i < organizationIds.length; i += IDS_PER_QUERY) {
      const rows = await db
        .selectFrom('organizations')
        .select(['id', 'siret', 'name', 'departement_code'])
        .where('id', 'in', organizationIds.slice(i, i + IDS_PER_QUERY))
        .execute();
      for (const r of rows) buyers.set(r.id, { siret: r.siret, name: r.name, departementCode: r.departement_code });
    }
    return buyers;
  };

  /**
   * Rows (ordered by buyer) grouped into one entry per buyer: only the contracts whose amount may be
   * counted, an undated one without a start (`estimableDecpFacts`, as the needs proposal reads them);
   * each of `buyerIds` has an entry, empty when it has no row; `divisionsOf` says, per buyer, the
   * CPV divisions its rows were read in (when not all its rows were).
   */
  const groupByBuyer = async (
    rows: readonly StoredDecpFacts[],
    buyerIds?: readonly string[],
    divisionsOf?: ReadonlyMap<string, readonly string[]>,
  ): Promise<BuyerContracts[]> => {
    const byOrganization = new Map<string, ObservatoryContract[]>();
    for (const id of buyerIds ?? []) byOrganization.set(id, []);
    for (const r of rows) if (!byOrganization.has(r.organization_id)) byOrganization.set(r.organization_id, []);
    for (const f of estimableDecpFacts(rows)) {
      const contract: ObservatoryContract = {
        decpId: f.decpId,
        cpvCode: f.cpvCode,
        amountCents: f.amountCents,
        durationMonths: f.durationMonths,
        startDate: f.startDate,
      };
      byOrganization.get(f.organizationId)?.push(contract);
    }
    const buyers = await buyersOf([...byOrganization.keys()]);
    return [...byOrganization.entries()].flatMap(([id, contracts]) => {
      const buyer = buyers.get(id);
      const divisions = divisionsOf?.get(id);
      return buyer === undefined ? [] : [divisions === undefined ? { buyer, contracts } : { buyer, contracts, divisions }];
    });
  };

  return {
    /**
     * Every DECP contract, one buyer at a time, in pages of about `pageSize` contracts (a buyer is
     * never split across pages): keyset pagination on the buyer, along `running_contracts_org_decp_idx`.
     * The source is checked on the rows read, not in the page's query: given `source = 'decp'`,
     * SQLite's planner takes the index that starts with the source and sorts every DECP contract
     * for each page.
     */
    async *listDecpContractsByBuyer(pageSize = 50_000): AsyncGenerator<BuyerContracts[]> {
      let after = '';
      for (;;) {
        const rows = await db
          .selectFrom('running_contracts')
          .select([...CONTRACT_COLUMNS, 'source'])
          .where('organization_id', '>', after)
          .orderBy('organization_id')
          .limit(pageSize)
          .execute();
        if (rows.length === 0) return;
        const last = rows[rows.length - 1]?.organization_id ?? after;
        const isFull = rows.length === pageSize;
        const first = rows[0]?.organization_id;
        // A full page may end in the middle of its last buyer: that buyer is read whole, on its own.
        const complete = isFull && first !== last ? rows.filter((r) => r.organization_id !== last) : isFull ? [] : rows;
        const tail = isFull ? await decp().select(CONTRACT_COLUMNS).where('organization_id', '=', last).execute() : [];
        yield await groupByBuyer([...complete.filter((r) => r.source === 'decp'), ...tail]);
        after = last;
      }
    },

    /** The complete DECP contract lists of these SIRETs' buyers (a buyer left with none comes with an empty list). */
    async listDecpContractsOfBuyers(organizationIds: readonly string[]): Promise<BuyerContracts[]> {
      const entries: BuyerContracts[] = [];
      for (let i = 0; i < organizationIds.length; i += IDS_PER_QUERY) {
        const ids = organizationIds.slice(i, i + IDS_PER_QUERY);
        const rows = await decp().select(CONTRACT_COLUMNS).where('organization_id', 'in', ids).orderBy('organization_id').execute();
        entries.push(...(await groupByBuyer(rows, ids)));
      }
      return entries;
    },

    /**
     * The DECP contracts of some buyers in some CPV divisions (two digits: the first of the code),
     * each buyer's entry saying which: what a delta re-reads of a buyer whose only changes since are
     * new contracts.
     */
    async listDecpContractsOfBuyerDivisions(
      entries: readonly { organizationId: string; divisions: readonly string[] }[],
    ): Promise<BuyerContracts[]> {
      const buyersOfDivision = new Map<string, string[]>();
      for (const { organizationId, divisions } of entries)
        for (const division of divisions) {
          const ids = buyersOfDivision.get(division);
          if (ids) ids.push(organizationId);
          else buyersOfDivision.set(division, [organizationId]);
        }
      const rows: StoredDecpFacts[] = [];
      for (const [division, buyerIds] of buyersOfDivision)
        for (let i = 0; i < buyerIds.length; i += IDS_PER_QUERY)
          rows.push(
            ...(await decp()
              .select(CONTRACT_COLUMNS)
              .where('organization_id', 'in', buyerIds.slice(i, i + IDS_PER_QUERY))
              .where(sql`substr(cpv_code, 1, 2)`, '=', division)
              .execute()),
          );
      const divisionsOf = new Map(entries.map((e) => [e.organizationId, e.divisions]));
      return groupByBuyer(rows, [...divisionsOf.keys()], divisionsOf);
    },

    /** How many DECP contracts are stored and their latest `updated_at`. */
    async decpContractsState(): Promise<DecpContractsState> {
      const row = await decp()
        .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('updated_at').as('lastUpdatedAt')])
        .executeTakeFirstOrThrow();
      return { count: Number(row.count), lastUpdatedAt: row.lastUpdatedAt ?? null };
    },

    /**
     * DECP contracts created after `since`, and the buyers to re-read: whole when one of their DECP
     * contracts was updated or their own record (name, place) written after it; otherwise only in
     * the CPV divisions of their contracts created since (a purchase never spans two divisions).
     * Rows stamped at `since` count as written after it when `isInclusive` (an import still running
     * writes all its rows with one timestamp: rows stamped `since` may not all have been read).
     */
    async decpChangesSince(
      since: string,
      isInclusive: boolean,
    ): Promise<{ created: number; organizationIds: string[]; buyerDivisions: { organizationId: string; divisions: string[] }[] }> {
      const after = isInclusive ? ('>=' as const) : ('>' as const);
      const division = sql<string>`substr(cpv_code, 1, 2)`;
      const [written, renamed] = await Promise.all([
        // A created row is also an updated one (both stamped at insert): one pass over the contracts finds both.
        decp()
          .select((eb) => [
            'organization_id',
            division.as('division'),
            eb.fn.countAll<number | string>().as('written'),
            eb.fn.sum<number | string>(eb.case().when('created_at', '>', since).then(1).else(0).end()).as('created'),
          ])
          .where('updated_at', after, since)
          .groupBy(['organization_id', division])
          .execute(),
        db
          .selectFrom('organizations')
          .select('id')
          .where('updated_at', after, since)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('running_contracts')
                .select('running_contracts.id')
                .where('running_contracts.source', '=', 'decp')
                .whereRef('running_contracts.organization_id', '=', 'organizations.id'),
            ),
          )
          .execute(),
      ]);
      const whole = new Set(renamed.map((r) => r.id));
      // A code without two leading digits (none is stored by the import) would have no division to re-read by.
      for (const w of written) if (Number(w.written) > Number(w.created) || !/^\d\d$/.test(w.division)) whole.add(w.organization_id);
      const divisions = new Map<string, string[]>();
      for (const w of written) {
        if (whole.has(w.organization_id)) continue;
        const list = divisions.get(w.organization_id);
        if (list) list.push(w.division);
        else divisions.set(w.organization_id, [w.division]);
      }
      return {
        created: written.reduce((n, w) => n + Number(w.created), 0),
        organizationIds: [...whole],
        buyerDivisions: [...divisions].map(([organizationId, list]) => ({ organizationId, divisions: list })),
      };
    },

    /** The DECP contracts of these buyers (SIRETs) in a CPV class (4 digits), latest first, each saying whether its amount is counted. */
    async listEvidence(sirets: readonly string[], classPrefix: string): Promise<ObservatoryEvidenceContract[]> {
      if (sirets.length === 0) return [];
      const rows = await db
        .selectFrom('running_contracts')
        .innerJoin('organizations', 'organizations.id', 'running_contracts.organization_id')
        .select([
          'organizations.siret as buyerSiret',
          'running_contracts.id as id',
          'running_contracts.reference as reference',
          'running_contracts.label as label',
          ...CONTRACT_COLUMNS.map((c) => `running_contracts.${c}` as const),
        ])
        .where('running_contracts.source', '=', 'decp')
        .where('organizations.siret', 'in', [...sirets])
        .where('running_contracts.cpv_code', 'like', `${classPrefix}%`)
        .orderBy('running_contracts.start_date', 'desc')
        .orderBy('running_contracts.reference')
        .execute();
      // The id stands for the DECP id: unique per row, whatever the record published.
      const counted = new Set(estimableDecpFacts(rows.map((r) => ({ ...r, decp_id: r.id }))).map((f) => f.decpId));
      return rows.map((r) => ({
        buyerSiret: r.buyerSiret,
        reference: r.reference,
        label: r.label,
        cpvCode: r.cpv_code,
        startDate: r.start_date,
        durationMonths: r.duration_months,
        amountCents: r.amount_cents === null ? null : Number(r.amount_cents),
        isCounted: counted.has(r.id),
      }));
    },
  };
}

export type ObservatoryRepository = ReturnType<typeof createObservatoryRepository>;
