// The benchmark harness: a benchmark is a function that measures once and
// returns named numbers; the harness repeats it, keeps every value, and reports
// median, min and max per metric. Results go to bench-results/NAME.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../support/data-dir';

export interface BenchEnv {
  backend: string;
  simd: boolean;
  threads: boolean;
  browser: string;
  node: string;
  cpu: string;
}

export interface BenchContext {
  /** The built app's URL, served by Vite preview for the whole run. */
  baseUrl: string;
  /** Filled in by benchmarks that run in the browser. */
  env: Partial<BenchEnv>;
}

export interface Benchmark {
  name: string;
  description: string;
  /** Repetitions (≥ 5). */
  repeats: number;
  /** Optional once-per-benchmark preparation (e.g. generating data) shared by all runs. */
  setup?: (ctx: BenchContext) => Promise<void>;
  run: (ctx: BenchContext) => Promise<Record<string, number>>;
  teardown?: () => Promise<void>;
}

export interface MetricStats {
  median: number;
  min: number;
  max: number;
  values: number[];
}

export interface BenchResult {
  name: string;
  date: string;
  env: BenchEnv;
  /** The median of each metric over the runs. */
  metrics: Record<string, number>;
  stats: Record<string, MetricStats>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export async function runBenchmark(bench: Benchmark, ctx: BenchContext): Promise<BenchResult> {
  const runs: Record<string, number>[] = [];
  await bench.setup?.(ctx);
  try {
    for (let i = 0; i < bench.repeats; i++) runs.push(await bench.run(ctx));
  } finally {
    await bench.teardown?.();
  }
  const stats: Record<string, MetricStats> = {};
  for (const key of Object.keys(runs[0] ?? {})) {
    const values = runs.map((r) => r[key]).filter((v) => Number.isFinite(v));
    if (values.length === 0) continue;
    stats[key] = { median: median(values), min: Math.min(...values), max: Math.max(...values), values };
  }
  const metrics = Object.fromEntries(Object.entries(stats).map(([k, s]) => [k, round(s.median)]));
  const env: BenchEnv = {
    backend: ctx.env.backend ?? 'none',
    simd: ctx.env.simd ?? false,
    threads: ctx.env.threads ?? false,
    browser: ctx.env.browser ?? 'none',
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} ×${cpus().length}`,
  };
  return { name: bench.name, date: new Date().toISOString(), env, metrics, stats };
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value * 10) / 10 : Math.round(value * 10_000) / 10_000;
}

export function writeResult(result: BenchResult): string {
  const dir = resolve(REPO_ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `${result.name}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

export function printTable(result: BenchResult): void {
  const rows = Object.entries(result.stats).map(([key, s]) => ({
    metric: key,
    median: round(s.median),
    min: round(s.min),
    max: round(s.max),
    runs: s.values.length,
  }));
  console.log(`\n${result.name} — ${result.env.backend}${result.env.simd ? ' simd' : ''}${result.env.threads ? ' threads' : ''} · ${result.env.browser} · ${result.env.cpu}`);
  console.table(rows);
}
