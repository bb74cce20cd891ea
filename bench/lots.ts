// Benchmark of lot design and local sourcing (issue 5 §7). Run with `npx tsx bench/lots.ts`.
// Instances are generated with a seeded PRNG so that figures are comparable between runs.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { departementCentroid } from '../packages/core/src/geo/communes';
import { buildLotSites } from '../packages/core/src/lots/build-lot-sites';
import { designLots } from '../packages/core/src/lots/design-lots';
import type { DemandUnit, LotFirm, LotPosition } from '../packages/core/src/lots/types';
import geoData from '../packages/core/src/reference/geo.json' with { type: 'json' };
import { buildSourcingIndex } from '../packages/core/src/sourcing/build-sourcing-index';
import { rankLocalSourcing } from '../packages/core/src/sourcing/rank-local-sourcing';
import type { SourcingFirm, SourcingRecipe } from '../packages/core/src/sourcing/types';

export interface BenchMetric {
  name: string;
  value: number;
  unit: string;
  /** Upper bound the value should stay under, when there is one. */
  target?: number;
}

export interface BenchResult {
  name: string;
  metrics: BenchMetric[];
}

/** mulberry32: small, fast, seeded. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CLASSES = ['3374', '3371', '3363', '2445', '3922', '3019', '1814', '3492'];
const SUB_FAMILIES = CLASSES.flatMap((c) => [1, 2, 3, 4, 5].map((k) => `${c}${k}100`));

function lotInstance(random: () => number) {
  const rows = (geoData.communes as string[][]).filter((c) => c[3] === '75').slice(0, 2000);
  const positions: Record<string, LotPosition> = {};
  for (const [code, , dep] of rows) {
    const centre = departementCentroid(dep as string) ?? [0, 46];
    positions[code as string] = [centre[0] + (random() - 0.5) * 0.9, centre[1] + (random() - 0.5) * 0.7];
  }
  const { sites } = buildLotSites({ communeCodes: rows.map((r) => r[0] as string), positions });
  const demand: DemandUnit[] = [];
  for (const site of sites) {
    const count = 1 + Math.floor(random() * 6);
    for (let i = 0; i < count; i++) {
      const cpvCode = SUB_FAMILIES[Math.floor(random() * SUB_FAMILIES.length)] as string;
      if (demand.some((d) => d.siteCode === site.code && d.cpvCode === cpvCode)) continue;
      const volume = 100 + Math.floor(random() * 4900);
      demand.push({
        id: `d${demand.length}`,
        siteCode: site.code,
        cpvCode,
        volume,
        unit: 'L',
        amountCents: volume * (200 + Math.floor(random() * 800)),
      });
    }
  }
  const firms: LotFirm[] = Array.from({ length: 5000 }, (_, i) => {
    const near = sites[Math.floor(random() * sites.length)]?.position ?? [0, 46];
    const offers = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const sf = SUB_FAMILIES[Math.floor(random() * SUB_FAMILIES.length)] as string;
      // One offer in five is at class level: the firm covers the whole class.
      return { cpvCode: random() < 0.2 ? `${sf.slice(0, 4)}0000` : sf, freeCapacity: Math.round(500 * 400 ** random()) };
    });
    return {
      id: `f${i}`,
      position: [near[0] + (random() - 0.5) * 0.4, near[1] + (random() - 0.5) * 0.3],
      deliveryRadiusKm: 10 + random() * 70,
      offers,
      isInclusionFirm: random() < 0.03,
    };
  });
  return { sites, demand, firms };
}

function sourcingInstance(random: () => number) {
  const vocabulary = Array.from({ length: 60 }, (_, i) => `competence-${i}`);
  const productCodes = Array.from({ length: 400 }, (_, i) => `${10 + (i % 80)}${String(100 + i).padStart(3, '0')}${i % 2 ? '100' : '000'}`);
  const firms: SourcingFirm[] = Array.from({ length: 100_000 }, (_, i) => ({
    id: `firm-${i}`,
    name: `Entreprise ${i}`,
    position: [-4 + random() * 12, 42.5 + random() * 8.5],
    profile: {
      competences: Array.from({ length: Math.floor(random() * 6) }, () => vocabulary[Math.floor(random() * vocabulary.length)] as string),
      products: Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
        cpvCode: productCodes[Math.floor(random() * productCodes.length)] as string,
        label: `Produit ${i}`,
        annualCapacity: Math.round(100 * 1000 ** random()),
        unit: 'L' as const,
      })),
      deliveryRadiusKm: 20 + random() * 180,
    },
  }));
  const recipes: SourcingRecipe[] = Array.from({ length: 20 }, (_, r) => ({
    productCpvCode: productCodes[r * 7] as string,
    label: `Recette ${r}`,
    inputs: Array.from({ length: 4 }, (_, j) => ({
      cpvCode: productCodes[(r * 13 + j * 29) % productCodes.length] as string,
      label: `Intrant ${j}`,
      quantityPerUnit: 0.5,
      unit: 'L' as const,
    })),
    competences: Array.from({ length: 5 }, (_, j) => ({
      code: vocabulary[(r * 3 + j * 7) % vocabulary.length] as string,
      weight: 1 + (j % 3),
    })),
  }));
  const communes = (geoData.communes as string[][]).slice(0, 500).map((c) => c[0] as string);
  const positions = Object.fromEntries(communes.map((c) => [c, [-4 + random() * 12, 42.5 + random() * 8.5] as const]));
  return { firms, recipes, communes, positions, vocabulary };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Times the full lot frontier on 2,000 sites × 40 sub-families × 5,000 firms and sourcing over 100,000 firms. */
