import type {
  BuyerIdentity,
  BuyerIdentityStatus,
  BuyerNameReview,
  IdentityValues,
  OrganizationKind,
  PublishedName,
  SireneEstablishment,
  SireneLegalUnit,
} from '@mutualis/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { nowIso } from '../dialect/now-iso';
import type { Database } from '../schema';
import { keepBuyerIdentityVersions } from './buyer-identity-versions';
import { fromBool, readJson, toBool, writeJson } from './json-column';
import { containsText, DEFAULT_PAGE, type ListPage, type ListResult } from './list-page';

/** Rows per statement (a few columns each: far below both dialects' parameter limits). */
const CHUNK = 500;
/** Distinct published names kept per SIRET (the most used): enough to choose and repair, bounded whatever the files. */
const MAX_PUBLISHED_NAMES = 20;

/** Everything a resolution needs about one organisation (see `resolveBuyerIdentity`). */
export interface BuyerIdentitySubject {
  organizationId: string;
  siret: string;
  siren: string;
  current: IdentityValues;
  isBuyer: boolean;
  publishedNames: PublishedName[];
  establishment: SireneEstablishment | null;
  legalUnit: SireneLegalUnit | null;
  /** The last resolution stored, null before the first. */
  resolution: BuyerIdentity | null;
  /** The facilitator's last check of the name, or null. */
  review: BuyerNameReview | null;
}

/** A location to store with a resolution (null columns: none). */
export interface OrganizationLocation {
  inseeCode: string;
  departementCode: string;
  regionCode: string;
  epciSiren: string | null;
}

export interface BuyerIdentityChange {
  organizationId: string;
  identity: BuyerIdentity;
  /** The location the identity's INSEE code gives, null when the location stays. */
  location: OrganizationLocation | null;
}

/** One organisation of a territory whose name the resolution has something to say about. */
export interface BuyerNameItem {
  organizationId: string;
  siret: string;
  name: string;
  kind: OrganizationKind;
  status: BuyerIdentityStatus;
  isToReview: boolean;
  publishedNames: PublishedName[];
  explanation: string[];
}

export interface BuyerNameFilter {
  territoryId: string;
  /** Only those to review (a guessed repair, an illegible character, an unknown legal unit). */
  isToReview?: boolean;
  /** Substring of the name or of the SIRET. */
  q?: string;
}

/** Names published per buyer SIRET (name → records bearing it): a map of maps, or a compact collector's view. */
export interface PublishedNamesBySiret {
  keys(): Iterable<string>;
  get(siret: string): ReadonlyMap<string, number> | undefined;
}

/**
 * The one store of buyer identities: published names recorded by the DECP import, SIRENE facts
 * recorded by `import sirene`, and the resolutions (organisation name, kind, location, and why)
 * written back by the identity use case. Methods do not open transactions: run them through
 * `withTransaction` to group them.
 */
