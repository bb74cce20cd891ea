import type { IsoDate, Organization } from '../domain/types';
import type { FieldIssue } from '../errors/domain-error';
import type { AwardEssentialData, DecpContractInput, DecpLieuTypeCode } from './decp-types';
import type { AwardedLot, DecpProcedure, OpenDataGroupement } from './open-data-input';

export interface BuildDecpContractsOptions {
  groupements: readonly OpenDataGroupement[];
  /** Date the data are published (the export): after every notification. */
  publicationDate: IsoDate;
}

export interface DecpContractsResult {
  contracts: DecpContractInput[];
  /** Awarded lots that cannot be published yet, each naming what is missing. */
  missing: FieldIssue[];
}

/**
 * The DECP 2024 contracts of the awarded lots: one marché per lot, its acheteur the coordinator that
 * ran the procedure (arrêté du 22 décembre 2022: « le mandataire » for a groupement), its amount the
 * lot's value over its duration, its holders, dates and the essential data recorded with the award.
 * A lot without essential data, or notified after the publication date, is listed in `missing`.
 */
export function buildDecpContracts({ groupements, publicationDate }: BuildDecpContractsOptions): DecpContractsResult {
  const contracts: DecpContractInput[] = [];
  const missing: FieldIssue[] = [];
  groupements.forEach((input, g) => {
    const coordinator = input.organizations.find((o) => o.id === input.groupement.coordinatorIds[0]);
    input.lots.forEach((lot, l) => {
      const field = `groupements.${g}.lots.${l}`;
      const where = `Lot « ${lot.title} » du groupement « ${input.groupement.name} »`;
      const data = lot.essentialData;
      if (!data) {
        missing.push({
          field: `${field}.essentialData`,
          reason: `${where} : données essentielles à compléter (date de notification, nombre d’offres reçues, types de prix, CCAG, avance, sous-traitance, considérations sociales et environnementales).`,
        });
        return;
      }
      if (data.notifiedOn > publicationDate) {
        missing.push({
          field: `${field}.essentialData.notifiedOn`,
          reason: `${where} : notifié le ${data.notifiedOn}, il sera publié après.`,
        });
        return;
      }
      if (!coordinator || input.procedure === null) {
        missing.push({ field: `${field}`, reason: `${where} : coordonnateur ou procédure inconnus.` });
        return;
      }
      contracts.push(toContract({ input, lot, index: l, coordinator, publicationDate, data, procedure: input.procedure }));
    });
  });
  return { contracts, missing };
}

interface ContractParts {
  input: OpenDataGroupement;
  lot: AwardedLot;
  index: number;
  coordinator: Organization;
  publicationDate: IsoDate;
  data: AwardEssentialData;
  procedure: DecpProcedure;
}

function toContract({ input, lot, index, coordinator, publicationDate, data, procedure }: ContractParts): DecpContractInput {
  const isUnit = lot.priceKind === 'unit';
  return {
    id: decpMarcheId(input.groupement.id, input.procedureNumber ?? 1, index),
    coordinatorSiret: coordinator.siret,
    object: `${input.groupement.name} — ${lot.title}`.slice(0, 1000),
    cpvCode: lot.cpvCode,
    procedure,
    isFrameworkAgreement: lot.isFrameworkAgreement,
    executionModes: lot.isFrameworkAgreement && isUnit ? ['Bons de commande'] : [],
    ccag: data.ccag,
    offersReceived: data.offersReceived,
    isInnovative: data.isInnovative,
    advanceGranted: data.advanceGranted,
    operatorGrouping: data.operatorGrouping,
    executionPlace: executionPlaceOf(input),
    durationMonths: lot.durationMonths,
    notificationDate: data.notifiedOn,
    publicationDate,
    amountCents: lot.valueCents,
    priceTypes: data.priceTypes,
    priceForm: isUnit ? 'Unitaire' : 'Forfaitaire',
    subcontractingDeclared: data.subcontractingDeclared,
    holderSirets: [lot.supplier.siret],
    socialConsiderations: data.socialConsiderations,
    environmentalConsiderations: data.environmentalConsiderations,
  };
}

/**
 * The buyer's internal number of a lot's marché (1 to 16 characters, stable): the groupement id's
 * first 8 characters, the procedure number and the lot's rank — « 3f2a9c1e-1-2 ».
 */
export function decpMarcheId(groupementId: string, procedureNumber: number, lotIndex: number): string {
  const stem = groupementId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
  return `${stem}-${procedureNumber}-${lotIndex + 1}`.slice(0, 16);
}

/** Principal place of execution: the members' commune, else département, else région, else France. */
function executionPlaceOf(input: OpenDataGroupement): { code: string; typeCode: DecpLieuTypeCode } {
  const members = input.organizations.filter((o) => input.groupement.memberIds.includes(o.id));
  const shared = (f: (o: Organization) => string) => {
    const values = new Set(members.map(f));
    return values.size === 1 ? [...values][0] : undefined;
  };
  const commune = shared((o) => o.inseeCode);
  if (commune) return { code: commune, typeCode: 'Code commune' };
  const departement = shared((o) => o.departementCode);
  if (departement) return { code: departement, typeCode: 'Code département' };
  const region = shared((o) => o.regionCode);
  if (region) return { code: region, typeCode: 'Code région' };
  return { code: 'FR', typeCode: 'Code pays' };
}
