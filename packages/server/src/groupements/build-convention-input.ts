import {
  canDisclose,
  conventionMaximumOf,
  DomainError,
  type DisclosureViewer,
  getCommune,
  type Need,
  type Organization,
  type OrganizationKind,
  resolveTenderCommission,
  STAFF_VIEWER,
  UNITS,
} from '@mutualis/core';
import type { ConventionInput, ConventionParty } from '../files';
import { estimatedAmountOf, type GroupementDossier } from './load-groupement-dossier';

/** Placeholder written where the convention needs a name the database does not hold. */
export const SIGNATORY_PLACEHOLDER = '[nom du signataire]';

const SEAT: Partial<Record<OrganizationKind, string>> = {
  commune: 'Hôtel de ville',
  departement: 'Hôtel du Département',
  region: 'Hôtel de Région',
  epci: 'Siège communautaire',
  hospital: 'Direction générale',
};

/**
 * The office that signs, named as the statutes name it (CGCT L2122-21 maire, L3221-1 président du conseil
 * départemental, L4231-1 président du conseil régional, L5211-9 président de l'EPCI; CSP L6143-7 directeur): an
 * office name, whoever holds it.
 */
const SIGNATORY_TITLE: Partial<Record<OrganizationKind, string>> = {
  commune: 'maire',
  departement: 'président du conseil départemental',
  region: 'président du conseil régional',
  epci: 'président de l’établissement public de coopération intercommunale',
  hospital: 'directeur de l’établissement',
  state: 'représentant de l’État',
};

/** Months of a one-off groupement when the analysis cannot tell (a four-year accord-cadre, R2162-4). */
const DEFAULT_DURATION_MONTHS = 48;

/**
 * Builds the convention constitutive of a stored groupement. What the database does not hold
 * (street address, signatory) defaults from the organization (its seat in its commune, the
 * usual title of its kind); deliberations stay null until the lifecycle records them. Each
 * member's quantities and maximum are convention figures (core's disclosure rule): every
 * signatory reads them, nobody else.
 */
export function buildConventionInput(dossier: GroupementDossier, viewer: DisclosureViewer = STAFF_VIEWER): ConventionInput {
  const { groupement, family, members, opportunity } = dossier;
  const readable = members.every((m) =>
    canDisclose(viewer, { kind: 'convention', organizationId: m.id, signatoryIds: groupement.memberIds }),
  );
  if (!readable) throw new DomainError('forbidden', 'La convention n’est remise qu’aux membres du groupement qui la signent.');
  const coordinator = members.find((m) => groupement.coordinatorIds.includes(m.id));
  const annual = opportunity?.annualAmountCents ?? 0;
  // CGCT L1414-3 read for this membership and the (first) coordinator, at the analysis date.
  const commission = resolveTenderCommission({
    members: members.map((o) => ({ organizationId: o.id, name: o.name, kind: o.kind })),
    coordinatorId: coordinator?.id ?? '',
    at: dossier.analysis.result.now,
  });
  const memberIds = new Set(members.map((m) => m.id));
  return {
    name: groupement.name,
    object: `l’achat de fournitures et services de la famille « ${family.name} » pour les besoins propres de chacun des membres.`,
    family: { name: family.name, cpvCodes: family.cpvCodes },
    parties: members.map((organization) =>
      partyOf(organization, conventionMaximumOf(estimatedAmountOf(dossier, organization.id)), quantitiesOf(dossier, organization.id)),
    ),
    coordinatorIds: groupement.coordinatorIds,
    mandateScope: groupement.mandateScope,
    tenderCommission: commission.proposed,
    commission,
    entries:
      opportunity?.calendar.members
        .filter((e) => memberIds.has(e.organizationId))
        .map((e) => ({ organizationId: e.organizationId, joinDate: e.joinDate, isAtStart: e.wave === 'start' })) ?? null,
    isPermanent: groupement.isPermanent,
    durationMonths: groupement.isPermanent
      ? null
      : opportunity && annual > 0
        ? Math.round((opportunity.estimatedValueCents / annual) * 12)
        : DEFAULT_DURATION_MONTHS,
    withdrawalNoticeMonths: 3,
    procedureCostCents: 0,
    signaturePlace: coordinator ? communeName(coordinator) : '',
    admissionsBy: groupement.admissionsBy,
  };
}

function partyOf(organization: Organization, maximumCents: number, annualQuantities: string): ConventionParty {
  return {
    organization,
    address: SEAT[organization.kind] ?? 'Siège',
    signatoryName: SIGNATORY_PLACEHOLDER,
    signatoryTitle: SIGNATORY_TITLE[organization.kind] ?? 'représentant légal',
    deliberation: null,
    estimatedAmountCents: maximumCents,
    annualQuantities,
  };
}

/** A member's yearly quantities of the opportunity's needs, summed per stated unit: « 120 t ; 40 ramette (500 feuilles) ». */
function quantitiesOf(dossier: GroupementDossier, organizationId: string): string {
  const needIds = new Set(dossier.opportunity?.members.find((m) => m.organizationId === organizationId)?.needIds ?? []);
  const byUnit = new Map<NonNullable<Need['unit']>, number>();
  for (const need of dossier.analysis.data.needs) {
    if (!needIds.has(need.id) || need.quantity === null || need.unit === null) continue;
    byUnit.set(need.unit, (byUnit.get(need.unit) ?? 0) + need.quantity);
  }
  return [...byUnit.entries()]
    .map(([unit, quantity]) => `${frenchNumber(quantity)} ${UNIT_SHORT[unit] ?? UNITS[unit].labelFr}`)
    .join(' ; ');
}

/** 1234.5 → « 1 234,5 » with plain spaces (safe for every font of the PDF), at most three decimals. */
function frenchNumber(value: number): string {
  const [whole = '0', decimals] = String(Math.round(value * 1000) / 1000).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}${decimals ? `,${decimals}` : ''}`;
}

/** Units written by their symbol in the annex; the others by their French name. */
const UNIT_SHORT: Partial<Record<NonNullable<Need['unit']>, string>> = {
  g: 'g',
  kg: 'kg',
  t: 't',
  mL: 'mL',
  L: 'L',
  m3: 'm³',
  m2: 'm²',
  km: 'km',
};

function communeName(organization: Organization): string {
  return getCommune(organization.inseeCode)?.name ?? organization.inseeCode;
}
