// Which datasets the site can open: the embedded demo (always) and, when the
// server exposes a data directory (dev/preview with STREAMREC_DATA_DIR), the
// known real datasets found in it.
import type { SiteFile } from '../../engine/api';

export interface SiteDataset {
  id: string;
  label: string;
  synthetic: boolean;
  files: SiteFile[];
}

interface IndexedFile {
  path: string;
  size: number;
}

/** Real datasets recognised in a data directory listing, by folder and file names. */
const KNOWN: { id: string; label: string; folder: string; names: string[] }[] = [
  { id: 'ml-latest-small', label: 'MovieLens latest-small (2018)', folder: 'ml-latest-small', names: ['movies.csv', 'links.csv', 'ratings.csv'] },
  { id: 'ml-100k', label: 'MovieLens 100K', folder: 'ml-100k', names: ['u.item', 'u.genre', 'u.data'] },
  { id: 'ml-latest-small-2016', label: 'MovieLens latest-small (2016)', folder: 'ml-latest-small-2016', names: ['movies.csv', 'links.csv', 'ratings.csv'] },
];

export const DEMO: SiteDataset = {
  id: 'demo',
  label: 'Demo data, synthetic ratings',
  synthetic: true,
  files: ['movies_metadata.csv', 'credits.csv', 'keywords.csv', 'links.csv', 'ratings.csv'].map((name) => ({ path: `demo/${name}` })),
};

/** Lists the demo plus every known dataset the server's /data/index.json offers. */
export async function listSiteDatasets(baseUrl: string): Promise<SiteDataset[]> {
  const found: SiteDataset[] = [DEMO];
  let index: { files: IndexedFile[] };
  try {
    const response = await fetch(new URL('data/index.json', baseUrl));
    if (!response.ok) return found;
    index = (await response.json()) as { files: IndexedFile[] };
  } catch {
    return found;
  }
  const sizes = new Map(index.files.map((f) => [f.path, f.size]));
  for (const known of KNOWN) {
    const paths = known.names.map((n) => `${known.folder}/${n}`);
    if (paths.every((p) => sizes.has(p))) {
      found.push({
        id: known.id,
        label: known.label,
        synthetic: false,
        files: paths.map((p) => ({ path: `data/${p}`, size: sizes.get(p) })),
      });
    }
  }
  return found;
}
