import { getCpv } from '../cpv/cpv-catalog';
import type { IsoDate, Organization, OrganizationKind } from '../domain/types';
import { sirenOf } from '../identity/siret';
import { DomainError } from '../errors/domain-error';
import { getCommune } from '../geo/communes';
import type { OpenDataGroupement } from './open-data-input';
import type { OcdsItem, OcdsOrganizationReference, OcdsParty, OcdsPartyRole, OcdsPeriod, OcdsValue } from './ocds-types';

/**
 * Companies: org-id.guide's FR-RCS list (Registre du commerce et des sociétés, checked 2026-12-06,
 * entry updated 2025-02-05), whose identifier is the SIREN of the registered legal unit.
 */
export const COMPANY_ORG_SCHEME = 'FR-RCS';
/**
 * Public bodies and associations are not registered at the RCS: their SIREN comes from INSEE's SIRENE
 * register (ISO 6523 ICD 0002). org-id.guide lists no live code for it (FR-INSEE is deprecated, FR-COA
 * has no French codes), so, as the OCDS guidance allows, Mutualis publishes under its own code
 * FR-SIRENE, which collides with no org-id.guide list and is described in docs/open-data.md.
 */
export const SIRENE_ORG_SCHEME = 'FR-SIRENE';

/** The identifier scheme of an organization of that kind; an economic operator of unknown kind is a company. */
export function organizationScheme(kind: OrganizationKind | undefined): string {
  return kind === undefined || kind === 'sme' || kind === 'large_company' ? COMPANY_ORG_SCHEME : SIRENE_ORG_SCHEME;
}

type Identified = Pick<Organization, 'siret' | 'name'> & { kind?: OrganizationKind };

/**
 * Party id `{scheme}-{SIREN}-{NIC}` (the OCDS form scheme-id-department): the legal unit, then the
 * establishment, which the DECP names by its SIRET. « FR-SIRENE-216704825-00019 ».
 */
export function ocdsPartyId(org: Identified): string {
  return `${organizationScheme(org.kind)}-${sirenOf(org.siret)}-${org.siret.slice(9)}`;
}

export function ocdsReference(org: Identified): OcdsOrganizationReference {
  return { id: ocdsPartyId(org), name: org.name };
}

export function ocdsParty(org: Identified & Partial<Organization>, roles: OcdsPartyRole[]): OcdsParty {
  const commune = org.inseeCode ? getCommune(org.inseeCode) : undefined;
  return {
    ...ocdsReference(org),
    identifier: { scheme: organizationScheme(org.kind), id: sirenOf(org.siret), legalName: org.name },
    address: commune ? { locality: commune.name, countryName: 'France' } : { countryName: 'France' },
    roles,
  };
}

/** Members are buyers; coordinators are procuring entities (and payers when they also execute, model C). */
export function groupementParties(input: OpenDataGroupement): OcdsParty[] {
  const { groupement } = input;
  const ids = [...new Set([...groupement.coordinatorIds, ...groupement.memberIds])];
  return ids.map((id) => {
    const org = findOrganization(input, id);
    const roles: OcdsPartyRole[] = [];
    if (groupement.memberIds.includes(id)) roles.push('buyer');
    if (groupement.coordinatorIds.includes(id)) {
      roles.push('procuringEntity');
      if (groupement.mandateScope === 'procedure_signature_execution') roles.push('payer');
    }
    return ocdsParty(org, roles);
  });
}

export function findOrganization(input: OpenDataGroupement, id: string): Organization {
  const org = input.organizations.find((o) => o.id === id);
  if (!org) {
    throw DomainError.validation('Organisation absente des données du groupement.', [
      { field: 'organizations', reason: `L’organisation ${id} du groupement ${input.groupement.name} n’est pas fournie.` },
    ]);
  }
  return org;
}

export function cpvItem(id: string, cpvCode: string): OcdsItem {
  const label = getCpv(cpvCode)?.labelFr ?? cpvCode;
  return { id, description: label, classification: { scheme: 'CPV', id: cpvCode, description: label } };
}

/** CPV division 45 is works; divisions 50 to 98 are services; the rest are supplies. */
export function procurementCategory(cpvCode: string): 'goods' | 'works' | 'services' {
  const division = Number(cpvCode.slice(0, 2));
  if (division === 45) return 'works';
  return division >= 50 ? 'services' : 'goods';
}

export function euros(cents: number): OcdsValue {
  return { amount: cents / 100, currency: 'EUR' };
}

/** OCDS dates are date-times; French civil dates are published at midnight UTC. */
export function ocdsDateTime(date: IsoDate): string {
  return `${date}T00:00:00Z`;
}

export function contractPeriod(start: IsoDate, months: number): OcdsPeriod {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(d, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const end = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const durationInDays = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(y, m - 1, d)) / 86_400_000);
  return { startDate: ocdsDateTime(start), endDate: ocdsDateTime(end), durationInDays };
}
