import type { Organization, SupplierContact, SupplierProduct, SupplierProfile } from '@mutualis/core';
import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database, SupplierProfileTable } from '../schema';
import { fromBool, readJson, toBool, writeJson } from './json-column';
import { containsText, DEFAULT_PAGE, type ListPage, type ListResult } from './list-page';
import { territoryMembersOf } from './territory-members-of';
import { toOrganization } from './organizations';

export interface SupplierFilter {
  /** Suppliers whose organization is a member of this territory. */
  territoryId?: string;
  /** Competence code the supplier declares. */
  competence?: string;
  /** CPV code prefix of one of its products. */
  cpvPrefix?: string;
}

/** A supplier profile with the organization it describes. */
export interface SupplierListItem {
  profile: SupplierProfile;
  organization: Organization;
}

const CONTEXT = { referenceField: 'organizationId' };

export function createSupplierProfileRepository(db: Kysely<Database>) {
  return {
    async getByOrganizationId(organizationId: string): Promise<SupplierProfile | undefined> {
      const row = await db.selectFrom('supplier_profiles').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
      return row && toSupplierProfile(row);
    },

    /** Profiles matching every given filter with their organization, ordered by organization name. */
    async list(filter: SupplierFilter = {}, page: ListPage = DEFAULT_PAGE): Promise<ListResult<SupplierListItem>> {
      const base = db
        .selectFrom('supplier_profiles')
        .innerJoin('organizations', 'organizations.id', 'supplier_profiles.organization_id')
        .where((eb) => supplierWhere(eb, filter));
      const [rows, count] = await Promise.all([
        base
          .selectAll('organizations')
          .select([
            'supplier_profiles.naf_codes_json',
            'supplier_profiles.competences_json',
            'supplier_profiles.products_json',
            'supplier_profiles.delivery_radius_km',
            'supplier_profiles.certifications_json',
            'supplier_profiles.is_sme',
            'supplier_profiles.description',
            'supplier_profiles.updated_at as profile_updated_at',
          ])
          .orderBy('organizations.name')
          .orderBy('organizations.id')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      const items = rows.map((row) => ({
        organization: toOrganization(row),
        profile: toSupplierProfile({ ...row, organization_id: row.id, updated_at: row.profile_updated_at }),
      }));
      return { items, total: count.total };
    },

    /** Creates or replaces the profile of an organization. Unknown organization → `DomainError('validation_failed')`. */
    async upsert(profile: SupplierProfile): Promise<SupplierProfile> {
      const columns = {
        naf_codes_json: writeJson(profile.nafCodes),
        competences_json: writeJson(profile.competences),
        products_json: writeJson(profile.products),
        delivery_radius_km: profile.deliveryRadiusKm,
        certifications_json: writeJson(profile.certifications),
        is_sme: fromBool(profile.isSme),
        description: profile.description,
        updated_at: nowIso(),
      };
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('supplier_profiles')
          .values({ organization_id: profile.organizationId, ...columns })
          .onConflict((oc) => oc.column('organization_id').doUpdateSet(columns))
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toSupplierProfile(row);
    },

    /** The firm's contact; undefined when it has no profile. */
    async getContact(organizationId: string): Promise<SupplierContact | undefined> {
      const row = await db
        .selectFrom('supplier_profiles')
        .select(['contact_name', 'contact_email', 'contact_phone'])
        .where('organization_id', '=', organizationId)
        .executeTakeFirst();
      return row && { name: row.contact_name, email: row.contact_email, phone: row.contact_phone };
    },

    /** Sets the contact of an existing profile; returns false when the firm has no profile. */
    async setContact(organizationId: string, contact: SupplierContact): Promise<boolean> {
      const result = await db
        .updateTable('supplier_profiles')
        .set({ contact_name: contact.name, contact_email: contact.email, contact_phone: contact.phone })
        .where('organization_id', '=', organizationId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async delete(organizationId: string): Promise<boolean> {
      const result = await db.deleteFrom('supplier_profiles').where('organization_id', '=', organizationId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type SupplierProfileRepository = ReturnType<typeof createSupplierProfileRepository>;

function supplierWhere(
  eb: ExpressionBuilder<Database, 'supplier_profiles' | 'organizations'>,
  filter: SupplierFilter,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.territoryId !== undefined)
    conditions.push(eb('supplier_profiles.organization_id', 'in', territoryMembersOf(filter.territoryId)));
  // JSON columns are written by JSON.stringify (no spaces), so an element is matched by its quoted text.
  if (filter.competence !== undefined)
    conditions.push(containsText(eb.ref('supplier_profiles.competences_json'), JSON.stringify(filter.competence)));
  if (filter.cpvPrefix !== undefined) {
    conditions.push(containsText(eb.ref('supplier_profiles.products_json'), `"cpvCode":"${filter.cpvPrefix.replace(/\D/g, '')}`));
  }
  return eb.and(conditions);
}

function toSupplierProfile(
  row: Omit<Selectable<SupplierProfileTable>, 'contact_name' | 'contact_email' | 'contact_phone'>,
): SupplierProfile {
  return {
    organizationId: row.organization_id,
    nafCodes: readJson<string[]>(row.naf_codes_json),
    competences: readJson<string[]>(row.competences_json),
    products: readJson<SupplierProduct[]>(row.products_json),
    deliveryRadiusKm: row.delivery_radius_km,
    certifications: readJson<string[]>(row.certifications_json),
    isSme: toBool(row.is_sme),
    description: row.description,
  };
}
