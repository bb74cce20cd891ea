import type { IsoDate } from '../domain/types';
import { formatDateFr } from '../calendar/iso-date';
import type { ProcedureKind } from '../procedure/procedure-kind';

/** How one member of an opportunity fares as its coordinator. */
export interface CoordinatorCandidateView {
  organizationId: string;
  name: string;
  share: number;
  hasExperience: boolean;
  /** Has a CAO the convention can designate, where the procedure needs one. */
  hasUsableCao: boolean;
  /** Can act at launch: enters on the start date and deliberates before the launch. */
  isEligible: boolean;
  /** Why it cannot coordinate, in French; null when eligible. */
  ineligibleReason: string | null;
  /** Null when not eligible (not scored). */
  score: number | null;
  /** Workload of the other groupements the proposal gives it. */
  loadElsewhere: number;
  /** Families of those other groupements. */
  coordinatesElsewhere: string[];
}

/** The proposal for one opportunity, how it was weighed, and how it compares with the coordinator retained. */
export interface CoordinatorProposal {
  /** What Mutualis proposes, ignoring any choice of the facilitator. */
  organizationId: string;
  name: string;
  candidates: CoordinatorCandidateView[];
  /** True when the facilitator retained another member. */
  differsFromChoice: boolean;
  /** The explanation's sentences: the facilitator's choice, the proposal, the runner-up, who cannot act at launch, the weighting. */
  reasons: string[];
  explanation: string;
}

export interface ExplainCoordinatorOptions {
  candidates: readonly CoordinatorCandidateView[];
  proposedId: string;
  chosen: { organizationId: string; isOverride: boolean };
  procedureKind: ProcedureKind;
  weights: { experienceBonus: number; caoBonus: number; workloadWeights: Record<ProcedureKind, number> };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;
const decimal = (x: number) => x.toFixed(2).replace('.', ',');

function scoreParts(c: CoordinatorCandidateView, weights: ExplainCoordinatorOptions['weights']): string {
  const parts = [`part ${percent(c.share)}`];
  if (c.hasExperience) parts.push(`+${decimal(weights.experienceBonus)} (marché en cours de la famille)`);
  if (c.hasUsableCao) parts.push(`+${decimal(weights.caoBonus)} (sa CAO peut être désignée, CGCT L1414-3 II)`);
  return `score ${decimal(c.score ?? 0)} = ${parts.join(' ')}`;
}

function elsewhere(c: CoordinatorCandidateView): string {
  return c.coordinatesElsewhere.length === 0
    ? 'ne coordonne aucun autre groupement'
    : `coordonne déjà ${c.coordinatesElsewhere.map((f) => `« ${f} »`).join(', ')} (charge ${c.loadElsewhere})`;
}

function overrideSentence(
  candidates: readonly CoordinatorCandidateView[],
  chosen: ExplainCoordinatorOptions['chosen'],
  proposedId: string,
) {
  if (!chosen.isOverride) return null;
  if (chosen.organizationId === proposedId)
    return 'Coordonnateur retenu par l’animateur du territoire, conforme à la proposition de Mutualis.';
  const retained = candidates.find((c) => c.organizationId === chosen.organizationId);
  const caveat = retained && !retained.isEligible ? ` ; attention : ${retained.ineligibleReason}` : '';
  return `Coordonnateur retenu par l’animateur du territoire : ${retained?.name ?? chosen.organizationId}${caveat}. La proposition de Mutualis diffère.`;
}

/** Why the proposed member coordinates, in sentences a buyer can repeat: the facilitator's choice, the runner-up, who cannot act at launch, the weights. */
export function explainCoordinator({ candidates, proposedId, chosen, procedureKind, weights }: ExplainCoordinatorOptions): string[] {
  const proposed = candidates.find((c) => c.organizationId === proposedId);
  if (!proposed) return [];
  const w = weights.workloadWeights;
  const sentences: string[] = [];
  const override = overrideSentence(candidates, chosen, proposedId);
  if (override) sentences.push(override);
  sentences.push(`Mutualis propose ${proposed.name} : ${scoreParts(proposed, weights)} ; ${elsewhere(proposed)}.`);
  const best = candidates
    .filter((c) => c.isEligible && c.score !== null)
    .reduce<CoordinatorCandidateView | undefined>((b, c) => (b === undefined || (c.score ?? 0) > (b.score ?? 0) ? c : b), undefined);
  if (best && best.organizationId !== proposed.organizationId && (best.score ?? 0) > (proposed.score ?? 0))
    sentences.push(
      `${best.name} a un meilleur score (${decimal(best.score ?? 0)}) mais ${elsewhere(best)} : la charge est mieux répartie ainsi.`,
    );
  const ineligible = candidates.filter((c) => !c.isEligible);
  if (ineligible.length > 0)
    sentences.push(`Écartés de la proposition : ${ineligible.map((c) => `${c.name} (${c.ineligibleReason})`).join(' ; ')}.`);
  sentences.push(
    `Pondération : la part du montant mutualisé, +${decimal(weights.experienceBonus)} pour un marché en cours de la famille, +${decimal(weights.caoBonus)} pour une CAO propre quand l’appel d’offres en exige une ; la proposition retient, sur tout le territoire, l’affectation qui minimise la charge du membre le plus chargé (appel d’offres ${w.formalised}, MAPA avec publicité ${w.mapa_publicity}, MAPA ${w.mapa}, dispense ${w.dispense} ; ici ${w[procedureKind]}) moins la somme des scores.`,
  );
  return sentences;
}

/** Why a member cannot coordinate from the launch: it enters after the start. */
export function deferredEntryReason(joinDate: IsoDate): string {
  return `n’entre dans l’accord-cadre que le ${formatDateFr(joinDate)}, après le démarrage`;
}
