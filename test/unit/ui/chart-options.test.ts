// The training chart's x axis: sweeps 1..n of the run on screen, ticks on whole sweeps only.
import { describe, expect, it } from 'vitest';
import { INTEGER_INCREMENTS, lines, sweepRange } from '../../../src/ui/lib/chart-options';
import type { ChartTheme } from '../../../src/ui/state/theme.svelte';

const THEME: ChartTheme = { text: '#000', grid: '#ccc', series: ['#a00', '#0a0'], fill: ['#a003', '#0a03'] };

describe('the per-sweep chart', () => {
  it('spans sweeps 1..n of the current run', () => {
    expect(sweepRange(15)).toEqual([1, 15]);
    expect(sweepRange(7)).toEqual([1, 7]);
    // One sweep (or none known yet) still gives the axis a span.
    expect(sweepRange(1)).toEqual([1, 2]);
    expect(sweepRange(0)).toEqual([1, 2]);
  });
  it('puts ticks on whole numbers only', () => {
    const options = lines(THEME, 'Sweep', [{ label: 'Training loss' }], { xRange: sweepRange(15), integerX: true });
    expect(options.scales?.x?.range).toEqual([1, 15]);
    expect(options.axes?.[0]?.incrs).toBe(INTEGER_INCREMENTS);
    expect(INTEGER_INCREMENTS.every((step) => Number.isInteger(step) && step > 0)).toBe(true);
  });
  it('leaves other line charts with uPlot’s own ticks', () => {
    expect(lines(THEME, 'Year', [{ label: 'Films' }]).axes?.[0]?.incrs).toBeUndefined();
  });
});