export async function runLotsBench(): Promise<BenchResult> {
  const random = prng(20_260_501);
  const lots = lotInstance(random);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const design = designLots({ ...lots, minEligibleFirms: 2, maxLotsPerBidder: 3 });
  const designMs = performance.now() - t0;
  const designCpu = process.cpuUsage(c0);
  if (!design.ok) throw new Error(design.reason);

  const src = sourcingInstance(random);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const index = buildSourcingIndex(src.firms);
  const indexMs = performance.now() - t1;
  const indexCpu = process.cpuUsage(c1);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let q = 0; q < 200; q++) {
    const recipe = src.recipes[q % src.recipes.length] as SourcingRecipe;
    const deliveryCommunes = Array.from({ length: 5 }, () => src.communes[Math.floor(random() * src.communes.length)] as string);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    rankLocalSourcing({
      need: { productCpvCode: recipe.productCpvCode, label: recipe.label, quantity: 10_000, unit: 'L', deliveryCommunes },
      firms: src.firms,
      index,
      positions: src.positions,
      recipes: src.recipes,
      competences: src.vocabulary.map((code) => ({ code, labelFr: code, kind: 'process' as const })),
    });
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    name: 'lots',
    metrics: [
      { name: 'lot design: demand units', value: lots.demand.length, unit: 'units' },
      { name: 'lot design: lot-graph nodes', value: design.nodeCount, unit: 'nodes' },
      { name: 'lot design: frontier points', value: design.frontier.length, unit: 'points' },
      { name: 'lot design: recommended lots', value: design.recommended.lots.length, unit: 'lots' },
      { name: 'lot design: full frontier time', value: designMs, unit: 'ms', target: 2000 },
      // CPU time (user + system, all threads incl. GC): the wall time inflates on a shared, loaded machine.
      { name: 'lot design: CPU time', value: (designCpu.user + designCpu.system) / 1000, unit: 'ms' },
      { name: 'machine load average (1 min)', value: loadavg()[0] ?? 0, unit: 'procs' },
      { name: 'sourcing: index build (100,000 firms)', value: indexMs, unit: 'ms' },
      { name: 'sourcing: index build CPU time', value: (indexCpu.user + indexCpu.system) / 1000, unit: 'ms' },
      { name: 'sourcing: query p50', value: quantile(times, 0.5), unit: 'ms' },
      { name: 'sourcing: query p95', value: quantile(times, 0.95), unit: 'ms', target: 100 },
      { name: 'sourcing: query CPU p50', value: quantile(cpuTimes, 0.5), unit: 'ms' },
      { name: 'sourcing: query CPU p95', value: quantile(cpuTimes, 0.95), unit: 'ms' },
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runLotsBench();
  for (const m of result.metrics) {
    const status =
      m.target === undefined
        ? ''
        : m.value <= m.target
          ? `  (target < ${m.target} ${m.unit}: ok)`
          : `  (target < ${m.target} ${m.unit}: MISSED)`;
    console.log(`${m.name.padEnd(42)} ${m.value.toFixed(m.unit === 'ms' ? 1 : 0).padStart(10)} ${m.unit}${status}`);
  }
}
