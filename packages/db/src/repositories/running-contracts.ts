import type { DecpFlagQueueEntry, RunningContract } from '@mutualis/core';
import { DomainError } from '@mutualis/core/errors';
import type { Expression, ExpressionBuilder, Insertable, Kysely, Selectable, SqlBool } from 'kysely';
import { newId } from '../dialect/new-id';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database, RunningContractTable } from '../schema';
import { readDecpFlagReviews, readDecpFlags, writeDecpFlagReviews, writeDecpFlags } from './decp-flags-column';
import { readDecpProvenance, writeDecpProvenance } from './decp-provenance-column';
import { containsText, DEFAULT_PAGE, type ListPage, type ListResult, startsWith } from './list-page';
import { territoryMembersOf } from './territory-members-of';

/** `decpProvenance` is written by the DECP import; a contract declared by hand has none. */
export type NewRunningContract = Omit<RunningContract, 'id' | 'decpProvenance'> & { id?: string; decpProvenance?: string[] };
export type RunningContractPatch = Partial<Omit<RunningContract, 'id'>>;

export interface RunningContractFilter {
  /** Contracts of the organizations that are members of this territory. */
  territoryId?: string;
  organizationId?: string;
  cpvPrefix?: string;
  /** Département of the buying organization. */
  departementCode?: string;
  /** Substring of the label or the reference. */
  q?: string;
}

const CONTEXT = { referenceField: 'organizationId' };

