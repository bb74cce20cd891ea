import { addMonths } from '../calendar/iso-date';
import type {
  IsoDate,
  Need,
  NeedConfidence,
  Organization,
  OrganizationKind,
  RunningContract,
  SupplierProduct,
  SupplierProfile,
} from '../domain/types';
import { DomainError } from '../errors';
import { getCommune } from '../geo';
import { buildSiret } from '../identity';
import type { UnitCode } from '../units';

/*
 * Builders of demo records. Every SIRET is fictional: built with `buildSiret` from a SIREN prefix
 * starting with 9 that we choose per organization, so it passes the Luhn checks without being a
 * real establishment.
 */

export interface DemoOrganizationOptions {
  id: string;
  name: string;
  kind: OrganizationKind;
  inseeCode: string;
  /** 8 digits; the ninth (Luhn) digit of the SIREN is computed. */
  sirenPrefix: string;
}

/** A demo organization located in a real commune; département, région and EPCI come from the COG. */
export function demoOrganization({ id, name, kind, inseeCode, sirenPrefix }: DemoOrganizationOptions): Organization {
  const commune = getCommune(inseeCode);
  if (!commune)
    throw DomainError.validation(`Commune inconnue pour ${id}`, [{ field: 'inseeCode', reason: `code INSEE ${inseeCode} inconnu` }]);
  return {
    id,
    name,
    siret: buildSiret(sirenPrefix, '0001'),
    kind,
    inseeCode,
    departementCode: commune.departementCode,
    regionCode: commune.regionCode,
    epciSiren: commune.epciSiren,
    isDemo: true,
  };
}

export interface DemoFirmOptions extends DemoOrganizationOptions {
  nafCodes: string[];
  competences: string[];
  products: SupplierProduct[];
  deliveryRadiusKm: number;
  certifications?: string[];
  description: string;
}

/** A local firm: its organization and its supplier profile. */
export function demoFirm(options: DemoFirmOptions): { organization: Organization; profile: SupplierProfile } {
  const { nafCodes, competences, products, deliveryRadiusKm, certifications = [], description, ...org } = options;
  const organization = demoOrganization(org);
  return {
    organization,
    profile: {
      organizationId: organization.id,
      nafCodes,
      competences,
      products,
      deliveryRadiusKm,
      certifications,
      isSme: organization.kind === 'sme',
      description,
    },
  };
}

export interface DemoNeedOptions {
  id: string;
  organization: Organization;
  cpvCode: string;
  label: string;
  /** Quantity and unit price (cents per unit); the annual amount is derived from them. */
  quantity?: { value: number; unit: UnitCode; unitPriceCents: number; unitsPerPack?: number };
  /** Annual amount in cents when only an amount is known. */
  annualAmountCents?: number;
  deliveryCommunes?: string[];
  csrRequirements?: string[];
  qualityRequirements?: string;
  confidence?: NeedConfidence;
}

/** A confirmed demo need; the annual amount is quantity × unit price unless only an amount is given. */
export function demoNeed(options: DemoNeedOptions): Need {
  const { id, organization, cpvCode, label, quantity, deliveryCommunes, csrRequirements = [], qualityRequirements = '' } = options;
  const annualAmountCents = quantity ? quantity.value * quantity.unitPriceCents : options.annualAmountCents;
  if (annualAmountCents === undefined)
    throw DomainError.validation(`Besoin ${id} sans montant`, [{ field: 'annualAmountCents', reason: 'quantité ou montant requis' }]);
  return {
    id,
    organizationId: organization.id,
    cpvCode,
    label,
    quantity: quantity?.value ?? null,
    unit: quantity?.unit ?? null,
    unitsPerPack: quantity?.unitsPerPack ?? null,
    unitPriceCents: quantity?.unitPriceCents ?? null,
    annualAmountCents,
    amountIsDerived: quantity !== undefined,
    deliveryCommunes: deliveryCommunes ?? [organization.inseeCode],
    csrRequirements,
    qualityRequirements,
    confidence: options.confidence ?? 'estimated',
    status: 'confirmed',
    source: 'manual',
    sourceRef: null,
  };
}

export interface DemoContractOptions {
  id: string;
  need: Need;
  reference: string;
  holder: { name: string; siret: string };
  now: IsoDate;
  /** The current period ends on the first day of the month this many months after `now`. */
  endInMonths: number;
  durationMonths: number;
  renewalCount: number;
  renewalMonths: number;
  renewalsUsed: number;
}

/** A running accord-cadre for a need, dated backwards from the end of its current period. */
export function demoContract(options: DemoContractOptions): RunningContract {
  const { id, need, reference, holder, now, endInMonths, durationMonths, renewalCount, renewalMonths, renewalsUsed } = options;
  const currentEnd = firstOfMonth(addMonths(now, endInMonths));
  const startDate = addMonths(currentEnd, -(durationMonths + renewalsUsed * renewalMonths));
  const totalMonths = durationMonths + renewalCount * renewalMonths;
  return {
    id,
    organizationId: need.organizationId,
    reference: `${reference}-${startDate.slice(0, 4)}`,
    cpvCode: need.cpvCode,
    label: need.label,
    holderSiret: holder.siret,
    holderName: holder.name,
    notificationDate: addMonths(startDate, -1),
    startDate,
    durationMonths,
    renewalCount,
    renewalMonths,
    noticeMonths: renewalCount === 0 ? 0 : renewalMonths >= 12 ? 4 : 2,
    renewalsUsed,
    // Accord-cadre maximum over the whole duration, renewals included (R2121-1).
    amountCents: Math.round((need.annualAmountCents * totalMonths) / 12),
    nature: 'accord_cadre',
    source: 'manual',
    decpId: null,
    decpProvenance: [],
  };
}

export { addMonths } from '../calendar/iso-date';

function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}
