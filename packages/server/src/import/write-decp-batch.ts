import { type DecpAward, explainDecpProvenance, getCommune, guessBuyerKind, locateExecutionPlace, sirenOf } from '@mutualis/core';
import { type Database, newOrderedId, writeDecpFlags, writeDecpProvenance } from '@mutualis/db';
import type { Insertable, Kysely, Selectable } from 'kysely';

type Db = Kysely<Database>;
export type ContractRow = Insertable<Database['running_contracts']>;
export type OrganizationRow = Insertable<Database['organizations']> & { id: string };
export type StoredContract = Pick<Selectable<Database['running_contracts']>, 'id' | 'decp_id' | (typeof DECP_FIELDS)[number]>;

/** What writing one batch did to the running contracts, and which buyers it touched. */
export interface BatchOutcome {
  imported: number;
  updated: number;
  unchanged: number;
  buyerIds: string[];
}

/** Rows per multi-row statement: 22 columns × 500 stays far below SQLite's and PostgreSQL's parameter limits. */
const ROWS_PER_STATEMENT = 500;
const DEFAULT_NOTICE_MONTHS = 3;

/**
 * Writes a batch of awards (distinct keys) inside the caller's transaction: organizations created
 * by SIRET when absent (buyers with a kind guessed from their name and the place of execution as
 * location; holders as `sme` with no location), buyers made members of the territory, running
 * contracts inserted by `decp_id` or updated only when a DECP field changed.
 */
export async function writeDecpBatch(db: Db, territoryId: string, awards: readonly DecpAward[], now: string): Promise<BatchOutcome> {
  const orgIds = await ensureOrganizations(db, awards, now);
  const buyerIds = [...new Set(awards.map((a) => orgIds.get(a.buyer.siret) as string))];
  await ensureMemberships(db, territoryId, buyerIds);
  const existing = new Map<string, StoredContract>();
  for (const keys of chunk(awards.map((a) => a.key))) {
    for (const row of await db
      .selectFrom('running_contracts')
      .select(['id', 'decp_id', ...DECP_FIELDS])
      .where('decp_id', 'in', keys)
      .execute()) {
      existing.set(row.decp_id as string, row);
    }
  }
  const inserts: ContractRow[] = [];
  let updated = 0;
  for (const award of awards) {
    const row = toContractRow(award, orgIds.get(award.buyer.siret) as string, now);
    const current = existing.get(award.key);
    if (current === undefined) inserts.push(row);
    else if (hasDecpChange(current, row)) {
      const changes = Object.fromEntries(DECP_FIELDS.map((name) => [name, row[name]]));
      await db
        .updateTable('running_contracts')
        .set({ ...changes, updated_at: now })
        .where('id', '=', current.id)
        .execute();
      updated += 1;
    }
  }
  for (const rows of chunk(inserts)) await db.insertInto('running_contracts').values(rows).execute();
  return { imported: inserts.length, updated, unchanged: awards.length - inserts.length - updated, buyerIds };
}

/** Who a SIRET is in this batch: a buyer (with one of its awards, for its location) or only a holder. */
export type Party = { award: DecpAward; holderName?: undefined } | { award?: undefined; holderName: string | null };

async function ensureOrganizations(db: Db, awards: readonly DecpAward[], now: string): Promise<Map<string, string>> {
  const parties = partiesOf(awards);
  const ids = new Map<string, string>();
  for (const sirets of chunk([...parties.keys()])) {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'siret', 'departement_code', 'kind'])
      .where('siret', 'in', sirets)
      .execute();
    for (const row of rows) {
      ids.set(row.siret, row.id);
      const award = parties.get(row.siret)?.award;
      if (award === undefined) continue;
      // A buyer first stored as a holder takes a buyer's kind, whichever batch met it first.
      if (row.kind === 'sme') {
        await db
          .updateTable('organizations')
          .set({ kind: buyerRow(award, now).kind, updated_at: now })
          .where('id', '=', row.id)
          .execute();
      }
      // A buyer first stored as a holder, or without a usable place, gets a location once one is known.
      if (row.departement_code !== '') continue;
      const { insee_code, departement_code, region_code, epci_siren } = buyerRow(award, now);
      if (departement_code === '') continue;
      await db
        .updateTable('organizations')
        .set({ insee_code, departement_code, region_code, epci_siren, updated_at: now })
        .where('id', '=', row.id)
        .execute();
    }
  }
  const missing = [...parties]
    .filter(([siret]) => !ids.has(siret))
    .map(([siret, party]) => (party.award ? buyerRow(party.award, now) : holderRow(siret, party.holderName, now)));
  for (const rows of chunk(missing)) await db.insertInto('organizations').values(rows).execute();
  for (const row of missing) ids.set(row.siret, row.id);
  return ids;
}