export function createRunningContractRepository(db: Kysely<Database>) {
  return {
    async getById(id: string): Promise<RunningContract | undefined> {
      const row = await db.selectFrom('running_contracts').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRunningContract(row);
    },

    async getByDecpId(decpId: string): Promise<RunningContract | undefined> {
      const row = await db.selectFrom('running_contracts').selectAll().where('decp_id', '=', decpId).executeTakeFirst();
      return row && toRunningContract(row);
    },

    /** Contracts matching every given filter, ordered by start date, reference, id. */
    async list(filter: RunningContractFilter = {}, page: ListPage = DEFAULT_PAGE): Promise<ListResult<RunningContract>> {
      const base = db
        .selectFrom('running_contracts')
        .innerJoin('organizations', 'organizations.id', 'running_contracts.organization_id')
        .where((eb) => contractWhere(eb, filter));
      const [rows, count] = await Promise.all([
        base
          .selectAll('running_contracts')
          .orderBy('running_contracts.start_date')
          .orderBy('running_contracts.reference')
          .orderBy('running_contracts.id')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toRunningContract), total: count.total };
    },

    /**
     * The flag facts of the territory's flagged DECP contracts (of its buyers matching `q`, in
     * their name, the contract's objet or reference), ordered by buyer, reference, id: core's
     * `queueDecpFlags` tells which are still to look at.
     */
    async listFlagFacts(filter: FlaggedContractFilter): Promise<DecpFlagQueueEntry[]> {
      const q = filter.q?.trim() ?? '';
      const rows = await db
        .selectFrom('running_contracts')
        .innerJoin('organizations', 'organizations.id', 'running_contracts.organization_id')
        .where((eb) =>
          eb.and([
            eb('running_contracts.organization_id', 'in', territoryMembersOf(filter.territoryId)),
            eb.or([eb('running_contracts.decp_flags_json', 'is not', null), eb('running_contracts.amount_check_json', 'is not', null)]),
            ...(q === ''
              ? []
              : [
                  eb.or([
                    containsText(eb.ref('organizations.name'), q),
                    containsText(eb.ref('running_contracts.label'), q),
                    containsText(eb.ref('running_contracts.reference'), q),
                  ]),
                ]),
          ]),
        )
        .select([
          'running_contracts.id',
          'running_contracts.start_date',
          'running_contracts.holder_siret',
          'running_contracts.cpv_code',
          'running_contracts.nature',
          'running_contracts.duration_months',
          'running_contracts.amount_cents',
          'running_contracts.decp_flags_json',
          'running_contracts.amount_check_json',
          'running_contracts.decp_flag_reviews_json',
        ])
        .orderBy('organizations.name')
        .orderBy('running_contracts.reference')
        .orderBy('running_contracts.id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        startDate: row.start_date,
        holderSiret: row.holder_siret,
        cpvCode: row.cpv_code,
        nature: row.nature,
        durationMonths: row.duration_months,
        // bigint columns of PostgreSQL arrive as text.
        amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
        decpFlags: readDecpFlags(row.decp_flags_json, row.amount_check_json),
        decpFlagReviews: readDecpFlagReviews(row.decp_flag_reviews_json),
      }));
    },

    /** The contracts of these ids, in the order of `ids` (an id not stored is left out). */
    async getByIds(ids: readonly string[]): Promise<RunningContract[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('running_contracts').selectAll().where('id', 'in', ids).execute();
      const byId = new Map(rows.map((row) => [row.id, toRunningContract(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    /** Every running contract of the territory's member organizations (input of calendar alignment). */
    async listForTerritory(territoryId: string): Promise<RunningContract[]> {
      const rows = await db
        .selectFrom('running_contracts')
        .selectAll()
        .where('organization_id', 'in', (eb) =>
          eb.selectFrom('territory_members').select('organization_id').where('territory_id', '=', territoryId),
        )
        .orderBy('organization_id')
        .orderBy('start_date')
        .orderBy('id')
        .execute();
      return rows.map(toRunningContract);
    },

    /** Throws `DomainError('conflict')` naming `decpId` when that DECP contract is already stored. */
    async insert(input: NewRunningContract): Promise<RunningContract> {
      const row = await guardWrite(CONTEXT, () =>
        db.insertInto('running_contracts').values(toRow(input, nowIso())).returningAll().executeTakeFirstOrThrow(),
      );
      return toRunningContract(row);
    },

    /** Inserts, or updates the contract with the same `decpId` (its id is kept). Re-importing DECP is idempotent. */
    async upsert(input: NewRunningContract): Promise<RunningContract> {
      if (input.decpId === null) {
        throw DomainError.validation('Un marché sans identifiant DECP ne peut pas être fusionné.', [
          { field: 'decpId', reason: 'Obligatoire' },
        ]);
      }
      const now = nowIso();
      const { id: _id, created_at: _created, ...columns } = toRow(input, now);
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('running_contracts')
          .values(toRow(input, now))
          .onConflict((oc) => oc.column('decp_id').doUpdateSet(columns))
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toRunningContract(row);
    },

    async update(id: string, patch: RunningContractPatch): Promise<RunningContract | undefined> {
      const row = await guardWrite(CONTEXT, () =>
        db
          .updateTable('running_contracts')
          .set({
            organization_id: patch.organizationId,
            reference: patch.reference,
            cpv_code: patch.cpvCode,
            label: patch.label,
            holder_siret: patch.holderSiret,
            holder_name: patch.holderName,
            notification_date: patch.notificationDate,
            start_date: patch.startDate,
            duration_months: patch.durationMonths,
            renewal_count: patch.renewalCount,
            renewal_months: patch.renewalMonths,
            notice_months: patch.noticeMonths,
            renewals_used: patch.renewalsUsed,
            amount_cents: patch.amountCents,
            nature: patch.nature,
            source: patch.source,
            decp_id: patch.decpId,
            decp_provenance: patch.decpProvenance === undefined ? undefined : writeDecpProvenance(patch.decpProvenance),
            decp_flag_reviews_json: patch.decpFlagReviews === undefined ? undefined : writeDecpFlagReviews(patch.decpFlagReviews),
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst(),
      );
      return row && toRunningContract(row);
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('running_contracts').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type RunningContractRepository = ReturnType<typeof createRunningContractRepository>;

function contractWhere(
  eb: ExpressionBuilder<Database, 'running_contracts' | 'organizations'>,
  filter: RunningContractFilter,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.territoryId !== undefined)
    conditions.push(eb('running_contracts.organization_id', 'in', territoryMembersOf(filter.territoryId)));
  if (filter.organizationId !== undefined) conditions.push(eb('running_contracts.organization_id', '=', filter.organizationId));
  if (filter.cpvPrefix !== undefined) conditions.push(startsWith(eb.ref('running_contracts.cpv_code'), filter.cpvPrefix));
  if (filter.departementCode !== undefined) conditions.push(eb('organizations.departement_code', '=', filter.departementCode));
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const q = filter.q.trim();
    conditions.push(eb.or([containsText(eb.ref('running_contracts.label'), q), containsText(eb.ref('running_contracts.reference'), q)]));
  }
  return eb.and(conditions);
}

export interface FlaggedContractFilter {
  territoryId: string;
  /** Substring of the buyer's name, the objet or the reference. */
  q?: string;
}

function toRow(input: NewRunningContract, now: string): Insertable<RunningContractTable> {
  return {
    id: input.id ?? newId(),
    organization_id: input.organizationId,
    reference: input.reference,
    cpv_code: input.cpvCode,
    label: input.label,
    holder_siret: input.holderSiret,
    holder_name: input.holderName,
    notification_date: input.notificationDate,
    start_date: input.startDate,
    duration_months: input.durationMonths,
    renewal_count: input.renewalCount,
    renewal_months: input.renewalMonths,
    notice_months: input.noticeMonths,
    renewals_used: input.renewalsUsed,
    amount_cents: input.amountCents,
    nature: input.nature,
    source: input.source,
    decp_id: input.decpId,
    decp_provenance: writeDecpProvenance(input.decpProvenance ?? []),
    // The amount verdict is the assessment's (amount_check_json), never the writer's.
    // Left out when empty: a contract without flag or review writes neither column.
    decp_flags_json: writeDecpFlags((input.decpFlags ?? []).filter((f) => f.code !== 'amount_anomalous')) ?? undefined,
    decp_flag_reviews_json: writeDecpFlagReviews(input.decpFlagReviews ?? {}) ?? undefined,
    created_at: now,
    updated_at: now,
  };
}

function toRunningContract(row: Selectable<RunningContractTable>): RunningContract {
  return {
    id: row.id,
    organizationId: row.organization_id,
    reference: row.reference,
    cpvCode: row.cpv_code,
    label: row.label,
    holderSiret: row.holder_siret,
    holderName: row.holder_name,
    notificationDate: row.notification_date,
    startDate: row.start_date,
    durationMonths: row.duration_months,
    renewalCount: row.renewal_count,
    renewalMonths: row.renewal_months,
    noticeMonths: row.notice_months,
    renewalsUsed: row.renewals_used,
    amountCents: row.amount_cents,
    nature: row.nature,
    source: row.source,
    decpId: row.decp_id,
    decpProvenance: readDecpProvenance(row.decp_provenance),
    decpFlags: readDecpFlags(row.decp_flags_json, row.amount_check_json),
    decpFlagReviews: readDecpFlagReviews(row.decp_flag_reviews_json),
    // Absent unless the DECP published it (offresRecues), as the other optional DECP facts.
    ...(row.offers_received === null ? {} : { offersReceived: row.offers_received }),
  };
}
