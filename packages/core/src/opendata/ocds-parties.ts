import { getCpv } from '../cpv/cpv-catalog';
import type { IsoDate, Organization } from '../domain/types';
import { DomainError } from '../errors/domain-error';
import { getCommune } from '../geo/communes';
import type { OpenDataGroupement } from './open-data-input';
import type { OcdsItem, OcdsOrganizationReference, OcdsParty, OcdsPartyRole, OcdsPeriod, OcdsValue } from './ocds-types';

/**
 * Organization identifier scheme. org-id.guide has no SIRET list; its FR-RCS entry (SIRENE numbers) is what
 * the French ministry's own DECP→OCDS converter (139bercy/decp-rama) uses with the 14-digit SIRET as `id`,
 * so we follow that precedent for buyers and suppliers alike, public bodies included.
 */
export const FRENCH_ORG_SCHEME = 'FR-RCS';

/** Party id from a SIRET: "FR-RCS-21670482500019". */
export function ocdsPartyId(siret: string): string {
  return `${FRENCH_ORG_SCHEME}-${siret}`;
}

export function ocdsReference(org: Pick<Organization, 'siret' | 'name'>): OcdsOrganizationReference {
  return { id: ocdsPartyId(org.siret), name: org.name };
}

export function ocdsParty(org: Pick<Organization, 'siret' | 'name'> & Partial<Organization>, roles: OcdsPartyRole[]): OcdsParty {
  const commune = org.inseeCode ? getCommune(org.inseeCode) : undefined;
  return {
    ...ocdsReference(org),
    identifier: { scheme: FRENCH_ORG_SCHEME, id: org.siret, legalName: org.name },
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
