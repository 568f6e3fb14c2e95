// Start-up and the links between stores: engine → visitor ratings → dataset
// (a shared link's, else the last one, else the demo) → the visitor's ratings
// matched in it → background training when no cached model.
import { datasetUserFromQuery } from '../lib/route';
import { dataset } from './dataset.svelte';
import { model } from './model.svelte';
import { router } from './router.svelte';
import { visitor } from './visitor.svelte';
import type { SiteDataset } from './catalogs';

class AppStore {
  started = false;

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const ratings = visitor.load();
    const available = await dataset.discover().catch(() => dataset.available);
    await ratings;
    // The visitor may have chosen a dataset on the Data page meanwhile: theirs wins.
    if (dataset.loading !== undefined || dataset.version > 0) return;
    // A shared link to a dataset user names its dataset: open that one, not the last used.
    const linked = router.view === 'for-you' ? datasetUserFromQuery(router.route.query)?.datasetId : undefined;
    await this.open(available.find((d) => d.id === linked) ?? dataset.lastChoice(available));
  }

  /** Opens a site dataset and, if it has no cached model, trains one in the background. */
  async open(choice: SiteDataset): Promise<void> {
    const result = await dataset.open(choice);
    if (result) this.afterLoad(result.model);
  }

  async openFiles(files: File[]): Promise<void> {
    const result = await dataset.openFiles(files);
    if (result) this.afterLoad(result.model);
  }

  private afterLoad(cached: Parameters<typeof model.datasetLoaded>[0]): void {
    model.datasetLoaded(cached);
    void visitor.matchDataset(dataset.version);
    if (!cached) void model.train();
  }
}

export const app = new AppStore();
