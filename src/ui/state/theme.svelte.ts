// Light or dark, following the system; charts read their colours from here.
class ThemeStore {
  dark = $state(false);

  constructor() {
    const query = matchMedia('(prefers-color-scheme: dark)');
    this.dark = query.matches;
    query.addEventListener('change', (e) => (this.dark = e.matches));
  }

  /** The chart palette for the current scheme (canvas cannot read CSS variables). */
  get chart(): ChartTheme {
    return this.dark
      ? { text: '#c9ccd6', grid: 'rgba(255,255,255,0.09)', series: ['#f59a5c', '#6cb8ff', '#7fd69a', '#d9a6ff'], fill: ['rgba(245,154,92,0.35)', 'rgba(108,184,255,0.3)'] }
      : { text: '#4a4f5c', grid: 'rgba(0,0,0,0.08)', series: ['#c0501a', '#1f6fc4', '#1d7a46', '#7a3fb0'], fill: ['rgba(192,80,26,0.3)', 'rgba(31,111,196,0.25)'] };
  }
}

export interface ChartTheme {
  text: string;
  grid: string;
  series: string[];
  fill: string[];
}

export const theme = new ThemeStore();
