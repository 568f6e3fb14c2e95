// uPlot option builders for the app's few chart shapes: bars over categories,
// bars over numbers, and lines. Colours come from the theme (canvas has no CSS).
import type uPlot from 'uplot';
import type { ChartTheme } from '../state/theme.svelte';

type Options = Omit<uPlot.Options, 'width' | 'height'>;

function axis(theme: ChartTheme, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: theme.text,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
    font: '11px system-ui, sans-serif',
    ...extra,
  };
}

/** Bars over named categories (x = 0..n-1), optional second series as points on a right axis. */
export function categoryBars(
  theme: ChartTheme,
  lib: typeof uPlot,
  names: readonly string[],
  bar: { label: string; format?: (v: number) => string },
  line?: { label: string; format?: (v: number) => string },
): Options {
  const series: uPlot.Series[] = [
    { label: 'Genre', value: (_u, v) => (v === null ? '' : (names[v] ?? '')) },
    {
      label: bar.label,
      stroke: theme.series[0],
      fill: theme.fill[0],
      width: 1,
      paths: lib.paths.bars!({ size: [0.7, 40], align: 0 }),
      points: { show: false },
      value: (_u, v) => (v === null ? '—' : (bar.format?.(v) ?? String(v))),
    },
  ];
  const axes: uPlot.Axis[] = [
    axis(theme, {
      splits: () => names.map((_, i) => i),
      values: (_u, splits) => splits.map((i) => names[i] ?? ''),
      rotate: -45,
      size: 70,
      gap: 4,
      grid: { show: false },
    }),
    axis(theme, { size: 50 }),
  ];
  if (line) {
    series.push({
      label: line.label,
      stroke: theme.series[1],
      width: 0,
      scale: 'right',
      points: { show: true, size: 8, fill: theme.series[1], stroke: theme.series[1] },
      value: (_u, v) => (v === null ? '—' : (line.format?.(v) ?? String(v))),
    });
    axes.push(axis(theme, { scale: 'right', side: 1, grid: { show: false }, size: 40 }));
  }
  return {
    series,
    axes,
    scales: { x: { time: false, range: [-0.6, names.length - 0.4] } },
    cursor: { points: { show: false } },
    legend: { live: true },
  };
}

/** Bars over a numeric x (rating bins, years). */
export function numericBars(theme: ChartTheme, lib: typeof uPlot, xLabel: string, yLabel: string, barWidth: number, xFormat?: (v: number) => string): Options {
  return {
    series: [
      { label: xLabel, value: (_u, v) => (v === null ? '' : (xFormat?.(v) ?? String(v))) },
      { label: yLabel, stroke: theme.series[0], fill: theme.fill[0], width: 1, paths: lib.paths.bars!({ size: [0.85, 60] }), points: { show: false } },
    ],
    axes: [axis(theme, { grid: { show: false }, ...(xFormat ? { values: (_u: uPlot, s: number[]) => s.map(xFormat) } : {}) }), axis(theme, { size: 55 })],
    scales: { x: { time: false, range: (_u, min, max) => [min - barWidth / 2, max + barWidth / 2] } },
    legend: { live: true },
  };
}

/** Tick steps for a counted x axis; uPlot picks the smallest that leaves room for the labels. */
export const INTEGER_INCREMENTS = [1, 2, 5, 10, 20, 50, 100, 200, 500];

/** The x range of a per-sweep chart: sweeps 1..n of the current run (at least 1..2, so the axis has a span). */
export function sweepRange(nSweeps: number): [number, number] {
  return [1, Math.max(2, Math.round(nSweeps))];
}

/** One or more lines over a numeric x, optionally with a log y scale. */
export function lines(
  theme: ChartTheme,
  xLabel: string,
  ys: { label: string; scale?: string; format?: (v: number) => string }[],
  options: { logY?: boolean; xFormat?: (v: number) => string; xRange?: [number, number]; integerX?: boolean } = {},
): Options {
  const scales: uPlot.Scales = { x: options.xRange ? { time: false, range: options.xRange } : { time: false } };
  if (options.logY) scales.y = { distr: 3 };
  const xAxis: Partial<uPlot.Axis> = {};
  if (options.xFormat) xAxis.values = (_u, s) => s.map(options.xFormat!);
  // Counted x (sweeps): ticks only on whole numbers, so no "0.5" or "1.5" between two passes.
  if (options.integerX) xAxis.incrs = INTEGER_INCREMENTS;
  const axes: uPlot.Axis[] = [axis(theme, xAxis), axis(theme, { size: 55 })];
  if (ys.some((y) => y.scale === 'right')) {
    scales.right = { auto: true };
    axes.push(axis(theme, { scale: 'right', side: 1, grid: { show: false }, size: 55 }));
  }
  return {
    series: [
      { label: xLabel, value: (_u, v) => (v === null ? '' : (options.xFormat?.(v) ?? String(v))) },
      ...ys.map((y, i) => ({
        label: y.label,
        scale: y.scale ?? 'y',
        stroke: theme.series[i % theme.series.length],
        width: 2,
        points: { show: true, size: 5 },
        value: (_u: uPlot, v: number | null) => (v === null ? '—' : (y.format?.(v) ?? String(v))),
      })),
    ],
    axes,
    scales,
    legend: { live: true },
  };
}
