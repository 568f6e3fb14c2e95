// A generated cover per movie (no network posters): a gradient from its first
// genre's colour, shifted by a hash of the title, so each film looks the same on
// every visit and films of one genre look related.

// A Map, not an object literal: genre names come from the data, and a genre named
// `constructor` or `__proto__` would find an inherited property of a plain object.
const GENRE_HUES: ReadonlyMap<string, number> = new Map(Object.entries({
  Action: 8, Adventure: 30, Animation: 48, Children: 60, "Children's": 60, Comedy: 45, Crime: 350,
  Documentary: 180, Drama: 215, Family: 95, Fantasy: 275, 'Film-Noir': 230, Foreign: 160, History: 35,
  Horror: 0, IMAX: 195, Music: 320, Musical: 310, Mystery: 255, Romance: 335, 'Science Fiction': 190,
  'Sci-Fi': 190, Thriller: 265, 'TV Movie': 140, War: 25, Western: 22,
}));

/** FNV-1a, enough to spread titles over hues. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function genreHue(genre: string | undefined): number {
  if (!genre) return 220;
  return GENRE_HUES.get(genre) ?? hashString(genre) % 360;
}

export interface CoverStyle {
  background: string;
}

export function coverStyle(title: string, year: number, genres: readonly string[]): CoverStyle {
  const h = hashString(`${title}|${year}`);
  const base = genreHue(genres[0]);
  const second = genres[1] !== undefined ? genreHue(genres[1]) : base + 40;
  const shift = (h % 71) - 35;
  const angle = 120 + (h % 120);
  const l1 = 38 + ((h >>> 8) % 12);
  const l2 = 20 + ((h >>> 16) % 10);
  const hue1 = (base + shift + 360) % 360;
  const hue2 = (second + shift + 360) % 360;
  return {
    background: `linear-gradient(${angle}deg, hsl(${hue1} 68% ${l1}%), hsl(${hue2} 60% ${l2}%))`,
  };
}
