import type { ContractNature, DecpAmountFlagFloor, OrganizationKind } from '@mutualis/core';
import type { BuyerPlace, ContractRow, DecpValues, NeedRow, OrganizationRow } from './decp-rows';
import type { StoredDecpFacts } from './estimable-decp-facts';

/** An organization as a DECP import finds it stored. */
export interface StoredOrganization extends OrganizationFacts {
  id: string;
}

/** What an import may change of an organization: its kind (a holder met as a buyer) and its place. */
export interface OrganizationFacts extends BuyerPlace {
  kind: OrganizationKind;
}

/** A stored DECP contract: its id and DECP columns. */
export type StoredContract = DecpValues & { id: string };

export type VersionedTable = 'running_contracts' | 'organizations';

/** A stored DECP-proposed need, as a refresh compares it. */
export interface StoredDecpNeed {
  id: string;
  organization_id: string;
  cpv_code: string;
  status: string;
  annual_amount_cents: number;
  source_ref: string | null;
}

/** What a stored DECP contract brings to its peer group's statistics. */
export interface StoredDecpAmountFacts {
  cpv_code: string;
  nature: ContractNature;
  amount_cents: number | null;
  duration_months: number;
  /** The buyer's kind (organizations.kind). */
  kind: OrganizationKind;
  /** 1 when the import flagged the amount a placeholder (`amount_sentinel`). */
  is_sentinel: number;
}

/** A stored DECP contract as its amount verdict is computed: its facts, and the verdict now stored. */
export interface StoredDecpAmount extends StoredDecpAmountFacts {
  id: string;
  organization_id: string;
  amount_check_json: string | null;
}

/**
 * The row operations a DECP chunk needs, inside one transaction. One implementation per dialect
 * (`sqlite-decp-rows.ts`: prepared statements, row by row; `kysely-decp-rows.ts`: multi-row
 * statements), both fed by the column lists of decp-rows.ts; the chunk's rules are written once,
 * in decp-store.ts.
 */
export interface DecpRowWriter {
  /** Runs `write` all or nothing, inside the transaction. */
  savepoint<T>(write: () => Promise<T>): Promise<T>;
  findOrganizations(sirets: readonly string[]): Promise<Map<string, StoredOrganization>>;
  /** Inserts the rows whose SIRET is not stored yet; returns the SIRETs already stored (left as they are). */
  insertOrganizations(rows: readonly OrganizationRow[]): Promise<string[]>;
  updateOrganization(id: string, values: OrganizationFacts, now: string): Promise<void>;
  /** Makes these organizations members of the territory (the new memberships carry the import). */
  addMembers(territoryId: string, organizationIds: readonly string[], importId: string): Promise<void>;
  /** Records that the import met these organizations (as buyers: a holder met before then becomes one). */
  recordMet(importId: string, organizationIds: readonly string[], isBuyer: boolean): Promise<void>;
  /**
   * Inserts the rows whose DECP key is not stored yet, taking them one by one (or a statement's
   * worth at a time): a chunk's rows need not all exist at once. Returns the keys already stored
   * (left as they are).
   */
  insertContracts(rows: Iterable<ContractRow>): Promise<string[]>;
  findContracts(keys: readonly string[]): Promise<Map<string, StoredContract>>;
  updateContract(id: string, values: DecpValues, now: string): Promise<void>;
  /** Keeps a row's values before the import first changes it (the first kept wins). */
  keepVersion(importId: string, table: VersionedTable, rowId: string, previous: object): Promise<void>;
  /** The DECP contracts of these buyers, with the columns the needs proposal reads (see `estimableDecpFacts`). */
  findDecpContracts(buyerIds: readonly string[]): Promise<StoredDecpFacts[]>;
  findDecpNeeds(buyerIds: readonly string[]): Promise<StoredDecpNeed[]>;
  insertNeeds(rows: readonly NeedRow[]): Promise<void>;
  updateNeed(id: string, values: Pick<NeedRow, 'label' | 'annual_amount_cents' | 'source_ref' | 'updated_at'>): Promise<void>;
  deleteNeeds(ids: readonly string[]): Promise<void>;
  /** Visits every stored DECP contract (all territories), once each, in no particular order: its facts only. */
  eachDecpAmountFacts(visit: (row: StoredDecpAmountFacts) => void): Promise<void>;
  /**
   * Visits, with its id, buyer and stored verdict, every stored DECP contract that may get or lose a
   * verdict: those with one stored, and those whose compared amount is above their group's floor
   * (a contract of a group without floor gets none). An implementation may visit more.
   */
  eachDecpAmountToAssess(floors: readonly DecpAmountFlagFloor[], visit: (row: StoredDecpAmount) => void): Promise<void>;
  updateAmountCheck(id: string, json: string | null, now: string): Promise<void>;
}

/** Opens one transaction and hands its row writer to `write`: committed when it resolves, rolled back when it throws. */
export type DecpTransaction = <T>(write: (rows: DecpRowWriter) => Promise<T>) => Promise<T>;
