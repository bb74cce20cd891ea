import { type DecpAward, explainDecpProvenance, getCommune, guessBuyerKind, locateExecutionPlace, sirenOf } from '@mutualis/core';
import type { Insertable } from 'kysely';
import { newOrderedId } from '../dialect/new-id';
import { writeDecpFlags } from '../repositories/decp-flags-column';
import { writeDecpProvenance } from '../repositories/decp-provenance-column';
import type { Database, RunningContractTable } from '../schema';

export type ContractRow = Insertable<Database['running_contracts']> & { id: string };
export type OrganizationRow = Insertable<Database['organizations']> & { id: string };
export type NeedRow = Insertable<Database['needs']> & {
  id: string;
  label: string;
  annual_amount_cents: number;
  source_ref: string;
  updated_at: string;
};

/**
 * The columns a DECP record gives a running contract, each with how it is read from the normalised
 * award: written on insert, compared and rewritten when a later import brings the same record
 * changed. One line per column; a new DECP column is one more line here (and its migration).
 */
export const DECP_CONTRACT_COLUMNS = {
  reference: (award) => award.id,
  cpv_code: (award) => award.cpvCode,
  label: (award) => award.objet,
  holder_siret: (award) => award.holders[0]?.siret ?? null,
  holder_name: (award) => (award.holders.length === 0 ? null : award.holders.map((h) => h.name ?? h.id).join(' / ')),
  notification_date: (award) => award.notificationDate,
  start_date: (award) => award.startDate,
  duration_months: (award) => award.durationMonths,
  amount_cents: (award) => award.amountCents,
  nature: (award) => award.nature,
  decp_provenance: (award) => writeDecpProvenance(explainDecpProvenance(award)),
  decp_flags_json: (award) => writeDecpFlags(award.flags),
  offers_received: (award) => award.offersReceived ?? null,
} as const satisfies { [K in keyof RunningContractTable]?: (award: DecpAward) => RunningContractTable[K] };

export type DecpColumn = keyof typeof DECP_CONTRACT_COLUMNS | 'organization_id';
export type DecpValues = Pick<RunningContractTable, DecpColumn>;

/** The DECP columns of `award` for its buyer. */
export function decpValuesOf(award: DecpAward, organizationId: string): DecpValues {
  const values = { organization_id: organizationId } as Record<string, unknown>;
  for (const [column, read] of Object.entries(DECP_CONTRACT_COLUMNS)) values[column] = (read as (a: DecpAward) => unknown)(award);
  return values as DecpValues;
}

export const DECP_COLUMNS = ['organization_id', ...Object.keys(DECP_CONTRACT_COLUMNS)] as DecpColumn[];

/** Whether a stored contract differs from `next` in a DECP column (renewals and notice are the members' own). */
export function hasDecpChange(stored: DecpValues, next: DecpValues): boolean {
  return DECP_COLUMNS.some((column) => (stored[column] ?? null) !== (next[column] ?? null));
}

/** DECP says nothing of renewals (dureeMois already includes them) nor of notice: these defaults. */
const DEFAULT_NOTICE_MONTHS = 3;

/** Every column of a new DECP contract row, in the order the writers bind them. */
export const CONTRACT_ROW_COLUMNS = [
  'id',
  ...DECP_COLUMNS,
  'renewal_count',
  'renewal_months',
  'notice_months',
  'renewals_used',
  'source',
  'decp_id',
  'import_id',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ContractRow)[];

/** A new running contract for `award`, created by import `importId`. */
export function contractRow(award: DecpAward, organizationId: string, importId: string, now: string): ContractRow {
  return {
    id: newOrderedId(),
    ...decpValuesOf(award, organizationId),
    renewal_count: 0,
    renewal_months: 0,
    notice_months: DEFAULT_NOTICE_MONTHS,
    renewals_used: 0,
    source: 'decp',
    decp_id: award.key,
    import_id: importId,
    created_at: now,
    updated_at: now,
  };
}

/** Who a SIRET is in a set of awards: a buyer (with the award that places it, see `placingAwardsOf`) or only a holder. */
export type Party = { award: DecpAward; holderName?: undefined } | { award?: undefined; holderName: string | null };

