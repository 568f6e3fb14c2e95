// The loaded dataset as the UI knows it: its summary, ETL report, exploration,
// load progress and errors. The big arrays stay in the worker.
import { proxy } from 'comlink';
import type { DatasetSummary, EtlReport, Exploration, FileProgress, LoadRequest, LoadResult } from '../../engine/api';
import { errorMessage, isAbort } from '../lib/format';
import { engine, siteBaseUrl } from './engine.svelte';
import { DEMO, listSiteDatasets, type SiteDataset } from './catalogs';
import { readSetting, writeSetting } from '../lib/safe-storage';

const LAST_KEY = 'streamrec:last-dataset';

class DatasetStore {
  /** What the last append added. */
  appended = $state.raw<{ added: number; alreadyPresent: number; coldStart: boolean } | undefined>(undefined);
  available = $state.raw<SiteDataset[]>([DEMO]);
  summary = $state.raw<DatasetSummary | undefined>(undefined);
  report = $state.raw<EtlReport | undefined>(undefined);
  exploration = $state.raw<Exploration | undefined>(undefined);
  exploreError = $state<string | undefined>(undefined);
  progress = $state.raw<Record<string, FileProgress>>({});
  /** Id of the dataset being loaded ("files" for dropped files). */
  loading = $state<string | undefined>(undefined);
  loadingLabel = $state('');
  error = $state<string | undefined>(undefined);
  /** Bumped after each successful load. */
  version = $state(0);
  fromCache = $state(false);
  /** Id of the site dataset in use ("demo", "ml-100k" …); undefined for dropped files. */
  siteId = $state<string | undefined>(undefined);
  /** Damaged cache entries the last load dropped, in words. */
  notices = $state.raw<string[]>([]);
  private jobId: string | undefined;

  async discover(): Promise<SiteDataset[]> {
    this.available = await listSiteDatasets(siteBaseUrl());
    return this.available;
  }

  /** The dataset opened last time (a site dataset id), else the demo. */
  lastChoice(available: SiteDataset[]): SiteDataset {
    const id = readSetting(LAST_KEY);
    return available.find((d) => d.id === id) ?? DEMO;
  }

  open(choice: SiteDataset): Promise<LoadResult | undefined> {
    return this.run(choice.id, choice.label, { kind: 'site', name: choice.label, synthetic: choice.synthetic, files: choice.files }, () =>
      writeSetting(LAST_KEY, choice.id),
    );
  }

  openFiles(files: File[]): Promise<LoadResult | undefined> {
    const label = files.length === 1 ? files[0]!.name : `${files.length} files`;
    return this.run('files', label, { kind: 'files', files });
  }

  private async run(id: string, label: string, request: LoadRequest, onDone?: () => void): Promise<LoadResult | undefined> {
    // Loading runs while the backend is still starting: only training needs it.
    if (this.jobId) void engine.api.cancel(this.jobId);
    const jobId = crypto.randomUUID();
    this.jobId = jobId;
    this.loading = id;
    this.loadingLabel = label;
    this.error = undefined;
    this.progress = {};
    try {
      const result = await engine.api.load(
        request,
        proxy((p: FileProgress) => {
          if (this.jobId === jobId) this.progress = { ...this.progress, [p.file]: p };
        }),
        { jobId },
      );
      this.summary = result.summary;
      this.report = result.report;
      this.fromCache = result.fromCache;
      this.siteId = request.kind === 'site' ? id : undefined;
      this.notices = result.notices.map(
        (n) =>
          n.code === 'cached-dataset-invalid'
            ? `The copy of this dataset saved in this browser was damaged (${n.detail}); it was removed and the files were read again.`
            : `The model saved in this browser for this dataset was damaged (${n.detail}); it was removed and a new one is trained.`,
      );
      this.exploration = undefined;
      this.exploreError = undefined;
      onDone?.();
      this.version++;
      return result;
    } catch (error) {
      this.error = isAbort(error)
        ? 'Loading was cancelled; the previous dataset is kept.'
        : `${label} could not be loaded: ${errorMessage(error)}. The previous dataset is kept; check the files (CSV, .dat, .zip or .gz from MovieLens or The Movies Dataset) and try again.`;
      return undefined;
    } finally {
      if (this.jobId === jobId) {
        this.loading = undefined;
        this.jobId = undefined;
      }
    }
  }

  /** Merges new movies or series into the loaded dataset (they are marked new). */
  async appendFiles(files: File[]): Promise<void> {
    if (this.jobId) void engine.api.cancel(this.jobId);
    const jobId = crypto.randomUUID();
    this.jobId = jobId;
    this.loading = 'append';
    this.loadingLabel = files.length === 1 ? files[0]!.name : `${files.length} files`;
    this.error = undefined;
    this.appended = undefined;
    this.progress = {};
    try {
      const result = await engine.api.append(
        { kind: 'files', files },
        proxy((p: FileProgress) => {
          if (this.jobId === jobId) this.progress = { ...this.progress, [p.file]: p };
        }),
        { jobId },
      );
      this.summary = result.summary;
      this.report = result.report;
      this.appended = { added: result.added, alreadyPresent: result.alreadyPresent, coldStart: result.coldStart };
      this.exploration = undefined;
      this.version++;
    } catch (error) {
      this.error = isAbort(error)
        ? 'Adding was cancelled; the dataset is unchanged.'
        : `The new movies could not be added: ${errorMessage(error)}. The dataset is unchanged.`;
    } finally {
      if (this.jobId === jobId) {
        this.loading = undefined;
        this.jobId = undefined;
      }
    }
  }

  exportError = $state<string | undefined>(undefined);

  /** Downloads the cleaned catalogue as CSV. */
  async exportCatalog(): Promise<void> {
    this.exportError = undefined;
    try {
      const url = URL.createObjectURL(await engine.api.exportCatalog());
      const a = document.createElement('a');
      a.href = url;
      a.download = `${(this.summary?.name ?? 'catalogue').replace(/[^\w.-]+/g, '-').toLowerCase()}-catalogue.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.exportError = `The catalogue could not be exported: ${errorMessage(error)}.`;
    }
  }

  async explore(): Promise<void> {
    if (this.exploration) return;
    const version = this.version;
    try {
      const result = await engine.api.explore();
      if (version === this.version) this.exploration = result;
    } catch (error) {
      this.exploreError = `The charts could not be computed: ${errorMessage(error)}.`;
    }
  }

  cancel(): void {
    if (this.jobId) void engine.api.cancel(this.jobId);
  }
}

export const dataset = new DatasetStore();
