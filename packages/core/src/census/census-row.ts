import type { Cents, NeedConfidence } from '../domain/types';
import type { UnitCode } from '../units/units';
import type { CensusColumnKey } from './census-columns';

/** A census line that passed every check, ready to become a `Need` of its organization. */
export interface CensusRowValue {
  organizationSiret: string;
  cpvCode: string;
  label: string;
  quantity: number | null;
  unit: UnitCode | null;
  unitsPerPack: number | null;
  unitPriceCents: Cents | null;
  annualAmountCents: Cents;
  amountIsDerived: boolean;
  deliveryCommunes: string[];
  csrRequirements: string[];
  qualityRequirements: string;
  confidence: NeedConfidence;
}

/** Where a census row came from, for `Need.sourceRef` and error messages. */
export interface CensusRowSource {
  file: string;
  sheet?: string;
  row: number;
}

/** A valid census row with its location in the file. */
export interface CensusRow extends CensusRowValue {
  source: CensusRowSource;
}

/** Raw text of one row, by column; absent columns are undefined. */
export type CensusCells = Partial<Record<CensusColumnKey, string>>;

export interface CensusCellIssue {
  key: CensusColumnKey;
  reason: string;
}

export type CensusRowValidation = { ok: true; value: CensusRowValue } | { ok: false; issues: CensusCellIssue[] };