export function createBuyerIdentityStore(db: Kysely<Database>) {
  return {
    /**
     * Adds the names buyer SIRETs published (name → records bearing it) to their organisations'
     * identities, keeping per name the highest count seen (re-importing a file changes nothing).
     * SIRETs without a stored organisation are ignored; an identity left as it was is not written.
     * With `importId`, the identities' values before are kept for its undo. Returns the SIRENs touched.
     */
    async recordPublishedNames(bySiret: PublishedNamesBySiret, options: { importId?: string } = {}): Promise<string[]> {
      const sirens = new Set<string>();
      const now = nowIso();
      for (const sirets of chunk([...bySiret.keys()])) {
        const rows = await db
          .selectFrom('organizations')
          .leftJoin('organization_identities', 'organization_identities.organization_id', 'organizations.id')
          .select([
            'organizations.id',
            'organizations.siret',
            'organizations.siren',
            'organization_identities.is_buyer',
            'organization_identities.published_names_json',
          ])
          .where('organizations.siret', 'in', sirets)
          .execute();
        const upserts = rows.flatMap((row) => {
          sirens.add(row.siren);
          const names = writeNames(mergeNames(readNames(row.published_names_json), bySiret.get(row.siret) ?? new Map()));
          if (row.is_buyer === 1 && names === row.published_names_json) return [];
          return [{ organization_id: row.id, is_buyer: 1, published_names_json: names, updated_at: now }];
        });
        if (upserts.length === 0) continue;
        if (options.importId !== undefined)
          await keepBuyerIdentityVersions(
            db,
            options.importId,
            upserts.map((u) => u.organization_id),
          );
        await db
          .insertInto('organization_identities')
          .values(upserts)
          .onConflict((oc) =>
            oc.column('organization_id').doUpdateSet((eb) => ({
              is_buyer: 1,
              published_names_json: eb.ref('excluded.published_names_json'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
      return [...sirens];
    },

    /** Every stored organisation of these SIRENs, with its identity and its legal unit's SIRENE facts. */
    async listSubjects(sirens: readonly string[]): Promise<BuyerIdentitySubject[]> {
      const subjects: BuyerIdentitySubject[] = [];
      for (const part of chunk(sirens)) {
        const rows = await db
          .selectFrom('organizations')
          .leftJoin('organization_identities', 'organization_identities.organization_id', 'organizations.id')
          .leftJoin('legal_units', 'legal_units.siren', 'organizations.siren')
          .select([
            'organizations.id',
            'organizations.siret',
            'organizations.siren',
            'organizations.name',
            'organizations.kind',
            'organizations.insee_code',
            'organization_identities.is_buyer',
            'organization_identities.published_names_json',
            'organization_identities.sirene_establishment_json',
            'organization_identities.resolution_json',
            'organization_identities.review_json',
            'legal_units.name as legal_name',
            'legal_units.legal_category',
            'legal_units.enterprise_category',
            'legal_units.is_active as legal_is_active',
          ])
          .where('organizations.siren', 'in', part)
          .orderBy('organizations.siret')
          .execute();
        for (const row of rows) {
          subjects.push({
            organizationId: row.id,
            siret: row.siret,
            siren: row.siren,
            current: { name: row.name, kind: row.kind, inseeCode: row.insee_code },
            isBuyer: row.is_buyer !== null && toBool(row.is_buyer),
            publishedNames: readNames(row.published_names_json),
            establishment: row.sirene_establishment_json === null ? null : readJson<SireneEstablishment>(row.sirene_establishment_json),
            legalUnit:
              row.legal_category === null
                ? null
                : {
                    siren: row.siren,
                    name: row.legal_name,
                    legalCategory: row.legal_category,
                    enterpriseCategory: row.enterprise_category,
                    isActive: toBool(row.legal_is_active ?? 1),
                  },
            resolution: row.resolution_json === null ? null : readJson<BuyerIdentity>(row.resolution_json),
            review: row.review_json === null ? null : readJson<BuyerNameReview>(row.review_json),
          });
        }
      }
      return subjects;
    },

    /**
     * Stores resolutions: the organisation's name, kind and location where they changed, and the
     * identity's outcome. With `importId`, the values before are kept for its undo (organisations it
     * created excepted: the undo removes them). Returns the organisations changed.
     */
    async saveResolutions(changes: readonly BuyerIdentityChange[], options: { importId?: string } = {}): Promise<number> {
      const now = nowIso();
      const { importId } = options;
      let changed = 0;
      // The organisations read a statement at a time: a read (and a version kept) per organisation cost more than the resolution itself.
      for (const part of chunk(changes)) {
        const rows = await db
          .selectFrom('organizations')
          .selectAll()
          .where(
            'id',
            'in',
            part.map((c) => c.organizationId),
          )
          .execute();
        const stored = new Map(rows.map((row) => [row.id, row]));
        const versions: { import_id: string; table_name: string; row_id: string; previous_json: string }[] = [];
        const updates: RawBuilder<unknown>[] = [];
        for (const { organizationId, identity, location } of part) {
          const row = stored.get(organizationId);
          if (row === undefined || !isChangedBy(row, identity, location)) continue;
          // Organisations this import created are not kept: its undo removes them.
          if (importId !== undefined && row.import_id !== importId) {
            const { id: _id, ...previous } = row;
            versions.push({ import_id: importId, table_name: 'organizations', row_id: organizationId, previous_json: writeJson(previous) });
          }
          const place = location ?? {
            inseeCode: row.insee_code,
            departementCode: row.departement_code,
            regionCode: row.region_code,
            epciSiren: row.epci_siren,
          };
          updates.push(
            sql`(${organizationId}, ${identity.values.name}, ${identity.values.kind}, ${place.inseeCode}, ${place.departementCode}, ${place.regionCode}, ${place.epciSiren})`,
          );
        }
        // One statement for the part, not one per organisation; VALUES columns are column1, column2… in both dialects.
        if (updates.length > 0)
          await sql`UPDATE organizations
                       SET name = v.column2, kind = v.column3, insee_code = v.column4, departement_code = v.column5,
                           region_code = v.column6, epci_siren = v.column7, updated_at = ${now}
                      FROM (VALUES ${sql.join(updates)}) AS v
                     WHERE organizations.id = v.column1`.execute(db);
        changed += updates.length;
        if (versions.length > 0)
          await db
            .insertInto('import_versions')
            .values(versions)
            .onConflict((oc) => oc.columns(['import_id', 'table_name', 'row_id']).doNothing())
            .execute();
      }
      // The identities in multi-row statements: one statement per organisation cost more than the resolution itself.
      for (const part of chunk(changes)) {
        if (importId !== undefined)
          await keepBuyerIdentityVersions(
            db,
            importId,
            part.map((c) => c.organizationId),
          );
        await db
          .insertInto('organization_identities')
          .values(
            part.map(({ organizationId, identity }) => ({
              organization_id: organizationId,
              resolution_json: writeJson(identity),
              status: identity.status,
              is_to_review: fromBool(identity.isToReview),
              updated_at: now,
            })),
          )
          .onConflict((oc) =>
            oc.column('organization_id').doUpdateSet((eb) => ({
              resolution_json: eb.ref('excluded.resolution_json'),
              status: eb.ref('excluded.status'),
              is_to_review: eb.ref('excluded.is_to_review'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
      return changed;
    },

    /** Stores the facilitator's check of an organisation's name (its identity is resolved again afterwards). */
    async saveNameReview(organizationId: string, review: BuyerNameReview): Promise<void> {
      const row = { review_json: writeJson(review), updated_at: nowIso() };
      await db
        .insertInto('organization_identities')
        .values({ organization_id: organizationId, ...row })
        .onConflict((oc) => oc.column('organization_id').doUpdateSet(row))
        .execute();
    },

    /** Records SIRENE establishment facts for the stored organisations of these SIRETs; returns the SIRENs matched. */
    async recordEstablishments(establishments: readonly SireneEstablishment[]): Promise<string[]> {
      const sirens = new Set<string>();
      const now = nowIso();
      const bySiret = new Map(establishments.map((e) => [e.siret, e]));
      for (const sirets of chunk([...bySiret.keys()])) {
        const rows = await db.selectFrom('organizations').select(['id', 'siret', 'siren']).where('siret', 'in', sirets).execute();
        const upserts = rows.map((row) => {
          sirens.add(row.siren);
          return { organization_id: row.id, sirene_establishment_json: writeJson(bySiret.get(row.siret)), updated_at: now };
        });
        if (upserts.length === 0) continue;
        await db
          .insertInto('organization_identities')
          .values(upserts)
          .onConflict((oc) =>
            oc.column('organization_id').doUpdateSet((eb) => ({
              sirene_establishment_json: eb.ref('excluded.sirene_establishment_json'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
      return [...sirens];
    },

    /** Records SIRENE legal-unit facts (replacing earlier ones); returns their SIRENs. */
    async recordLegalUnits(units: readonly SireneLegalUnit[]): Promise<string[]> {
      const now = nowIso();
      for (const part of chunk(units)) {
        const rows = part.map((u) => ({
          siren: u.siren,
          name: u.name,
          legal_category: u.legalCategory,
          enterprise_category: u.enterpriseCategory,
          is_active: fromBool(u.isActive),
          updated_at: now,
        }));
        await db
          .insertInto('legal_units')
          .values(rows)
          .onConflict((oc) =>
            oc.column('siren').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              legal_category: eb.ref('excluded.legal_category'),
              enterprise_category: eb.ref('excluded.enterprise_category'),
              is_active: eb.ref('excluded.is_active'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
      return units.map((u) => u.siren);
    },

    /** The SIRETs and SIRENs of every stored organisation: what a SIRENE stock is filtered by. */
    async listStoredIdentifiers(): Promise<{ sirets: Set<string>; sirens: Set<string> }> {
      const rows = await db.selectFrom('organizations').select(['siret', 'siren']).execute();
      return { sirets: new Set(rows.map((r) => r.siret)), sirens: new Set(rows.map((r) => r.siren)) };
    },

    /** The organisations of a territory with a resolution, those to review first, then by name; with counts per status. */
    async listNames(
      filter: BuyerNameFilter,
      page: ListPage = DEFAULT_PAGE,
    ): Promise<ListResult<BuyerNameItem> & { toReview: number; byStatus: Record<BuyerIdentityStatus, number> }> {
      const base = db
        .selectFrom('organization_identities')
        .innerJoin('organizations', 'organizations.id', 'organization_identities.organization_id')
        .innerJoin('territory_members', 'territory_members.organization_id', 'organizations.id')
        .where('territory_members.territory_id', '=', filter.territoryId)
        .where('organization_identities.resolution_json', 'is not', null);
      const listed = base.where((eb) => {
        const conditions = [];
        if (filter.isToReview !== undefined) conditions.push(eb('organization_identities.is_to_review', '=', fromBool(filter.isToReview)));
        const q = filter.q?.trim() ?? '';
        if (q !== '')
          conditions.push(
            eb.or([containsText(eb.ref('organizations.name'), q), containsText(eb.ref('organizations.siret'), q.replace(/\s/g, ''))]),
          );
        return eb.and(conditions);
      });
      const [rows, count, statuses] = await Promise.all([
        listed
          .select(NAME_COLUMNS)
          .orderBy('organization_identities.is_to_review', 'desc')
          .orderBy('organizations.name')
          .orderBy('organizations.id')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        listed.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        base
          .select(['organization_identities.status', 'organization_identities.is_to_review'])
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .groupBy(['organization_identities.status', 'organization_identities.is_to_review'])
          .execute(),
      ]);
      const byStatus: Record<BuyerIdentityStatus, number> = { legal_unit: 0, unit_of_legal_unit: 0, unknown_legal_unit: 0, kept: 0 };
      let toReview = 0;
      for (const s of statuses) {
        byStatus[s.status as BuyerIdentityStatus] += Number(s.n);
        if (toBool(s.is_to_review)) toReview += Number(s.n);
      }
      return { items: rows.map(toNameItem), total: Number(count.total), toReview, byStatus };
    },

    /** One organisation's resolved name, or undefined when it has none. */
    async getName(organizationId: string): Promise<BuyerNameItem | undefined> {
      const row = await db
        .selectFrom('organization_identities')
        .innerJoin('organizations', 'organizations.id', 'organization_identities.organization_id')
        .select(NAME_COLUMNS)
        .where('organizations.id', '=', organizationId)
        .where('organization_identities.resolution_json', 'is not', null)
        .executeTakeFirst();
      return row && toNameItem(row);
    },
  };
}

export type BuyerIdentityStore = ReturnType<typeof createBuyerIdentityStore>;

/** Whether the organisation's name, kind or location differs from what the identity sets. */
function isChangedBy(
  row: { name: string; kind: string; insee_code: string },
  identity: BuyerIdentity,
  location: OrganizationLocation | null,
): boolean {
  return (
    row.name !== identity.values.name || row.kind !== identity.values.kind || (location !== null && row.insee_code !== location.inseeCode)
  );
}

const NAME_COLUMNS = [
  'organizations.id',
  'organizations.siret',
  'organizations.name',
  'organizations.kind',
  'organization_identities.status',
  'organization_identities.is_to_review',
  'organization_identities.published_names_json',
  'organization_identities.resolution_json',
] as const;

function toNameItem(row: {
  id: string;
  siret: string;
  name: string;
  kind: OrganizationKind;
  status: string | null;
  is_to_review: number;
  published_names_json: string;
  resolution_json: string | null;
}): BuyerNameItem {
  return {
    organizationId: row.id,
    siret: row.siret,
    name: row.name,
    kind: row.kind,
    status: (row.status ?? 'kept') as BuyerIdentityStatus,
    isToReview: toBool(row.is_to_review),
    publishedNames: readNames(row.published_names_json),
    explanation: row.resolution_json === null ? [] : readJson<BuyerIdentity>(row.resolution_json).explanation,
  };
}

function readNames(json: string | null): PublishedName[] {
  if (json === null) return [];
  return readJson<[string, number][]>(json).map(([name, count]) => ({ name, count }));
}

function writeNames(names: readonly PublishedName[]): string {
  return writeJson(names.map((n) => [n.name, n.count]));
}

/** Highest count per name, most used first (then by name), at most `MAX_PUBLISHED_NAMES`. */
function mergeNames(stored: readonly PublishedName[], added: ReadonlyMap<string, number>): PublishedName[] {
  const counts = new Map(stored.map((n) => [n.name, n.count]));
  for (const [name, count] of added) counts.set(name, Math.max(counts.get(name) ?? 0, count));
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, MAX_PUBLISHED_NAMES);
}

function chunk<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
