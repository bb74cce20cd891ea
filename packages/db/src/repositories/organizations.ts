import type { Organization, OrganizationKind } from '@mutualis/core';
import { sirenOf } from '@mutualis/core/identity';
import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import { newId } from '../dialect/new-id';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database, OrganizationTable } from '../schema';
import { fromBool, toBool } from './json-column';
import { containsText, DEFAULT_PAGE, type ListPage, type ListResult } from './list-page';

export type NewOrganization = Omit<Organization, 'id'> & { id?: string };
export type OrganizationPatch = Partial<Omit<Organization, 'id'>>;

export interface OrganizationFilter {
  territoryId?: string;
  kind?: OrganizationKind;
  departementCode?: string;
  /** Substring of the name, or of the SIRET (spaces ignored). */
  q?: string;
}

const CONTEXT = { referenceField: 'id' };

export function createOrganizationRepository(db: Kysely<Database>) {
  return {
    async getById(id: string): Promise<Organization | undefined> {
      const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toOrganization(row);
    },

    async getBySiret(siret: string): Promise<Organization | undefined> {
      const row = await db.selectFrom('organizations').selectAll().where('siret', '=', siret).executeTakeFirst();
      return row && toOrganization(row);
    },

    /** Organizations matching every given filter, ordered by name. */
    async list(filter: OrganizationFilter = {}, page: ListPage = DEFAULT_PAGE): Promise<ListResult<Organization>> {
      const where = (eb: ExpressionBuilder<Database, 'organizations'>) => organizationWhere(eb, filter);
      const [rows, count] = await Promise.all([
        db
          .selectFrom('organizations')
          .selectAll()
          .where(where)
          .orderBy('name')
          .orderBy('id')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        db
          .selectFrom('organizations')
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .where(where)
          .executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toOrganization), total: Number(count.total) };
    },

    /** Throws `DomainError('conflict')` naming `siret` when the SIRET is already registered. */
    async insert(input: NewOrganization): Promise<Organization> {
      const now = nowIso();
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('organizations')
          .values({ id: input.id ?? newId(), ...toColumns(input), created_at: now, updated_at: now })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toOrganization(row);
    },

    /** Inserts, or updates the organization holding the same SIRET (its id is kept). */
    async upsert(input: NewOrganization): Promise<Organization> {
      const now = nowIso();
      const columns = toColumns(input);
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('organizations')
          .values({ id: input.id ?? newId(), ...columns, created_at: now, updated_at: now })
          .onConflict((oc) => oc.column('siret').doUpdateSet({ ...columns, updated_at: now }))
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toOrganization(row);
    },

    async update(id: string, patch: OrganizationPatch): Promise<Organization | undefined> {
      const row = await guardWrite(CONTEXT, () =>
        db
          .updateTable('organizations')
          .set({
            name: patch.name,
            siret: patch.siret,
            siren: patch.siret === undefined ? undefined : sirenOf(patch.siret),
            kind: patch.kind,
            insee_code: patch.inseeCode,
            departement_code: patch.departementCode,
            region_code: patch.regionCode,
            epci_siren: patch.epciSiren,
            is_demo: patch.isDemo === undefined ? undefined : fromBool(patch.isDemo),
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst(),
      );
      return row && toOrganization(row);
    },

    /** Deletes the organization and, by cascade, its needs, contracts, profile and memberships. */
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('organizations').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type OrganizationRepository = ReturnType<typeof createOrganizationRepository>;

function organizationWhere(eb: ExpressionBuilder<Database, 'organizations'>, filter: OrganizationFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.territoryId !== undefined) {
    const members = eb.selectFrom('territory_members').select('organization_id').where('territory_id', '=', filter.territoryId);
    conditions.push(eb('organizations.id', 'in', members));
  }
  if (filter.kind !== undefined) conditions.push(eb('organizations.kind', '=', filter.kind));
  if (filter.departementCode !== undefined) conditions.push(eb('organizations.departement_code', '=', filter.departementCode));
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const q = filter.q.trim();
    conditions.push(
      eb.or([containsText(eb.ref('organizations.name'), q), containsText(eb.ref('organizations.siret'), q.replace(/\s/g, ''))]),
    );
  }
  return eb.and(conditions);
}

function toColumns(input: NewOrganization) {
  return {
    name: input.name,
    siret: input.siret,
    siren: sirenOf(input.siret),
    kind: input.kind,
    insee_code: input.inseeCode,
    departement_code: input.departementCode,
    region_code: input.regionCode,
    epci_siren: input.epciSiren,
    is_demo: fromBool(input.isDemo),
  };
}

export function toOrganization(row: Selectable<OrganizationTable>): Organization {
  return {
    id: row.id,
    name: row.name,
    siret: row.siret,
    kind: row.kind,
    inseeCode: row.insee_code,
    departementCode: row.departement_code,
    regionCode: row.region_code,
    epciSiren: row.epci_siren,
    isDemo: toBool(row.is_demo),
  };
}
