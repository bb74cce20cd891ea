import { DomainError } from '../errors/domain-error';

/** A member that may coordinate an opportunity. */
export interface CoordinatorCandidate {
  organizationId: string;
  siret: string;
  /** Share of the opportunity's pooled amount, 0..1. */
  share: number;
  /** Holds a running contract in the family (knows the purchase and the market). */
  hasExperience: boolean;
  /** Has a CAO the convention can designate where the procedure needs one (CGCT L1414-2, L1414-3 II). */
  hasUsableCao?: boolean;
}

/** One groupement to coordinate. */
export interface CoordinatorTask {
  opportunityId: string;
  /** Workload of coordinating it (by procedure complexity). */
  weight: number;
  candidates: readonly CoordinatorCandidate[];
}

export interface ProposeCoordinatorsOptions {
  tasks: readonly CoordinatorTask[];
  lambda: number;
  experienceBonus: number;
  /** Score bonus of a candidate with a usable CAO (default 0). */
  caoBonus?: number;
  /** Opportunity id → imposed coordinator; must be one of its candidates. */
  overrides: Readonly<Record<string, string>>;
  /** Search budget; beyond it the best assignment found is returned with status `node_limit`. */
  nodeLimit?: number;
}

export interface CoordinatorAssignment {
  opportunityId: string;
  organizationId: string;
  siret: string;
  score: number;
  isOverride: boolean;
}

export interface ProposeCoordinatorsResult {
  /** `optimal` when the branch and bound finished: the objective is the exact minimum. */
  status: 'optimal' | 'node_limit';
  assignments: CoordinatorAssignment[];
  /** Workload per organization that coordinates something. */
  loads: Record<string, number>;
  maxLoad: number;
  /** maxLoad − λ × Σ scores. */
  objective: number;
  nodes: number;
}

