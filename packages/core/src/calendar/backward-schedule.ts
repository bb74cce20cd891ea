import { ofNameFr } from '../french/name-with-article-fr';
import type { IsoDate, OrganizationKind } from '../domain/types';
import { LOCAL_AUTHORITY_KINDS } from '../domain/types';
import type { ProcedureKind } from '../procedure/procedure-kind';
import { addDays } from './iso-date';
import type { LeadTimes } from './lead-times';

export const SCHEDULE_STEPS = ['deliberation', 'convention_signed', 'consultation_launch', 'award', 'start'] as const;
export type ScheduleStepKind = (typeof SCHEDULE_STEPS)[number];

/** One dated milestone of the backward schedule; `organizationId` is set for a member's deliberation. */
export interface ScheduleStep {
  step: ScheduleStepKind;
  date: IsoDate;
  organizationId: string | null;
  labelFr: string;
}

export interface BackwardScheduleOptions {
  startDate: IsoDate;
  procedureKind: ProcedureKind;
  leadTimes: LeadTimes;
  members: readonly { organizationId: string; name: string; kind: OrganizationKind }[];
}

/** Plans the groupement backwards from its start: deliberations → convention → launch → award → start. */
export function backwardSchedule({ startDate, procedureKind, leadTimes, members }: BackwardScheduleOptions): ScheduleStep[] {
  const award = addDays(startDate, -leadTimes.awardToStartDays);
  const launch = addDays(award, -leadTimes.procedureDays[procedureKind]);
  // L2113-7: the convention must be signed by every member before the consultation is launched.
  const convention = addDays(launch, -leadTimes.conventionToLaunchDays);
  const deliberation = addDays(convention, -leadTimes.deliberationToConventionDays);
  // Local authorities sign only after a deliberation of their assembly (CE 25 avr. 1994, Région d’Aquitaine);
  // other members (a hospital's director, a State service) by a decision of their competent body, on the same date.
  const deliberations = members.map(
    (m): ScheduleStep => ({
      step: 'deliberation',
      date: deliberation,
      organizationId: m.organizationId,
      labelFr: LOCAL_AUTHORITY_KINDS.includes(m.kind)
        ? `Délibération de l’assemblée ${ofNameFr(m.name)} approuvant la convention constitutive`
        : `Décision de l’organe compétent ${ofNameFr(m.name)} approuvant la convention constitutive`,
    }),
  );
  return [
    ...deliberations,
    {
      step: 'convention_signed',
      date: convention,
      organizationId: null,
      labelFr: 'Signature de la convention constitutive par tous les membres',
    },
    { step: 'consultation_launch', date: launch, organizationId: null, labelFr: 'Lancement de la consultation (envoi de l’avis)' },
    { step: 'award', date: award, organizationId: null, labelFr: 'Attribution et notification du marché' },
    { step: 'start', date: startDate, organizationId: null, labelFr: 'Début d’exécution du marché mutualisé' },
  ];
}
