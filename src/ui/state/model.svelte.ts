// Training and evaluation as the UI drives them: hyperparameters with presets,
// the live per-sweep curve (a sweep = one training pass), cancel, and the evaluation tables.
import { proxy } from 'comlink';
import { SUPERSEDED_ERROR } from '../../engine/api';
import type { EpochProgress, EvaluateProgress, EvaluationResult, ModelExportFormat, ModelImportSummary, SvdParams, TrainResult } from '../../engine/api';
import { errorMessage, isAbort } from '../lib/format';
import { PRESETS, type EditableParams } from '../lib/model-presets';
import { engine } from './engine.svelte';

export type EvalKind = 'cv' | 'ranking';

/** How the last training run ended; its curve stays on screen under this label. */
export type RunOutcome = 'running' | 'done' | 'cancelled' | 'failed';

class ModelStore {
  params = $state<EditableParams>({ ...PRESETS.balanced.params });
  /** Whether a trained model exists for the loaded dataset. */
  ready = $state(false);
  /** Parameters of the model in use (from training or the cache). */
  active = $state.raw<{ params: SvdParams; k: number } | undefined>(undefined);
  training = $state(false);
  /** The last run's outcome (undefined before any run on this dataset). */
  run = $state<RunOutcome | undefined>(undefined);
  epochs = $state.raw<EpochProgress[]>([]);
  nEpochs = $state(0);
  result = $state.raw<TrainResult | undefined>(undefined);
  error = $state<string | undefined>(undefined);
  /** Bumped when a new model is in use. */
  version = $state(0);
  evaluation = $state.raw<Partial<Record<EvalKind, EvaluationResult>>>({});
  evaluating = $state<EvalKind | undefined>(undefined);
  evalProgress = $state.raw<EvaluateProgress | undefined>(undefined);
  evalError = $state<string | undefined>(undefined);
  /** Outcome of the last model import, or its error. */
  imported = $state.raw<ModelImportSummary | undefined>(undefined);
  transferError = $state<string | undefined>(undefined);
  private trainJob: string | undefined;
  private evalJob: string | undefined;

  /** A load finished: remember whether it brought a cached model. */
  datasetLoaded(model: { params: SvdParams; k: number } | null): void {
    this.ready = model !== null;
    this.use(model ?? undefined);
    this.result = undefined;
    this.run = undefined;
    this.epochs = [];
    this.evaluation = {};
    this.error = undefined;
    this.version++;
  }

  /** A model is now in use: the form shows its settings, so form, presets and "In use" agree. */
  private use(active: { params: SvdParams; k: number } | undefined): void {
    this.active = active;
    if (!active) return;
    const { nEpochs, regAll, solver, lrAll } = active.params;
    this.params = { nFactors: active.k, nEpochs, regAll, solver, lrAll };
  }

  applyPreset(name: keyof typeof PRESETS): void {
    this.params = { ...PRESETS[name].params };
  }

  /** Trains with the given params (undefined = engine defaults); warm continues from the current model with the visitor. */
  async train(options: { params?: Partial<SvdParams>; warm?: boolean } = {}): Promise<void> {
    await engine.ready;
    if (this.trainJob) void engine.api.cancel(this.trainJob);
    const jobId = crypto.randomUUID();
    this.trainJob = jobId;
    this.training = true;
    this.error = undefined;
    this.epochs = [];
    this.run = 'running';
    // Unknown until the engine's first progress says (its default depends on the dataset): 0 = "Training…".
    this.nEpochs = options.params?.nEpochs ?? 0;
    try {
      const result = await engine.api.train(
        { params: $state.snapshot(options.params), holdout: 0.1, warm: options.warm },
        proxy((e: EpochProgress) => {
          if (this.trainJob !== jobId) return;
          this.nEpochs = e.nEpochs;
          this.epochs = [...this.epochs, e];
        }),
        { jobId },
      );
      if (this.trainJob !== jobId) return;
      this.result = result;
      this.run = 'done';
      this.use({ params: result.params, k: result.params.nFactors });
      this.ready = true;
      this.version++;
    } catch (error) {
      if (this.trainJob !== jobId) return;
      // A load replaced the dataset during training: the model went to the cache of the old one.
      if (error instanceof Error && error.name === SUPERSEDED_ERROR) {
        this.error = errorMessage(error);
        return;
      }
      this.run = isAbort(error) ? 'cancelled' : 'failed';
      // A cancel is shown as the run's outcome beside its curve, not as an error.
      this.error = isAbort(error)
        ? undefined
        : `Training failed: ${errorMessage(error)}. The previous model (if any) is kept; try the Fast preset or another backend in Settings.`;
    } finally {
      if (this.trainJob === jobId) {
        this.training = false;
        this.trainJob = undefined;
      }
    }
  }

  /** Downloads the trained model as a StreamRec model file or an interchange .zip (the worker transfers the bytes). */
  async exportModel(datasetName: string, format: ModelExportFormat = 'streamrec'): Promise<void> {
    this.transferError = undefined;
    try {
      const bytes = await engine.api.exportModel(format);
      const zip = format === 'interchange';
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: zip ? 'application/zip' : 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `streamrec-${datasetName.replace(/[^\w.-]+/g, '-').toLowerCase()}${zip ? '-interchange.zip' : '.srmf'}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.transferError = `Export failed: ${errorMessage(error)}.`;
    }
  }

  /** Imports a StreamRec model file or an interchange model (manifest.json + ids + .f32, or a .zip of them). */
  async importModel(files: File[]): Promise<void> {
    this.transferError = undefined;
    this.imported = undefined;
    try {
      const summary = await engine.api.importModel(files);
      this.imported = summary;
      this.use({ params: summary.params, k: summary.k });
      this.ready = true;
      this.version++;
    } catch (error) {
      this.transferError = `Import failed, nothing changed: ${errorMessage(error)}`;
    }
  }

  cancelTraining(): void {
    if (this.trainJob) void engine.api.cancel(this.trainJob);
  }

  async evaluate(kind: EvalKind): Promise<void> {
    await engine.ready;
    const jobId = crypto.randomUUID();
    this.evalJob = jobId;
    this.evaluating = kind;
    this.evalError = undefined;
    this.evalProgress = undefined;
    try {
      const result = await engine.api.evaluate(
        { kind, params: $state.snapshot(this.params) },
        proxy((p: EvaluateProgress) => {
          if (this.evalJob === jobId) this.evalProgress = p;
        }),
        { jobId },
      );
      this.evaluation = { ...this.evaluation, [kind]: result };
    } catch (error) {
      this.evalError = isAbort(error)
        ? 'Evaluation was cancelled.'
        : `Evaluation could not run: ${errorMessage(error)}. Training and recommendations are not affected.`;
    } finally {
      if (this.evalJob === jobId) {
        this.evaluating = undefined;
        this.evalJob = undefined;
      }
    }
  }

  cancelEvaluation(): void {
    if (this.evalJob) void engine.api.cancel(this.evalJob);
  }
}

export const model = new ModelStore();
