import type { Cents, Groupement, IsoDate, Organization, OrganizationKind, PurchaseFamily } from '../domain/types';
import type { AwardEssentialData } from './decp-types';

/** The six award procedures of the DECP 2024 format (arrêté du 22 décembre 2022). */
export const DECP_PROCEDURES = [
  'Procédure adaptée',
  "Appel d'offres ouvert",
  "Appel d'offres restreint",
  'Procédure avec négociation',
  'Marché passé sans publicité ni mise en concurrence préalable',
  'Dialogue compétitif',
] as const;
export type DecpProcedure = (typeof DECP_PROCEDURES)[number];

/** One lot of a groupement once awarded and notified. */
export interface AwardedLot {
  /** Lot identifier, unique within the groupement ("1", "2"…). */
  id: string;
  title: string;
  cpvCode: string;
  /** The holder; `kind` when it is an organization known to Mutualis (else a company, FR-RCS). */
  supplier: { siret: string; name: string; kind?: OrganizationKind };
  /** Total value, or maximum for an accord-cadre, excluding VAT. */
  valueCents: Cents;
  awardDate: IsoDate;
  /** Signature and notification date, start of the contract period. */
  notificationDate: IsoDate;
  durationMonths: number;
  isFrameworkAgreement: boolean;
  /** Each member's share of the lot; one contract per member when the members sign their own (mandate "procedure"). */
  memberShares: readonly { organizationId: string; valueCents: Cents }[];
  /** Unit prices (bons de commande) or a lump sum. */
  priceKind?: 'unit' | 'amount';
  /** The DECP 2024 data the award decision does not say; null until recorded. */
  essentialData?: AwardEssentialData | null;
}

/** A groupement as published in open data: its members, forecast value and, once awarded, its lots. */
export interface OpenDataGroupement {
  groupement: Groupement;
  family: Pick<PurchaseFamily, 'name' | 'cpvCodes'>;
  /** At least every member and coordinator of the groupement. */
  organizations: readonly Organization[];
  /** Estimated value of the need over the whole duration (R2121-1), excluding VAT. */
  estimatedValueCents: Cents;
  /** Date the planning information was recorded. */
  planningDate: IsoDate;
  procedure: DecpProcedure | null;
  /** Empty until the groupement is awarded. */
  lots: readonly AwardedLot[];
  /** Number of the procedure the lots belong to (1 for the first; a relaunch is a new procedure). */
  procedureNumber?: number;
}
