import type { DisclosureViewer } from '../disclosure/disclosure-viewer';
import type { Cents, IsoDate, MandateScope, OrganizationKind } from '../domain/types';
import type { TenderCommission, TenderCommissionResult } from '../procedure/tender-commission';
import type { AnalysedOpportunity } from '../scenario/analyse-territory';
import type { UnitCode } from '../units/units';

/** A member as every signatory reads it in the convention annex: its quantities and maximum, nothing else. */
export interface PackAnnexRow {
  organizationId: string;
  name: string;
  siret: string;
  kind: OrganizationKind;
  /** Forecast yearly quantity as the annex writes it (« 120 t »); empty when only amounts are known. */
  annualQuantity: string;
  /** The member's maximum over the whole duration, renewals included (R2121-8): the convention annex's figure. */
  maximumCents: Cents;
}

/** One of the member's own needs in the family. */
export interface PackNeedLine {
  label: string;
  cpvCode: string;
  quantity: number | null;
  unit: UnitCode | null;
  unitPriceCents: Cents | null;
  annualAmountCents: Cents;
  isConfirmed: boolean;
}

export interface PackGroupement {
  name: string;
  familyName: string;
  cpvCodes: readonly string[];
  isPermanent: boolean;
  mandateScope: MandateScope;
  coordinatorIds: readonly string[];
  /** Months until the contracts end (one-off groupement); null when permanent. */
  durationMonths: number | null;
  /** Procedure costs shared pro rata of the maxima. */
  procedureCostCents: Cents;
  withdrawalNoticeMonths: number;
}

/** Everything one member's assembly pack is composed from. */
export interface AssemblyPackInput {
  /** Date of the analysis the pack is drawn from (also the date legal references are read at). */
  at: IsoDate;
  groupement: PackGroupement;
  /** Every member, in member order, as in the convention annex. */
  annex: readonly PackAnnexRow[];
  /** The member the pack is for. */
  memberId: string;
  /** Its own needs in the family. */
  needs: readonly PackNeedLine[];
  /** The analysed opportunity; null when today's analysis no longer finds it. The pack reads only this member's figures from it. */
  opportunity: AnalysedOpportunity | null;
  /** CGCT L1414-3 for this membership, and the commission the convention retains. */
  commission: TenderCommissionResult;
  tenderCommission: TenderCommission;
  /**
   * Who reads the pack. The member's own amounts, unit prices and savings are written only for a
   * viewer the disclosure rule lets read them (the member itself, the territory's staff); a
   * coordinator preparing another member's pack gets it with those figures withheld.
   */
  viewer: DisclosureViewer;
}
