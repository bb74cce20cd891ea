import type { Cents, IsoDate, OrganizationKind } from '../domain/types';
import { DomainError } from '../errors/domain-error';
import { formatEuros } from '../pooling/format-euros';
import { type ContractTerm, estimateValue, totalTermMonths } from './estimate-value';
import { PROCEDURE_LABELS_FR, type ProcedureKind, procedureRank } from './procedure-kind';
import { findThresholdVersion, type Threshold, type ThresholdTable, type ThresholdVersion } from './threshold-table';

/** A member of the groupement as the resolver sees it. */
export interface ProcedureMember {
  organizationId: string;
  kind: OrganizationKind;
  annualAmountCents: Cents;
}

export interface ResolveProcedureOptions {
  members: readonly ProcedureMember[];
  term: ContractTerm;
  /** Date the consultation is launched (notice sent): the thresholds of that date apply (R2121-3). */
  launchDate: IsoDate;
  table: ThresholdTable;
  /** Works (CPV division 45) use the works thresholds. */
  isWorks: boolean;
}

/** A member whose own purchase alone would follow a lighter procedure than the pooled one. */
export interface CrossedMember {
  organizationId: string;
  aloneKind: ProcedureKind;
  aloneValueCents: Cents;
}

export interface ProcedureResult {
  kind: ProcedureKind;
  labelFr: string;
  /** Articles of the Code de la commande publique that ground the decision. */
  articles: string[];
  thresholdVersionId: string;
  estimatedValueCents: Cents;
  formalisedThresholdCents: Cents;
  /** Which formalised threshold applied; `state` for State-only or mixed groupements. */
  formalisedBasis: 'state' | 'local' | 'works';
  isMixedStateLocal: boolean;
  thresholdCrossed: { isCrossed: boolean; members: CrossedMember[] };
  /** True when a threshold used is flagged [VERIFY] in the research notes. */
  needsVerification: boolean;
  explanation: string;
}

type Basis = ProcedureResult['formalisedBasis'];

function formalisedThreshold(version: ThresholdVersion, basis: Basis): Threshold {
  if (basis === 'works') return version.formalisedWorks;
  return basis === 'state' ? version.formalisedState : version.formalisedLocal;
}

function classify(value: Cents, version: ThresholdVersion, basis: Basis): { kind: ProcedureKind; used: Threshold[] } {
  const dispense = basis === 'works' ? version.dispenseWorks : version.dispenseSupplies;
  const formalised = formalisedThreshold(version, basis);
  // R2122-8: dispense when the value is strictly below the threshold; L2124-1: formalised from the threshold on.
  if (value < dispense.amountCents) return { kind: 'dispense', used: [dispense] };
  if (value >= formalised.amountCents) return { kind: 'formalised', used: [formalised] };
  if (value >= version.publicity.amountCents) return { kind: 'mapa_publicity', used: [version.publicity, formalised] };
  return { kind: 'mapa', used: [dispense, version.publicity] };
}

const ARTICLES: Record<ProcedureKind, string[]> = {
  dispense: ['R2121-1', 'R2122-8'],
  mapa: ['R2121-1', 'R2123-1', 'R2131-12'],
  mapa_publicity: ['R2121-1', 'R2123-1', 'R2131-12'],
  formalised: ['R2121-1', 'L2124-1', 'R2124-1', 'R2124-2', 'R2131-16'],
};

/** Chooses the procedure of a pooled purchase from its estimated value and the thresholds in force at launch. */
export function resolveProcedure({ members, term, launchDate, table, isWorks }: ResolveProcedureOptions): ProcedureResult {
  const version = findThresholdVersion(table, launchDate);
  if (!version) {
    throw DomainError.validation('Aucune version de seuils ne couvre la date de lancement.', [
      { field: 'thresholdTable', reason: `aucune version en vigueur le ${launchDate}` },
    ]);
  }
  const hasState = members.some((m) => m.kind === 'state');
  const isMixedStateLocal = hasState && members.some((m) => m.kind !== 'state');
  // Mixed groupements apply the stricter (lower) State threshold: the State member may not exceed its own.
  const basis: Basis = isWorks ? 'works' : hasState ? 'state' : 'local';
  const annual = members.reduce((sum, m) => sum + m.annualAmountCents, 0);
  const estimatedValueCents = estimateValue(annual, term);
  const pooled = classify(estimatedValueCents, version, basis);
  const pooledRank = procedureRank(pooled.kind);
  const crossed: CrossedMember[] = [];
  for (const m of members) {
    const ownBasis: Basis = isWorks ? 'works' : m.kind === 'state' ? 'state' : 'local';
    const aloneValueCents = estimateValue(m.annualAmountCents, term);
    const alone = classify(aloneValueCents, version, ownBasis).kind;
    if (procedureRank(alone) < pooledRank) crossed.push({ organizationId: m.organizationId, aloneKind: alone, aloneValueCents });
  }
  const formalised = formalisedThreshold(version, basis);
  const needsVerification = pooled.used.some((u) => u.verify);
  const parts = [
    `Valeur estimée ${formatEuros(estimatedValueCents)} HT : besoins annuels de tous les membres sur ${totalTermMonths(term)} mois reconductions comprises (R2121-1${term.nature === 'accord_cadre' ? ', maximum de l’accord-cadre R2121-8' : ''}).`,
    `Seuils « ${version.id} » applicables à la date de lancement ${launchDate} (R2121-3) : ${PROCEDURE_LABELS_FR[pooled.kind]}.`,
  ];
  if (isMixedStateLocal)
    parts.push(
      `Groupement mixte État et autres acheteurs : le seuil le plus strict (État, ${formatEuros(formalised.amountCents)}) est retenu.`,
    );
  if (crossed.length > 0)
    parts.push(
      crossed.length > 1
        ? `${crossed.length} membres passent à une procédure plus lourde qu’en achetant seuls.`
        : '1 membre passe à une procédure plus lourde qu’en achetant seul.',
    );
  if (needsVerification) parts.push('Seuil à vérifier au Journal officiel avant usage définitif.');
  return {
    kind: pooled.kind,
    labelFr: PROCEDURE_LABELS_FR[pooled.kind],
    articles: ARTICLES[pooled.kind],
    thresholdVersionId: version.id,
    estimatedValueCents,
    formalisedThresholdCents: formalised.amountCents,
    formalisedBasis: basis,
    isMixedStateLocal,
    thresholdCrossed: { isCrossed: crossed.length > 0, members: crossed },
    needsVerification,
    explanation: parts.join(' '),
  };
}

export interface ProcedureKindOfValueOptions {
  valueCents: Cents;
  /** Date the thresholds are read at (launch of that purchase, R2121-3). */
  date: IsoDate;
  table: ThresholdTable;
  buyerKind: OrganizationKind;
  isWorks: boolean;
}

/** The procedure one buyer follows for a purchase of this value alone (e.g. a bridge contract), or null when no threshold version covers the date. */
export function procedureKindOfValue({
  valueCents,
  date,
  table,
  buyerKind,
  isWorks,
}: ProcedureKindOfValueOptions): { kind: ProcedureKind; thresholdVersionId: string; formalisedThresholdCents: Cents } | null {
  const version = findThresholdVersion(table, date);
  if (!version) return null;
  const basis: Basis = isWorks ? 'works' : buyerKind === 'state' ? 'state' : 'local';
  return {
    kind: classify(valueCents, version, basis).kind,
    thresholdVersionId: version.id,
    formalisedThresholdCents: formalisedThreshold(version, basis).amountCents,
  };
}
