import type { Need, NeedStatus } from '@mutualis/core';
import { type Expression, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import { newId } from '../dialect/new-id';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database, NeedTable } from '../schema';
import { fromBool, readJson, toBool, writeJson } from './json-column';
import { containsText, DEFAULT_PAGE, type ListPage, type ListResult, startsWith } from './list-page';
import { createNeedStats } from './need-stats';

export type NewNeed = Omit<Need, 'id'> & { id?: string };
export type NeedPatch = Partial<Omit<Need, 'id'>>;

export interface NeedFilter {
  /** Needs of the organizations that are members of this territory. */
  territoryId?: string;
  organizationId?: string;
  /** CPV code prefix: `34` (division) … `34927100` (exact code). */
  cpvPrefix?: string;
  /** Département of the buying organization. */
  departementCode?: string;
  status?: NeedStatus;
  /** Substring of the label. */
  q?: string;
}

const CONTEXT = { referenceField: 'organizationId' };
/** Rows per multi-row INSERT: 500 × 19 parameters stays below both dialects' limits. */
const INSERT_CHUNK = 500;

export function createNeedRepository(db: Kysely<Database>) {
  return {
    async getById(id: string): Promise<Need | undefined> {
      const row = await db.selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toNeed(row);
    },

    /**
     * Needs matching every given filter, ordered by CPV code, label, id. The page is read along
     * `needs_list_order_idx` (territory membership tested per row with EXISTS, so the scan stops
     * after `offset + limit` matches); the count looks the territory's members up first (IN), the
     * cheaper plan when every matching row is visited anyway.
     */
    async list(filter: NeedFilter = {}, page: ListPage = DEFAULT_PAGE): Promise<ListResult<Need>> {
      const from = () => db.selectFrom('needs').innerJoin('organizations', 'organizations.id', 'needs.organization_id');
      const [rows, count] = await Promise.all([
        from()
          .where((eb) => needWhere(eb, filter, 'exists'))
          .selectAll('needs')
          .orderBy('needs.cpv_code')
          .orderBy('needs.label')
          .orderBy('needs.id')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        from()
          .where((eb) => needWhere(eb, filter, 'in'))
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toNeed), total: count.total };
    },

    /** Every need of the territory's member organizations (input of the pooling analysis). */
    async listForTerritory(territoryId: string): Promise<Need[]> {
      const rows = await db
        .selectFrom('needs')
        .selectAll()
        .where('organization_id', 'in', (eb) =>
          eb.selectFrom('territory_members').select('organization_id').where('territory_id', '=', territoryId),
        )
        .orderBy('organization_id')
        .orderBy('cpv_code')
        .orderBy('id')
        .execute();
      return rows.map(toNeed);
    },

    ...createNeedStats(db),

    async insert(input: NewNeed): Promise<Need> {
      const row = await guardWrite(CONTEXT, () =>
        db.insertInto('needs').values(toRow(input, nowIso())).returningAll().executeTakeFirstOrThrow(),
      );
      return toNeed(row);
    },

    /** Inserts many needs with multi-row INSERTs (imports); call inside `withTransaction` for all-or-nothing. */
    /** With `importId`, the rows carry it: undoing that import removes them. */
    async insertMany(inputs: readonly NewNeed[], options: { importId?: string } = {}): Promise<number> {
      const now = nowIso();
      for (let start = 0; start < inputs.length; start += INSERT_CHUNK) {
        const rows = inputs
          .slice(start, start + INSERT_CHUNK)
          .map((input) => ({ ...toRow(input, now), import_id: options.importId ?? null }));
        await guardWrite(CONTEXT, () => db.insertInto('needs').values(rows).execute());
      }
      return inputs.length;
    },

    async update(id: string, patch: NeedPatch): Promise<Need | undefined> {
      const row = await guardWrite(CONTEXT, () =>
        db
          .updateTable('needs')
          .set({
            organization_id: patch.organizationId,
            cpv_code: patch.cpvCode,
            label: patch.label,
            quantity: patch.quantity,
            unit: patch.unit,
            units_per_pack: patch.unitsPerPack,
            unit_price_cents: patch.unitPriceCents,
            annual_amount_cents: patch.annualAmountCents,
            amount_is_derived: patch.amountIsDerived === undefined ? undefined : fromBool(patch.amountIsDerived),
            delivery_communes_json: patch.deliveryCommunes && writeJson(patch.deliveryCommunes),
            csr_requirements_json: patch.csrRequirements && writeJson(patch.csrRequirements),
            quality_requirements: patch.qualityRequirements,
            confidence: patch.confidence,
            status: patch.status,
            source: patch.source,
            source_ref: patch.sourceRef,
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst(),
      );
      return row && toNeed(row);
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('needs').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type NeedRepository = ReturnType<typeof createNeedRepository>;

/** How the territory condition is written; both select the same rows, the planners pick different paths. */
type MembershipTest = 'exists' | 'in';

function needWhere(
  eb: ExpressionBuilder<Database, 'needs' | 'organizations'>,
  filter: NeedFilter,
  membership: MembershipTest,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.territoryId !== undefined) {
    const territoryId = filter.territoryId;
    const members = eb.selectFrom('territory_members').where('territory_members.territory_id', '=', territoryId);
    conditions.push(
      membership === 'exists'
        ? eb.exists(members.select(sql.lit(1).as('one')).whereRef('territory_members.organization_id', '=', 'needs.organization_id'))
        : eb('needs.organization_id', 'in', members.select('territory_members.organization_id')),
    );
  }
  if (filter.organizationId !== undefined) conditions.push(eb('needs.organization_id', '=', filter.organizationId));
  if (filter.cpvPrefix !== undefined) conditions.push(startsWith(eb.ref('needs.cpv_code'), filter.cpvPrefix));
  if (filter.departementCode !== undefined) conditions.push(eb('organizations.departement_code', '=', filter.departementCode));
  if (filter.status !== undefined) conditions.push(eb('needs.status', '=', filter.status));
  if (filter.q !== undefined && filter.q.trim() !== '') conditions.push(containsText(eb.ref('needs.label'), filter.q.trim()));
  return eb.and(conditions);
}

function toRow(input: NewNeed, now: string): Insertable<NeedTable> {
  return {
    id: input.id ?? newId(),
    organization_id: input.organizationId,
    cpv_code: input.cpvCode,
    label: input.label,
    quantity: input.quantity,
    unit: input.unit,
    units_per_pack: input.unitsPerPack,
    unit_price_cents: input.unitPriceCents,
    annual_amount_cents: input.annualAmountCents,
    amount_is_derived: fromBool(input.amountIsDerived),
    delivery_communes_json: writeJson(input.deliveryCommunes),
    csr_requirements_json: writeJson(input.csrRequirements),
    quality_requirements: input.qualityRequirements,
    confidence: input.confidence,
    status: input.status,
    source: input.source,
    source_ref: input.sourceRef,
    created_at: now,
    updated_at: now,
  };
}

function toNeed(row: Selectable<NeedTable>): Need {
  return {
    id: row.id,
    organizationId: row.organization_id,
    cpvCode: row.cpv_code,
    label: row.label,
    quantity: row.quantity,
    unit: row.unit,
    unitsPerPack: row.units_per_pack,
    unitPriceCents: row.unit_price_cents,
    annualAmountCents: row.annual_amount_cents,
    amountIsDerived: toBool(row.amount_is_derived),
    deliveryCommunes: readJson<string[]>(row.delivery_communes_json),
    csrRequirements: readJson<string[]>(row.csr_requirements_json),
    qualityRequirements: row.quality_requirements,
    confidence: row.confidence,
    status: row.status,
    source: row.source,
    sourceRef: row.source_ref,
  };
}
