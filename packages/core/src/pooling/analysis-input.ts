import { DEFAULT_LEAD_TIMES, type LeadTimes } from '../calendar/lead-times';
import type { CpvLevel } from '../cpv/cpv-code';
import type { Cents, IsoDate, Need, Organization, PurchaseFamily, RunningContract, Territory } from '../domain/types';
import { type ContractTerm, DEFAULT_CONTRACT_TERM } from '../procedure/estimate-value';
import type { ProcedureKind } from '../procedure/procedure-kind';
import { THRESHOLD_TABLE, type ThresholdTable } from '../procedure/threshold-table';
import { DEFAULT_PROCEDURE_COSTS, PROCEDURE_COSTS_PROVENANCE_FR, type ProcedureCosts } from '../savings/procedure-costs';
import type { Elasticity } from '../savings/savings-calibrations';
import type { Position } from './resolve-cells';
import { DEFAULT_MAX_POOLING_SPAN_KM } from './split-wide-cells';

/** Parameters of the coordinator proposal. */
export interface CoordinatorParameters {
  /** Weight of the score (share, experience) against the maximum workload. */
  lambda: number;
  /** Score bonus of a member holding a running contract in the family. */
  experienceBonus: number;
  /** Score bonus of a member whose own CAO the convention can designate, where the procedure needs a CAO (CGCT L1414-2, L1414-3 II). */
  caoBonus: number;
  /** Workload of coordinating one procedure of each kind. */
  workloadWeights: Record<ProcedureKind, number>;
  /** Opportunity id → organization id imposed as coordinator (hard constraint). */
  overrides: Record<string, string>;
  /**
   * Search budget of the exact branch and bound, in nodes. Beyond it the best assignment found
   * is kept and the result says `node_limit` (not proven optimal) instead of `optimal`.
   */
  nodeLimit: number;
}

/** Every tunable of an analysis; defaults in DEFAULT_ANALYSIS_PARAMETERS. */
export interface AnalysisParameters {
  familyLevel: CpvLevel;
  toleranceDays: number;
  quorumShare: number;
  leadTimes: LeadTimes;
  /** Cost of one procedure of each kind, avoided once per contract cycle by each member that would have needed one. */
  procedureCosts: ProcedureCosts;
  /** Cost of coordinating one pooled procedure cycle, borne by the coordinator. */
  coordinationCostCents: Cents;
  thresholdTable: ThresholdTable;
  /** Family key → elasticity replacing the default. */
  elasticityOverrides: Record<string, Elasticity>;
  contractTerm: ContractTerm;
  coordinator: CoordinatorParameters;
  /** Largest distance between two buyers of one `territory` or `region` zone; beyond, the zone pools per département. */
  maxPoolingSpanKm: number;
}

/** Everything an analysis of a territory needs, as plain data. */
export interface AnalysisInput {
  /** Its `poolingScope` decides the cells; for a multi-département territory the caller chooses it (`departement` pools per département). */
  territory: Territory;
  organizations: readonly Organization[];
  needs: readonly Need[];
  runningContracts: readonly RunningContract[];
  families: readonly PurchaseFamily[];
  parameters?: Partial<AnalysisParameters>;
  now: IsoDate;
  /** Leave proposed (unconfirmed) needs out. */
  confirmedOnly: boolean;
  /** [lon, lat] per organization id for the `distance` scope; default: département centroid. */
  positions?: Readonly<Record<string, Position>>;
  /** Scenario « reporte » : months by which an organization postpones its entry. */
  postponements?: Readonly<Record<string, number>>;
}

/** Default parameters with their provenance in PARAMETER_PROVENANCE. */
export const DEFAULT_ANALYSIS_PARAMETERS: AnalysisParameters = {
  familyLevel: 'class',
  toleranceDays: 60,
  quorumShare: 0.5,
  leadTimes: DEFAULT_LEAD_TIMES,
  procedureCosts: DEFAULT_PROCEDURE_COSTS,
  coordinationCostCents: 150_000,
  thresholdTable: THRESHOLD_TABLE,
  elasticityOverrides: {},
  contractTerm: DEFAULT_CONTRACT_TERM,
  coordinator: {
    lambda: 1,
    experienceBonus: 0.5,
    caoBonus: 0.25,
    workloadWeights: { dispense: 1, mapa: 2, mapa_publicity: 3, formalised: 5 },
    overrides: {},
    nodeLimit: 20_000,
  },
  maxPoolingSpanKm: DEFAULT_MAX_POOLING_SPAN_KM,
};

/** Why each default has its value (shown next to the editable parameter). */
export const PARAMETER_PROVENANCE: Record<string, string> = {
  familyLevel: 'Classe CPV (4 chiffres) : niveau usuel d’une nomenclature d’achats homogène (R2121-6).',
  toleranceDays:
    'Hypothèse : un membre dont le marché peut finir avant le démarrage le reconduit jusqu’à une échéance tombant au plus deux mois après, plutôt que de passer un marché relais ; aucun membre n’entre avant la fin qu’il peut atteindre de son marché.',
  quorumShare: 'Hypothèse : démarrer dès que la moitié de la valeur mutualisée peut entrer.',
  procedureCosts: `${PROCEDURE_COSTS_PROVENANCE_FR} Évité une fois par cycle de marché par chaque membre qui aurait dû passer seul cette procédure.`,
  coordinationCostCents:
    'Hypothèse de modélisation modifiable : surcoût de coordination d’une procédure groupée (recensement, convention, analyse pour tous), 1 500 € par cycle, à la charge du coordonnateur.',
  maxPoolingSpanKm:
    'Hypothèse Mutualis : au-delà de 200 km entre deux acheteurs, livraisons, coordination et entreprises locales ne sont plus communes ; un territoire plus étendu (région, pays) est regroupé par département.',
  contractTerm: 'Accord-cadre d’un an reconductible trois fois, maximum à 120 % du besoin estimé (R2121-8).',
  coordinator:
    'Candidats : les membres qui entrent au démarrage et délibèrent avant le lancement. Score : part du montant mutualisé, +0,5 s’il a un marché en cours de la famille, +0,25 si sa propre CAO peut être désignée quand un appel d’offres l’exige (CGCT L1414-2, L1414-3 II). Poids de charge par procédure : 1 dispense, 2 MAPA, 3 MAPA avec publicité, 5 appel d’offres ; la proposition minimise la charge du membre le plus chargé moins la somme des scores. Recherche exacte bornée à 20 000 nœuds : au-delà, la meilleure affectation trouvée est proposée, signalée « non prouvée optimale ».',
};

/** Merges partial parameters over the defaults (one level deep for the coordinator). */
export function resolveAnalysisParameters(partial: Partial<AnalysisParameters> = {}): AnalysisParameters {
  return {
    ...DEFAULT_ANALYSIS_PARAMETERS,
    ...partial,
    coordinator: { ...DEFAULT_ANALYSIS_PARAMETERS.coordinator, ...partial.coordinator },
  };
}
