import type { ProcedureKind } from '../procedure/procedure-kind';

/** Lead times of a groupement, in days, each with the reason for its default. */
export interface LeadTimes {
  /** From today to the deliberations of the members' assemblies. */
  deliberationDays: number;
  /** From the last deliberation to the signature of the convention constitutive. */
  deliberationToConventionDays: number;
  /** From the convention signature to the launch of the consultation (notice sent). */
  conventionToLaunchDays: number;
  /** From the launch to the award (notification), per procedure kind. */
  procedureDays: Record<ProcedureKind, number>;
  /** From the award to the start of execution. */
  awardToStartDays: number;
  provenance: Record<string, string>;
}

/** Default lead times (editable parameters; provenance shown to users). */
export const DEFAULT_LEAD_TIMES: LeadTimes = {
  deliberationDays: 90,
  deliberationToConventionDays: 15,
  conventionToLaunchDays: 15,
  procedureDays: { dispense: 30, mapa: 60, mapa_publicity: 75, formalised: 120 },
  awardToStartDays: 30,
  provenance: {
    deliberationDays:
      'Hypothèse Mutualis : un conseil municipal se réunit au moins une fois par trimestre (CGCT L2121-7) ; la convention exige une délibération (CE 25 avr. 1994 Région d’Aquitaine).',
    deliberationToConventionDays: 'Hypothèse : transmission au contrôle de légalité puis signature (CGCT L2131-1).',
    conventionToLaunchDays: 'La convention doit être en vigueur avant le lancement de la procédure (L2113-7) ; marge de 15 jours.',
    procedureDays:
      'Hypothèses : MAPA 60 à 75 jours (délai adapté, R2123-1, R2131-12) ; appel d’offres ouvert 120 jours (réception des offres 35 jours R2161-2, analyse, CAO, délai de suspension 11 jours R2182-1).',
    awardToStartDays: 'Hypothèse : notification, mise au point des commandes et réception des premières livraisons.',
  },
};

/** Total days from now to the earliest start under a procedure kind. */
export function totalLeadDays(leadTimes: LeadTimes, kind: ProcedureKind): number {
  return (
    leadTimes.deliberationDays +
    leadTimes.deliberationToConventionDays +
    leadTimes.conventionToLaunchDays +
    leadTimes.procedureDays[kind] +
    leadTimes.awardToStartDays
  );
}
