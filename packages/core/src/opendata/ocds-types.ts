/** The subset of OCDS 1.1 that Mutualis publishes (release schema 1.1.5). */
export type OcdsPartyRole = 'buyer' | 'procuringEntity' | 'supplier' | 'payer';

export interface OcdsIdentifier {
  scheme: string;
  id: string;
  legalName: string;
}

export interface OcdsOrganizationReference {
  id: string;
  name: string;
}

export interface OcdsParty extends OcdsOrganizationReference {
  identifier: OcdsIdentifier;
  address?: { locality?: string; postalCode?: string; region?: string; countryName: string };
  roles: OcdsPartyRole[];
}

export interface OcdsValue {
  amount: number;
  currency: 'EUR';
}

export interface OcdsPeriod {
  startDate: string;
  endDate: string;
  durationInDays: number;
}

export interface OcdsItem {
  id: string;
  description: string;
  classification: { scheme: 'CPV'; id: string; description: string };
}

export interface OcdsTender {
  id: string;
  title: string;
  status: 'planning' | 'planned' | 'complete';
  procuringEntity: OcdsOrganizationReference;
  items: OcdsItem[];
  value?: OcdsValue;
  mainProcurementCategory: 'goods' | 'works' | 'services';
  procurementMethod?: 'open' | 'selective' | 'limited' | 'direct';
  procurementMethodDetails?: string;
}

export interface OcdsAward {
  id: string;
  title: string;
  status: 'active';
  date: string;
  value: OcdsValue;
  suppliers: OcdsOrganizationReference[];
  items: OcdsItem[];
  contractPeriod: OcdsPeriod;
}

export interface OcdsContract {
  id: string;
  awardID: string;
  title: string;
  status: 'active';
  value: OcdsValue;
  dateSigned: string;
  period: OcdsPeriod;
  /**
   * Not in OCDS 1.1 core: the member that signs and pays this contract when each member signs its own
   * (mandate "procedure only"). Modelled like a contract-level `buyer`; the member is also a party with role buyer.
   */
  buyer?: OcdsOrganizationReference;
}

export interface OcdsRelease {
  ocid: string;
  id: string;
  date: string;
  tag: ('planning' | 'award' | 'contract')[];
  initiationType: 'tender';
  language: 'fr';
  parties: OcdsParty[];
  buyer: OcdsOrganizationReference;
  planning?: { rationale: string; budget: { id: string; description: string; amount: OcdsValue } };
  tender: OcdsTender;
  awards?: OcdsAward[];
  contracts?: OcdsContract[];
}

export interface OcdsReleasePackage {
  uri: string;
  version: '1.1';
  publishedDate: string;
  publisher: { name: string; scheme?: string; uid?: string };
  license: string;
  publicationPolicy?: string;
  releases: OcdsRelease[];
}
