import type { Cents } from '../domain/types';
import { countFr } from '../french/count-fr';
import { formatEuros } from '../pooling/format-euros';
import type { ProcedureKind } from '../procedure/procedure-kind';

/** Procedures a groupement can spare a member, lightest first (a purchase under the dispense threshold needs none, R2122-8). */
export const AVOIDABLE_PROCEDURE_KINDS = ['mapa', 'mapa_publicity', 'formalised'] as const satisfies readonly ProcedureKind[];
export type AvoidableProcedureKind = (typeof AVOIDABLE_PROCEDURE_KINDS)[number];

/** A buyer's internal cost of running one procedure of each kind, in cents. */
export type ProcedureCosts = Readonly<Record<AvoidableProcedureKind, Cents>>;

/**
 * Published direct costs for the buyer, in agent-days valued at one daily cost: a procédure adaptée takes 19 days
 * and 3 162 € of direct costs (T. Beaugé, 2011), i.e. 166,42 € a day; a formalised procedure 22 days (European
 * Commission, SEC(2011) 853), 22 × 3 162 / 19 = 3 661 €. Both cited by the French Senate, rapport d'information
 * n° 82 (2015-2016), part III « Réduire le coût de la procédure ». Euros of 2011, not indexed; indirect costs
 * (about 3 000 € per procedure in the same source, "largely conventional") are left out.
 */
export const DEFAULT_PROCEDURE_COSTS: ProcedureCosts = {
  mapa: 316_200,
  mapa_publicity: 316_200,
  formalised: 366_100,
};

/** Where the default costs come from, as the savings explanation cites it. */
export const PROCEDURE_COSTS_SOURCE_FR = 'Sénat, rapport d’information n° 82 (2015-2016)';

export const PROCEDURE_COSTS_PROVENANCE_FR = `Coûts directs publiés d’une procédure pour l’acheteur : procédure adaptée 19 jours-agent, ${formatEuros(DEFAULT_PROCEDURE_COSTS.mapa)} (T. Beaugé, 2011) ; procédure formalisée 22 jours-agent (Commission européenne, SEC(2011) 853), valorisés au même coût journalier de 166 € : ${formatEuros(DEFAULT_PROCEDURE_COSTS.formalised)}. Chiffres cités par le ${PROCEDURE_COSTS_SOURCE_FR}, « Réduire le coût de la procédure ». Euros de 2011 non actualisés ; coûts indirects (environ 3 000 € selon la même source) non comptés. Modifiable.`;

/** Short French name of an avoided procedure, singular and plural, for the savings explanation. */
export const AVOIDED_PROCEDURE_FR: Record<AvoidableProcedureKind, { one: string; many: string }> = {
  mapa: { one: 'procédure adaptée', many: 'procédures adaptées' },
  mapa_publicity: { one: 'procédure adaptée avec publicité', many: 'procédures adaptées avec publicité' },
  formalised: { one: 'procédure formalisée', many: 'procédures formalisées' },
};

/** « 2 procédures adaptées avec publicité à 3 162 € » (the count and the name agree). */
export function avoidedProceduresFr(count: number, kind: AvoidableProcedureKind): string {
  const name = AVOIDED_PROCEDURE_FR[kind];
  return countFr(count, name.one, name.many);
}

/** Procedures of one kind a groupement avoids in a cycle. */
export interface AvoidedProcedures {
  kind: AvoidableProcedureKind;
  count: number;
  unitCostCents: Cents;
}

/** « 1 procédure adaptée à 3 162 €, 2 procédures formalisées à 3 661 € », money written by `formatMoney`. */
export function avoidedProceduresListFr(
  avoided: readonly AvoidedProcedures[],
  formatMoney: (cents: Cents) => string = formatEuros,
): string {
  return avoided.map((a) => `${avoidedProceduresFr(a.count, a.kind)} à ${formatMoney(a.unitCostCents)}`).join(', ');
}
