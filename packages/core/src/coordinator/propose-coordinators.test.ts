import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CoordinatorTask, type ProposeCoordinatorsOptions, proposeCoordinators } from './propose-coordinators';

const candidate = (organizationId: string, share: number, hasExperience = false) => ({
  organizationId,
  siret: `siret-${organizationId}`,
  share,
  hasExperience,
});
const options = (tasks: CoordinatorTask[], overrides: Record<string, string> = {}): ProposeCoordinatorsOptions => ({
  tasks,
  lambda: 1,
  experienceBonus: 0.5,
  overrides,
});

/** Independent derivation: the same problem as a MIP solved by HiGHS (min z − λ Σ score·x; Σ_m x = 1; Σ_f w·x ≤ z). */
function solveWithHighs(highs: Highs, o: ProposeCoordinatorsOptions): number {
  const orgs = [...new Set(o.tasks.flatMap((t) => t.candidates.map((c) => c.organizationId)))];
  const x = (f: number, m: string) => `x_${f}_${orgs.indexOf(m)}`;
  const objective = o.tasks.flatMap((t, f) =>
    t.candidates.map((c) => `- ${o.lambda * (c.share + (c.hasExperience ? o.experienceBonus : 0))} ${x(f, c.organizationId)}`),
  );
  const rows = o.tasks.map((t, f) => ` one${f}: ${t.candidates.map((c) => x(f, c.organizationId)).join(' + ')} = 1`);
  const loads = orgs.map((m, i) => {
    const terms = o.tasks.flatMap((t, f) => (t.candidates.some((c) => c.organizationId === m) ? [`${t.weight} ${x(f, m)}`] : []));
    return ` load${i}: ${terms.join(' + ')} - z <= 0`;
  });
  const fixed = o.tasks.flatMap((t, f) =>
    o.overrides[t.opportunityId] ? [` fix${f}: ${x(f, o.overrides[t.opportunityId] as string)} = 1`] : [],
  );
  const binaries = o.tasks.flatMap((t, f) => t.candidates.map((c) => x(f, c.organizationId)));
  const lp = `Minimize\n obj: z ${objective.join(' ')}\nSubject To\n${[...rows, ...loads, ...fixed].join('\n')}\nBounds\n z >= 0\nBinary\n ${binaries.join(' ')}\nEnd\n`;
  const solution = highs.solve(lp, { mip_rel_gap: 0, mip_abs_gap: 0 });
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
  // HiGHS accepts binaries within its feasibility tolerance (1e-6), so its objective can be off by ~1e-7:
  // round its chosen assignment to 0/1 and evaluate the objective exactly from it.
  const chosen = (f: number, m: string) => Math.round(solution.Columns[x(f, m)]?.Primal ?? 0);
  const load = (m: string) =>
    o.tasks.reduce((s, t, f) => s + (t.candidates.some((c) => c.organizationId === m) ? t.weight * chosen(f, m) : 0), 0);
  const score = o.tasks.reduce(
    (s, t, f) =>
      s + t.candidates.reduce((u, c) => u + chosen(f, c.organizationId) * (c.share + (c.hasExperience ? o.experienceBonus : 0)), 0),
    0,
  );
  return Math.max(0, ...orgs.map(load)) - o.lambda * score;
}

describe('proposeCoordinators', () => {
  /*
   * Two groupements share members a and b. Salt (weight 3): a 0.6 (holds the current contract, +0.5), b 0.4.
   * Paper (weight 2): a 0.5, b 0.5. Options (max load − Σ score):
   *   a,a: 5 − (1.1 + 0.5) = 3.4; a,b: 3 − (1.1 + 0.5) = 1.4; b,a: 3 − (0.4 + 0.5) = 2.1; b,b: 5 − 0.9 = 4.1.
   * Best: a coordinates salt, b coordinates paper, objective 1.4.
   */
  it('balances the workload and rewards share and experience', () => {
    const result = proposeCoordinators(
      options([
        { opportunityId: 'sel', weight: 3, candidates: [candidate('a', 0.6, true), candidate('b', 0.4)] },
        { opportunityId: 'papier', weight: 2, candidates: [candidate('a', 0.5), candidate('b', 0.5)] },
      ]),
    );
    expect(result.status).toBe('optimal');
    expect(result.assignments.map((a) => [a.opportunityId, a.organizationId])).toEqual([
      ['papier', 'b'],
      ['sel', 'a'],
    ]);
    expect(result.objective).toBeCloseTo(1.4, 9);
    expect(result.loads).toEqual({ a: 3, b: 2 });
  });

  it('respects a manual override even when it costs more', () => {
    const tasks = [
      { opportunityId: 'sel', weight: 3, candidates: [candidate('a', 0.6, true), candidate('b', 0.4)] },
      { opportunityId: 'papier', weight: 2, candidates: [candidate('a', 0.5), candidate('b', 0.5)] },
    ];
    const result = proposeCoordinators(options(tasks, { sel: 'b' }));
    expect(result.assignments.find((a) => a.opportunityId === 'sel')).toMatchObject({ organizationId: 'b', isOverride: true });
    // b,a: max load 3 − (0.4 + 0.5) = 2.1.
    expect(result.objective).toBeCloseTo(2.1, 9);
    expect(() => proposeCoordinators(options(tasks, { sel: 'z' }))).toThrow(/hors du groupement/);
  });
});

const instanceArb = fc
  .tuple(
    fc.integer({ min: 2, max: 6 }),
    fc.array(
      fc.record({ weight: fc.integer({ min: 1, max: 5 }), members: fc.uniqueArray(fc.nat({ max: 5 }), { minLength: 1, maxLength: 4 }) }),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
    fc.double({ min: 0, max: 3, noNaN: true }),
    fc.boolean(),
  )
  .map(([orgCount, rows, noise, lambda, withOverride]): ProposeCoordinatorsOptions => {
    const tasks = rows.map((r, f) => {
      const members = [...new Set(r.members.map((m) => m % orgCount))];
      const raw = members.map((_, k) => noise[(f * 5 + k) % 40] ?? 0.5);
      const sum = raw.reduce((s, v) => s + v, 0) || 1;
      return {
        opportunityId: `f${f}`,
        weight: r.weight,
        candidates: members.map((m, k) => candidate(`o${m}`, (raw[k] ?? 0) / sum, (noise[(f + k * 7) % 40] ?? 0) > 0.7)),
      };
    });
    const first = tasks[0];
    const overrides: Record<string, string> =
      withOverride && first ? { [first.opportunityId]: first.candidates.at(-1)?.organizationId ?? '' } : {};
    return { tasks, lambda, experienceBonus: 0.5, overrides };
  });

describe('proposeCoordinators against HiGHS', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await highsLoader();
  });

  it('finds the optimum on random instances, keeps overrides, picks members only', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const result = proposeCoordinators(instance);
        expect(result.status).toBe('optimal');
        // Never worse than HiGHS's assignment; HiGHS may return a near-tie within its own tolerance (1e-6).
        const reference = solveWithHighs(highs, instance);
        expect(result.objective).toBeLessThanOrEqual(reference + 1e-9);
        expect(result.objective).toBeGreaterThanOrEqual(reference - 1e-6);
        for (const a of result.assignments) {
          const task = instance.tasks.find((t) => t.opportunityId === a.opportunityId);
          expect(task?.candidates.map((c) => c.organizationId)).toContain(a.organizationId);
          const forced = instance.overrides[a.opportunityId];
          if (forced) expect(a.organizationId).toBe(forced);
        }
        expect(result.assignments).toHaveLength(instance.tasks.length);
      }),
      { numRuns: 60 },
    );
  });
});
