/** Lower weighted quantile: the smallest value whose cumulative weight reaches q × total weight. */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const total = weights.reduce((s, w) => s + w, 0);
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i] ?? 0;
    if (cumulative >= q * total - 1e-9) return values[i] ?? Number.NaN;
  }
  return values[order.at(-1) ?? 0] ?? Number.NaN;
}
