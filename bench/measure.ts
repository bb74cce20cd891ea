// Shared measurement helpers of the benchmarks. The machine is often loaded by other work, so
// every stage reports CPU time (process.cpuUsage, all threads of this process) beside wall time.

/** Wall and CPU milliseconds of one stage. */
export interface StageFigures {
  name: string;
  wallMs: number;
  cpuMs: number;
}

/** One row of a bench report: a figure, its unit, and the target it is judged against when there is one. */
export interface BenchRow {
  label: string;
  value: number;
  unit: string;
  /** CPU time of the same stage, when the row is a duration. */
  cpuMs?: number;
  /** Human-readable target, e.g. "≤ 5 000 ms". */
  target?: string;
  isMet?: boolean;
}

/** What every bench module hands to bench/run.ts. */
export interface BenchReport {
  name: string;
  title: string;
  rows: BenchRow[];
  notes: string[];
}

/** Runs `run`, appends its wall and CPU figures to `stages` under `name`, and returns its result. */
export function timeStage<T>(stages: StageFigures[], name: string, run: () => T): T {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  stages.push({ name, wallMs: performance.now() - wall, cpuMs: cpuMsSince(cpu) });
  return result;
}

/** Async variant of `timeStage`. */
export async function timeStageAsync<T>(stages: StageFigures[], name: string, run: () => Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  stages.push({ name, wallMs: performance.now() - wall, cpuMs: cpuMsSince(cpu) });
  return result;
}

/** Seconds rounded to the millisecond, as the reports print them. */
export function roundSeconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function mark(isMet: boolean): string {
  return isMet ? '✔' : '✘';
}

/** Plain-text table of a report, for the console. */
export function formatReport(report: BenchReport): string {
  const lines = [`== ${report.title}`];
  for (const row of report.rows) {
    const value = `${formatNumber(row.value)} ${row.unit}`;
    const cpu = row.cpuMs === undefined ? '' : `  (CPU ${formatNumber(row.cpuMs)} ms)`;
    const target = row.target === undefined ? '' : `  cible ${row.target} ${mark(row.isMet ?? false)}`;
    lines.push(`  ${row.label.padEnd(40)} ${value.padStart(16)}${cpu}${target}`);
  }
  for (const note of report.notes) lines.push(`  · ${note}`);
  return lines.join('\n');
}

export function formatNumber(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).replace(/,/g, ' ');
}