interface Prepared {
  task: CoordinatorTask;
  /** Candidate organization index and score, after dominance reduction. */
  options: { org: number; score: number; candidate: CoordinatorCandidate }[];
  isOverride: boolean;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A candidate's score: its share, plus the experience bonus, plus the CAO bonus where they apply. */
export function coordinatorScore(
  candidate: CoordinatorCandidate,
  { experienceBonus, caoBonus = 0 }: Pick<ProposeCoordinatorsOptions, 'experienceBonus' | 'caoBonus'>,
): number {
  return candidate.share + (candidate.hasExperience ? experienceBonus : 0) + (candidate.hasUsableCao ? caoBonus : 0);
}

function prepare(input: ProposeCoordinatorsOptions, orgIndex: Map<string, number>): Prepared[] {
  const { tasks, overrides } = input;
  const taskCount = new Map<string, number>();
  for (const t of tasks) for (const c of t.candidates) taskCount.set(c.organizationId, (taskCount.get(c.organizationId) ?? 0) + 1);
  return [...tasks]
    .sort((a, b) => byId(a.opportunityId, b.opportunityId))
    .map((task): Prepared => {
      const forced = overrides[task.opportunityId];
      const scored = [...task.candidates]
        .sort((a, b) => byId(a.organizationId, b.organizationId))
        .map((candidate) => ({
          org: orgIndex.get(candidate.organizationId) as number,
          score: coordinatorScore(candidate, input),
          candidate,
        }));
      if (forced !== undefined) {
        const chosen = scored.filter((s) => s.candidate.organizationId === forced);
        if (chosen.length === 0)
          throw DomainError.validation('Coordonnateur imposé hors du groupement.', [
            { field: `coordinator.overrides.${task.opportunityId}`, reason: `${forced} n’est pas membre de cette opportunité` },
          ]);
        return { task, options: chosen.slice(0, 1), isOverride: true };
      }
      if (scored.length === 0)
        throw DomainError.validation('Opportunité sans membre.', [{ field: `tasks.${task.opportunityId}`, reason: 'aucun candidat' }]);
      // Members that coordinate nothing else are interchangeable but for their score: keep the best one.
      const exclusive = scored.filter((s) => taskCount.get(s.candidate.organizationId) === 1);
      const bestExclusive = exclusive.reduce<(typeof scored)[number] | undefined>(
        (best, s) => (!best || s.score > best.score ? s : best),
        undefined,
      );
      const options = scored.filter((s) => taskCount.get(s.candidate.organizationId) !== 1 || s === bestExclusive);
      return { task, options, isOverride: false };
    });
}

/**
 * Chooses one coordinator per opportunity minimising max workload − λ × Σ score (score = share +
 * experience bonus + CAO bonus), by exact branch and bound. L2113-7 allows one coordinator per family.
 */
export function proposeCoordinators(options: ProposeCoordinatorsOptions): ProposeCoordinatorsResult {
  const { lambda, nodeLimit = 2_000_000 } = options;
  const orgIds = [...new Set(options.tasks.flatMap((t) => t.candidates.map((c) => c.organizationId)))].sort(byId);
  const orgIndex = new Map(orgIds.map((id, i) => [id, i]));
  const prepared = prepare(options, orgIndex).sort((a, b) => b.task.weight - a.task.weight || a.options.length - b.options.length);
  const m = prepared.length;
  const suffixScore = new Float64Array(m + 1);
  for (let i = m - 1; i >= 0; i -= 1)
    suffixScore[i] = (suffixScore[i + 1] as number) + Math.max(...(prepared[i] as Prepared).options.map((o) => o.score));
  const loads = new Float64Array(orgIds.length);
  const choice = new Int32Array(m);
  let best = Number.POSITIVE_INFINITY;
  let bestChoice = new Int32Array(m);
  let nodes = 0;
  const lowerLoad = (i: number, curMax: number): number => {
    let bound = curMax;
    for (let j = i; j < m; j += 1) {
      const p = prepared[j] as Prepared;
      let least = Number.POSITIVE_INFINITY;
      for (const o of p.options) least = Math.min(least, (loads[o.org] as number) + p.task.weight);
      bound = Math.max(bound, least);
    }
    return bound;
  };
  const search = (i: number, curMax: number, curScore: number): void => {
    nodes += 1;
    if (i === m) {
      const objective = curMax - lambda * curScore;
      if (objective < best - 1e-9) {
        best = objective;
        bestChoice = choice.slice();
      }
      return;
    }
    if (nodes > nodeLimit || lowerLoad(i, curMax) - lambda * (curScore + (suffixScore[i] as number)) >= best - 1e-9) return;
    const p = prepared[i] as Prepared;
    const order = p.options
      .map((o, k) => ({ k, key: Math.max(curMax, (loads[o.org] as number) + p.task.weight) - lambda * o.score }))
      .sort((a, b) => a.key - b.key || a.k - b.k);
    for (const { k } of order) {
      const o = p.options[k] as Prepared['options'][number];
      loads[o.org] = (loads[o.org] as number) + p.task.weight;
      choice[i] = k;
      search(i + 1, Math.max(curMax, loads[o.org] as number), curScore + o.score);
      loads[o.org] = (loads[o.org] as number) - p.task.weight;
    }
  };
  search(0, 0, 0);
  const finalLoads: Record<string, number> = {};
  const assignments = prepared.map((p, i): CoordinatorAssignment => {
    const o = p.options[bestChoice[i] as number] as Prepared['options'][number];
    finalLoads[o.candidate.organizationId] = (finalLoads[o.candidate.organizationId] ?? 0) + p.task.weight;
    return {
      opportunityId: p.task.opportunityId,
      organizationId: o.candidate.organizationId,
      siret: o.candidate.siret,
      score: o.score,
      isOverride: p.isOverride,
    };
  });
  const maxLoad = Math.max(0, ...Object.values(finalLoads));
  const totalScore = assignments.reduce((s, a) => s + a.score, 0);
  return {
    status: nodes > nodeLimit ? 'node_limit' : 'optimal',
    assignments: assignments.sort((a, b) => byId(a.opportunityId, b.opportunityId)),
    loads: finalLoads,
    maxLoad,
    objective: m === 0 ? 0 : maxLoad - lambda * totalScore,
    nodes,
  };
}
