/** One figure a benchmark prints and writes to bench/results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The comparison measured in the same run, in the same unit, or null when there is none. */
  baseline: number | null;
  /** What the baseline is, for the table. */
  baselineName?: string;
  /** value / baseline, or null. */
  ratio: number | null;
  params: Record<string, unknown>;
}

/** A benchmark file's default export: runs and returns its figures. */
export type Benchmark = () => Promise<BenchResult[]>;

/** Builds a result, computing the ratio. */
export function result(
  name: string,
  value: number,
  unit: string,
  baseline: { value: number; name: string } | null,
  params: Record<string, unknown> = {},
): BenchResult {
  return {
    name,
    value,
    unit,
    baseline: baseline?.value ?? null,
    baselineName: baseline?.name,
    ratio: baseline && baseline.value !== 0 ? value / baseline.value : null,
    params,
  };
}

/** Median of the figures `run` returns over `times` runs (after one warm-up when asked). */
export async function median(
  times: number,
  run: () => Promise<number> | number,
  options: { warmup?: boolean } = {},
): Promise<number> {
  if (options.warmup) await run();
  const figures: number[] = [];
  for (let i = 0; i < times; i++) figures.push(await run());
  figures.sort((a, b) => a - b);
  const middle = Math.floor(figures.length / 2);
  return figures.length % 2 ? figures[middle] : (figures[middle - 1] + figures[middle]) / 2;
}

/** The `p`th percentile (nearest rank, 0 < p <= 100) of `values`; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}