/** Each SIRET of the batch: a buyer as of its first award as buyer, else a holder under its first name. */
export function partiesOf(awards: readonly DecpAward[]): Map<string, Party> {
  const parties = new Map<string, Party>();
  for (const award of awards) {
    if (parties.get(award.buyer.siret)?.award === undefined) parties.set(award.buyer.siret, { award });
    for (const holder of award.holders) {
      if (holder.siret !== null && !parties.has(holder.siret)) parties.set(holder.siret, { holderName: holder.name });
    }
  }
  return parties;
}

async function ensureMemberships(db: Db, territoryId: string, organizationIds: readonly string[]): Promise<void> {
  for (const ids of chunk(organizationIds)) {
    const present = await db
      .selectFrom('territory_members')
      .select('organization_id')
      .where('territory_id', '=', territoryId)
      .where('organization_id', 'in', ids)
      .execute();
    const known = new Set(present.map((r) => r.organization_id));
    const rows = ids.filter((id) => !known.has(id)).map((id) => ({ territory_id: territoryId, organization_id: id }));
    if (rows.length > 0) await db.insertInto('territory_members').values(rows).execute();
  }
}

/**
 * A buyer's location comes from the award's place of execution (no SIRENE here): the commune
 * when the code identifies one, else only the département; `insee_code` stays '' rather than
 * pointing at an invented commune (e.g. a chef-lieu), and everything stays '' when unknown.
 */
export function buyerRow(award: DecpAward, now: string): OrganizationRow {
  const place = award.executionPlace;
  const located = place === null ? null : locateExecutionPlace(place.code, place.typeCode, place.name);
  const inseeCode = located?.inseeCode ?? null;
  return {
    id: newOrderedId(),
    name: award.buyer.name ?? `Acheteur ${award.buyer.siret}`,
    siret: award.buyer.siret,
    siren: sirenOf(award.buyer.siret),
    kind: guessBuyerKind(award.buyer.siret, award.buyer.name),
    insee_code: inseeCode ?? '',
    departement_code: located?.departementCode ?? '',
    region_code: located?.regionCode ?? '',
    epci_siren: inseeCode === null ? null : (getCommune(inseeCode)?.epciSiren ?? null),
    is_demo: 0,
    created_at: now,
    updated_at: now,
  };
}

export function holderRow(siret: string, name: string | null, now: string): OrganizationRow {
  return {
    id: newOrderedId(),
    name: name ?? `Titulaire ${siret}`,
    siret,
    siren: sirenOf(siret),
    kind: 'sme',
    insee_code: '',
    departement_code: '',
    region_code: '',
    epci_siren: null,
    is_demo: 0,
    created_at: now,
    updated_at: now,
  };
}

export function toContractRow(award: DecpAward, organizationId: string, now: string): ContractRow & { id: string; created_at: string } {
  const firstHolder = award.holders[0];
  const names = award.holders.map((h) => h.name ?? h.id);
  return {
    id: newOrderedId(),
    organization_id: organizationId,
    reference: award.id,
    cpv_code: award.cpvCode,
    label: award.objet,
    holder_siret: firstHolder?.siret ?? null,
    holder_name: names.length === 0 ? null : names.join(' / '),
    notification_date: award.notificationDate,
    start_date: award.startDate,
    duration_months: award.durationMonths,
    amount_cents: award.amountCents,
    // The DECP says nothing of renewals (dureeMois already includes them) nor of notice: defaults.
    renewal_count: 0,
    renewal_months: 0,
    notice_months: DEFAULT_NOTICE_MONTHS,
    renewals_used: 0,
    nature: award.nature,
    source: 'decp',
    decp_id: award.key,
    decp_provenance: writeDecpProvenance(explainDecpProvenance(award)),
    decp_flags_json: writeDecpFlags(award.flags),
    created_at: now,
    updated_at: now,
  };
}

export const DECP_FIELDS = [
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
  'nature',
  'decp_provenance',
  'decp_flags_json',
] as const;

/** Only fields that come from the DECP count: renewals and notice entered by a member are theirs. */
export function hasDecpChange(current: StoredContract, next: ContractRow): boolean {
  return DECP_FIELDS.some((name) => (current[name] ?? null) !== (next[name] ?? null));
}

function chunk<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
