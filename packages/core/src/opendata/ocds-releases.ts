import type { DecpProcedure, OpenDataGroupement } from './open-data-input';
import {
  contractPeriod,
  cpvItem,
  euros,
  findOrganization,
  groupementParties,
  ocdsDateTime,
  ocdsParty,
  ocdsReference,
  procurementCategory,
} from './ocds-parties';
import type { OcdsContract, OcdsRelease, OcdsTender } from './ocds-types';

/**
 * French procedures onto the closed OCDS method codelist: a MAPA is published, so open; restricted,
 * negotiated and competitive dialogue admit selected candidates; without publicity means limited.
 */
const METHOD_BY_PROCEDURE: Record<DecpProcedure, NonNullable<OcdsTender['procurementMethod']>> = {
  'Procédure adaptée': 'open',
  "Appel d'offres ouvert": 'open',
  "Appel d'offres restreint": 'selective',
  'Procédure avec négociation': 'selective',
  'Marché passé sans publicité ni mise en concurrence préalable': 'limited',
  'Dialogue compétitif': 'selective',
};

function baseRelease(input: OpenDataGroupement, ocid: string) {
  const lead = findOrganization(input, input.groupement.coordinatorIds[0] ?? '');
  const tender: OcdsTender = {
    id: input.groupement.id,
    title: input.groupement.name,
    status: input.lots.length > 0 ? 'complete' : 'planning',
    procuringEntity: ocdsReference(lead),
    items: input.family.cpvCodes.map((code, i) => cpvItem(String(i + 1), code)),
    mainProcurementCategory: procurementCategory(input.family.cpvCodes[0] ?? ''),
    ...(input.procedure === null
      ? {}
      : { procurementMethod: METHOD_BY_PROCEDURE[input.procedure], procurementMethodDetails: input.procedure }),
  };
  return { ocid, initiationType: 'tender' as const, language: 'fr' as const, buyer: ocdsReference(lead), tender };
}

/** The planning release of a groupement: members, coordinator and estimated value. */
export function buildPlanningRelease(input: OpenDataGroupement, ocid: string): OcdsRelease {
  const base = baseRelease(input, ocid);
  return {
    ...base,
    id: `${ocid}-planning`,
    date: ocdsDateTime(input.planningDate),
    tag: ['planning'],
    parties: groupementParties(input),
    planning: {
      rationale: `Groupement de commandes « ${input.groupement.name} » (articles L2113-6 à L2113-8 du Code de la commande publique), famille d’achat « ${input.family.name} ».`,
      budget: {
        id: `${input.groupement.id}-estimation`,
        description: 'Valeur estimée du besoin mutualisé sur toute la durée, hors taxes (R2121-1)',
        amount: euros(input.estimatedValueCents),
      },
    },
    tender: { ...base.tender, status: 'planning', value: euros(input.estimatedValueCents) },
  };
}

/** The award and contract release of an awarded groupement: one award per lot, contracts per the mandate. */
export function buildAwardRelease(input: OpenDataGroupement, ocid: string): OcdsRelease {
  const base = baseRelease(input, ocid);
  const lastAward = [...input.lots.map((l) => l.notificationDate)].sort().at(-1) ?? input.planningDate;
  const suppliers = new Map(input.lots.map((lot) => [lot.supplier.siret, lot.supplier]));
  return {
    ...base,
    id: `${ocid}-award`,
    date: ocdsDateTime(lastAward),
    tag: ['award', 'contract'],
    parties: [...groupementParties(input), ...[...suppliers.values()].map((s) => ocdsParty(s, ['supplier']))],
    awards: input.lots.map((lot) => ({
      id: lot.id,
      title: lot.title,
      status: 'active',
      date: ocdsDateTime(lot.awardDate),
      value: euros(lot.valueCents),
      suppliers: [ocdsReference(lot.supplier)],
      items: [cpvItem('1', lot.cpvCode)],
      contractPeriod: contractPeriod(lot.notificationDate, lot.durationMonths),
    })),
    contracts: input.lots.flatMap((lot) => lotContracts(input, lot.id)),
  };
}

/**
 * Mandate "procedure only" (model A): each member signs its own contract for its share, so one OCDS
 * contract per member, tagged with that member as contract buyer. Otherwise the coordinator signs one
 * contract for all members (models B and C).
 */
function lotContracts(input: OpenDataGroupement, lotId: string): OcdsContract[] {
  const lot = input.lots.find((l) => l.id === lotId);
  if (!lot) return [];
  const common = {
    awardID: lot.id,
    status: 'active' as const,
    dateSigned: ocdsDateTime(lot.notificationDate),
    period: contractPeriod(lot.notificationDate, lot.durationMonths),
  };
  if (input.groupement.mandateScope !== 'procedure') {
    return [{ ...common, id: lot.id, title: lot.title, value: euros(lot.valueCents) }];
  }
  return lot.memberShares.map((share) => {
    const member = findOrganization(input, share.organizationId);
    return {
      ...common,
      id: `${lot.id}-${member.siret}`,
      title: `${lot.title} — ${member.name}`,
      value: euros(share.valueCents),
      buyer: ocdsReference(member),
    };
  });
}
