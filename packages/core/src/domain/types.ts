import type { DecpFlag, DecpFlagReviews } from '../decp/decp-flag';
import type { UnitCode } from '../units/units';

/** ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = string;
/** Money in integer euro cents, excluding VAT (HT). */
export type Cents = number;

export const ORGANIZATION_KINDS = [
  'departement',
  'region',
  'commune',
  'epci',
  'hospital',
  'state',
  'other_public',
  'sme',
  'large_company',
  'association',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Kinds that are public buyers (acheteurs) under the Code de la commande publique. */
export const PUBLIC_BUYER_KINDS: readonly OrganizationKind[] = [
  'departement',
  'region',
  'commune',
  'epci',
  'hospital',
  'state',
  'other_public',
];
/** Local authorities (collectivités territoriales and their groupings): they need a deliberation to join a groupement. */
export const LOCAL_AUTHORITY_KINDS: readonly OrganizationKind[] = ['departement', 'region', 'commune', 'epci'];

export interface Organization {
  id: string;
  name: string;
  /** 14 digits, Luhn-checked (La Poste exception). */
  siret: string;
  kind: OrganizationKind;
  /** INSEE code of the commune of the establishment. */
  inseeCode: string;
  /** Derived from the INSEE code. */
  departementCode: string;
  regionCode: string;
  /** SIREN of the EPCI à fiscalité propre the commune belongs to, when any. */
  epciSiren: string | null;
  /** Fictional data of a demo territory. */
  isDemo: boolean;
}

/** How far apart members of one opportunity may be. */
export type PoolingScope =
  | { kind: 'territory' }
  | { kind: 'region' }
  | { kind: 'departement' }
  | { kind: 'epci' }
  | { kind: 'distance'; km: number };

export interface Territory {
  id: string;
  slug: string;
  name: string;
  poolingScope: PoolingScope;
  isDemo: boolean;
}

export const NEED_CONFIDENCES = ['firm', 'estimated', 'indicative'] as const;
/** How sure the buyer is of the forecast: firm (committed), estimated, indicative. */
export type NeedConfidence = (typeof NEED_CONFIDENCES)[number];

export const NEED_STATUSES = ['confirmed', 'proposed', 'rejected'] as const;
/** `proposed` needs come from imported award data and await their buyer's confirmation. */
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_SOURCES = ['manual', 'spreadsheet', 'decp'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

/** One line of a member's census of needs ("recensement des besoins"), per year. */
export interface Need {
  id: string;
  organizationId: string;
  /** 8-digit CPV 2008 code, without check digit. */
  cpvCode: string;
  label: string;
  /** Annual quantity, null when only an amount is known. */
  quantity: number | null;
  unit: UnitCode | null;
  /** For `box`/`pack` units: how many units one holds. */
  unitsPerPack: number | null;
  /** Unit price excluding VAT, in integer cents per stated unit (per ream, per tonne, per box). */
  unitPriceCents: Cents | null;
  /** Annual amount excluding VAT; when not given, quantity × unit price. */
  annualAmountCents: Cents;
  amountIsDerived: boolean;
  /** INSEE codes of the communes to deliver to. */
  deliveryCommunes: string[];
  /** CSR requirements (clauses sociales / environnementales, labels). */
  csrRequirements: string[];
  /** Quality requirements, free text. */
  qualityRequirements: string;
  confidence: NeedConfidence;
  status: NeedStatus;
  source: NeedSource;
  /** Identifier in the source (DECP id, spreadsheet row). */
  sourceRef: string | null;
}

export const CONTRACT_NATURES = ['marche', 'accord_cadre'] as const;
export type ContractNature = (typeof CONTRACT_NATURES)[number];

/** A contract a member is currently bound by; its end dates drive calendar alignment. */
export interface RunningContract {
  id: string;
  organizationId: string;
  reference: string;
  cpvCode: string;
  label: string;
  holderSiret: string | null;
  holderName: string | null;
  notificationDate: IsoDate | null;
  startDate: IsoDate;
  /** Firm initial period, in months. */
  durationMonths: number;
  /** Number of optional renewals (reconductions) and the length of each. */
  renewalCount: number;
  renewalMonths: number;
  /** Months of notice before a renewal date to decide not to renew. */
  noticeMonths: number;
  /** Renewals already exercised (the current period is the initial one when 0). */
  renewalsUsed: number;
  /** Total amount of a marché, or maximum of an accord-cadre, over the whole duration. */
  amountCents: Cents | null;
  nature: ContractNature;
  source: 'manual' | 'decp';
  /** DECP natural key (buyer SIRET + id) when imported. */
  decpId: string | null;
  /**
   * Why an imported contract's dates, amount or holders differ from the record as first published
   * (`explainDecpProvenance`: amendments, estimated start), one French sentence each; empty for most.
   */
  decpProvenance: string[];
  /**
   * What the DECP import could not take at face value (undated, invalid identifiers, CPV 2003,
   * anomalous amount…), each flag explained by `explainDecpFlag`; absent or empty for most.
   */
  decpFlags?: DecpFlag[];
  /** The facilitator's confirmations of flags, by flag code (see `decpFlagStatus`). */
  decpFlagReviews?: DecpFlagReviews;
  /** DECP `offresRecues`: bids the contract drew; null or absent when not published. */
  offersReceived?: number | null;
}

export const COMPETENCE_KINDS = ['process', 'skill', 'equipment'] as const;
export type CompetenceKind = (typeof COMPETENCE_KINDS)[number];

/** A term of the controlled, editable vocabulary of what firms can do. */
export interface Competence {
  code: string;
  labelFr: string;
  kind: CompetenceKind;
}

export interface SupplierProduct {
  cpvCode: string;
  label: string;
  annualCapacity: number;
  unit: UnitCode;
}

/** A firm of the territory: what it sells and what it can do. */
export interface SupplierProfile {
  organizationId: string;
  nafCodes: string[];
  competences: string[];
  products: SupplierProduct[];
  deliveryRadiusKm: number;
  certifications: string[];
  isSme: boolean;
  description: string;
}

export const MANDATE_SCOPES = ['procedure', 'procedure_signature', 'procedure_signature_execution'] as const;
/** What members entrust to the coordinator (L2113-7): the procedure only, + signature and notification, + execution. */
export type MandateScope = (typeof MANDATE_SCOPES)[number];

export const GROUPEMENT_STATUSES = [
  'draft',
  'convention_drafted',
  'signed',
  'launched',
  'awarded',
  'running',
  'closed',
  'renewed',
] as const;
export type GroupementStatus = (typeof GROUPEMENT_STATUSES)[number];

/** Who decides who joins a groupement: the territory's facilitator, or its coordinator when the convention says so. */
export const ADMISSION_DECIDERS = ['facilitator', 'coordinator'] as const;
export type AdmissionDecider = (typeof ADMISSION_DECIDERS)[number];

export interface Groupement {
  id: string;
  territoryId: string;
  name: string;
  familyId: string;
  memberIds: string[];
  coordinatorIds: string[];
  mandateScope: MandateScope;
  status: GroupementStatus;
  isPermanent: boolean;
  /** Who decides admissions (requests to join, members added); written in the convention. */
  admissionsBy: AdmissionDecider;
}

/** A purchase family: a CPV level of the hierarchy or a named set of CPV codes plus keywords. */
export interface PurchaseFamily {
  id: string;
  /** Null for families shipped with the product. */
  territoryId: string | null;
  name: string;
  /** CPV codes (8 digits); a code covers everything under it in the hierarchy. */
  cpvCodes: string[];
  /** Lower-case keywords that pull a need into the family from its label. */
  keywords: string[];
  /** Volume elasticity b of the unit price p(V) = p_ref × (V/V_ref)^(−b). */
  elasticity: { low: number; central: number; high: number; provenance: string };
}

export const ROLES = ['facilitator', 'member', 'supplier', 'observer'] as const;
/** facilitator runs a territory; member buys for one organization; supplier edits its firm; observer reads. */
export type Role = (typeof ROLES)[number];