/** Each SIRET of the awards: a buyer with the award that places it, else a holder under its first name. */
export function partiesOf(awards: readonly DecpAward[]): Map<string, Party> {
  const parties = new Map<string, Party>();
  for (const [siret, award] of placingAwardsOf(awards)) parties.set(siret, { award });
  for (const award of awards) {
    for (const holder of award.holders) {
      if (holder.siret !== null && !parties.has(holder.siret)) parties.set(holder.siret, { holderName: holder.name });
    }
  }
  return parties;
}

/**
 * Each buyer of the awards with the award its place and kind come from: its first award that gives
 * a place, else its first. Taking the first that gives a place, not merely the first, keeps a
 * buyer's stored place the same however an import cuts its awards into chunks: a buyer stored
 * without a place takes the place of a later chunk's award (`adoptAsBuyer`); and an import's scope
 * places a new buyer by the same award.
 */
export function placingAwardsOf(awards: readonly DecpAward[]): Map<string, DecpAward> {
  const placing = new Map<string, DecpAward>();
  const placed = new Set<string>();
  for (const award of awards) {
    const siret = award.buyer.siret;
    if (placed.has(siret)) continue;
    const isPlacedBy = isPlaced(award);
    if (isPlacedBy) placed.add(siret);
    if (isPlacedBy || !placing.has(siret)) placing.set(siret, award);
  }
  return placing;
}

/** Whether the award's place of execution locates its buyer in a département. */
function isPlaced(award: DecpAward): boolean {
  return award.executionPlace !== null && buyerPlaceOf(award).departement_code !== '';
}

/** Where a buyer is, from an award's place of execution (see `buyerRow`). */
export interface BuyerPlace {
  insee_code: string;
  departement_code: string;
  region_code: string;
  epci_siren: string | null;
}

/**
 * A buyer's location comes from the award's place of execution (no SIRENE here): the commune
 * when the code identifies one, else only the département; `insee_code` stays '' rather than
 * pointing at an invented commune (e.g. a chef-lieu), and everything stays '' when unknown.
 */
export function buyerPlaceOf(award: DecpAward): BuyerPlace {
  const place = award.executionPlace;
  const located = place === null ? null : locateExecutionPlace(place.code, place.typeCode, place.name);
  const inseeCode = located?.inseeCode ?? null;
  return {
    insee_code: inseeCode ?? '',
    departement_code: located?.departementCode ?? '',
    region_code: located?.regionCode ?? '',
    epci_siren: inseeCode === null ? null : (getCommune(inseeCode)?.epciSiren ?? null),
  };
}

/** Every column of a new organization row, in the order the writers bind them. */
export const ORGANIZATION_ROW_COLUMNS = [
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
  'import_id',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof OrganizationRow)[];

/** A new organization for a buyer: its kind guessed from its SIRET and name, placed by `buyerPlaceOf`. */
export function buyerRow(award: DecpAward, importId: string, now: string): OrganizationRow {
  return {
    id: newOrderedId(),
    name: award.buyer.name ?? `Acheteur ${award.buyer.siret}`,
    siret: award.buyer.siret,
    siren: sirenOf(award.buyer.siret),
    kind: guessBuyerKind(award.buyer.siret, award.buyer.name),
    ...buyerPlaceOf(award),
    is_demo: 0,
    import_id: importId,
    created_at: now,
    updated_at: now,
  };
}

/** A new organization for a holder: an SME of unknown place. */
export function holderRow(siret: string, name: string | null, importId: string, now: string): OrganizationRow {
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
    import_id: importId,
    created_at: now,
    updated_at: now,
  };
}

/** Every column of a new DECP-proposed need row, in the order the writers bind them. */
export const NEED_ROW_COLUMNS = [
  'id',
  'organization_id',
  'cpv_code',
  'label',
  'quantity',
  'unit',
  'units_per_pack',
  'unit_price_cents',
  'annual_amount_cents',
  'amount_is_derived',
  'delivery_communes_json',
  'csr_requirements_json',
  'quality_requirements',
  'confidence',
  'status',
  'source',
  'source_ref',
  'import_id',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof NeedRow)[];
