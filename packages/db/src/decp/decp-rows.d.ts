import { type DecpAward } from '@mutualis/core';
import type { Insertable } from 'kysely';
import type { Database, RunningContractTable } from '../schema';
export type ContractRow = Insertable<Database['running_contracts']> & {
  id: string;
};
export type OrganizationRow = Insertable<Database['organizations']> & {
  id: string;
};
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
export declare const DECP_CONTRACT_COLUMNS: {
  readonly reference: (award: DecpAward) => string;
  readonly cpv_code: (award: DecpAward) => string;
  readonly label: (award: DecpAward) => string;
  readonly holder_siret: (award: DecpAward) => string | null;
  readonly holder_name: (award: DecpAward) => string | null;
  readonly notification_date: (award: DecpAward) => string | null;
  readonly start_date: (award: DecpAward) => string;
  readonly duration_months: (award: DecpAward) => number;
  readonly amount_cents: (award: DecpAward) => number | null;
  readonly nature: (award: DecpAward) => 'marche' | 'accord_cadre';
  readonly decp_provenance: (award: DecpAward) => string | null;
};
export type DecpColumn = keyof typeof DECP_CONTRACT_COLUMNS | 'organization_id';
export type DecpValues = Pick<RunningContractTable, DecpColumn>;
/** The DECP columns of `award` for its buyer. */
export declare function decpValuesOf(award: DecpAward, organizationId: string): DecpValues;
export declare const DECP_COLUMNS: DecpColumn[];
/** Whether a stored contract differs from `next` in a DECP column (renewals and notice are the members' own). */
export declare function hasDecpChange(stored: DecpValues, next: DecpValues): boolean;
/** Every column of a new DECP contract row, in the order the writers bind them. */
export declare const CONTRACT_ROW_COLUMNS: readonly [
  'id',
  ...DecpColumn[],
  'renewal_count',
  'renewal_months',
  'notice_months',
  'renewals_used',
  'source',
  'decp_id',
  'import_id',
  'created_at',
  'updated_at',
];
/** A new running contract for `award`, created by import `importId`. */
export declare function contractRow(award: DecpAward, organizationId: string, importId: string, now: string): ContractRow;
/** Who a SIRET is in a set of awards: a buyer (with its first award as buyer, for its place) or only a holder. */
export type Party =
  | {
      award: DecpAward;
      holderName?: undefined;
    }
  | {
      award?: undefined;
      holderName: string | null;
    };
/** Each SIRET of the awards: a buyer as of its first award as buyer, else a holder under its first name. */
export declare function partiesOf(awards: readonly DecpAward[]): Map<string, Party>;
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
export declare function buyerPlaceOf(award: DecpAward): BuyerPlace;
/** Every column of a new organization row, in the order the writers bind them. */
export declare const ORGANIZATION_ROW_COLUMNS: readonly [
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
];
/** A new organization for a buyer: its kind guessed from its SIRET and name, placed by `buyerPlaceOf`. */
export declare function buyerRow(award: DecpAward, importId: string, now: string): OrganizationRow;
/** A new organization for a holder: an SME of unknown place. */
export declare function holderRow(siret: string, name: string | null, importId: string, now: string): OrganizationRow;
/** Every column of a new DECP-proposed need row, in the order the writers bind them. */
export declare const NEED_ROW_COLUMNS: readonly [
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
];
