// Local mirror of the HTTP API shapes (docs/api-routes.md) until @mutualis/contract exports them.

export type Role = 'facilitator' | 'member' | 'supplier' | 'observer';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface RoleGrant {
  role: Role;
  territoryId: string;
  territorySlug: string;
  territoryName: string;
  organizationId: string | null;
  organizationName: string | null;
}

export interface Session {
  user: SessionUser;
  roles: RoleGrant[];
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type OrganizationKind =
  | 'departement'
  | 'region'
  | 'commune'
  | 'epci'
  | 'hospital'
  | 'state'
  | 'other_public'
  | 'sme'
  | 'large_company'
  | 'association';

export interface Organization {
  id: string;
  name: string;
  siret: string;
  kind: OrganizationKind;
  inseeCode: string;
  departementCode: string;
}

export interface Territory {
  id: string;
  slug: string;
  name: string;
}

export interface TerritoryOverview {
  territory: Territory;
  members: { organization: Organization; needsCount: number; annualAmountCents: number | null }[];
  families: { code: string; label: string; needsCount: number; annualAmountCents: number; organizationsCount: number }[];
  totals: { needsCount: number; annualAmountCents: number; organizationsCount: number };
}

export type NeedConfidence = 'firm' | 'estimated' | 'indicative';
export type NeedStatus = 'confirmed' | 'proposed' | 'rejected';
export type NeedSource = 'manual' | 'spreadsheet' | 'decp';

export interface Need {
  id: string;
  organizationId: string;
  cpvCode: string;
  /** French label of the CPV code, when the server joins it. */
  cpvLabelFr?: string | null;
  label: string;
  quantity: number | null;
  unit: string | null;
  unitsPerPack: number | null;
  unitPriceCents: number | null;
  annualAmountCents: number | null;
  amountIsDerived: boolean;
  deliveryCommunes: string[];
  csrRequirements: string[];
  qualityRequirements: string;
  confidence: NeedConfidence;
  status: NeedStatus;
  source: NeedSource;
  sourceRef: string | null;
}

/** Body of POST /api/needs and PATCH /api/needs/:id. */
export interface NeedInput {
  organizationId: string;
  cpvCode: string;
  label: string;
  quantity: number | null;
  unit: string | null;
  unitsPerPack: number | null;
  unitPriceCents: number | null;
  /** Null lets the server derive quantity × unit price. */
  annualAmountCents: number | null;
  deliveryCommunes: string[];
  csrRequirements: string[];
  qualityRequirements: string;
  confidence: NeedConfidence;
}

export interface CpvEntry {
  code: string;
  checkDigit: string | number;
  labelFr: string;
  labelEn: string;
}

export interface Commune {
  code: string;
  name: string;
  departementCode: string;
}

export interface ApiIssue {
  field: string;
  reason: string;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: { issues?: ApiIssue[] } & Record<string, unknown>;
}
