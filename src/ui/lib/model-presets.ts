// The training presets and the editable subset of the SVD's settings, and which preset
// a model's settings are: the Model page highlights a preset only when it is exactly that.
import type { SvdParams } from '../../engine/api';

export type EditableParams = Pick<SvdParams, 'nFactors' | 'nEpochs' | 'regAll' | 'solver' | 'lrAll'>;

export const PRESETS: Record<'fast' | 'balanced' | 'accurate', { label: string; hint: string; params: EditableParams }> = {
  fast: { label: 'Fast', hint: '20 factors, 8 sweeps', params: { nFactors: 20, nEpochs: 8, regAll: 0.1, solver: 'als', lrAll: 0.005 } },
  balanced: { label: 'Balanced', hint: '50 factors, 15 sweeps', params: { nFactors: 50, nEpochs: 15, regAll: 0.1, solver: 'als', lrAll: 0.005 } },
  accurate: { label: 'Accurate', hint: '100 factors, 25 sweeps', params: { nFactors: 100, nEpochs: 25, regAll: 0.1, solver: 'als', lrAll: 0.005 } },
};

/** The preset a model's settings are, if any (factors, sweeps, regularisation and solver all equal). */
export function presetOf(params: Pick<SvdParams, 'nFactors' | 'nEpochs' | 'regAll' | 'solver'>): keyof typeof PRESETS | undefined {
  return (Object.keys(PRESETS) as (keyof typeof PRESETS)[]).find((name) => {
    const p = PRESETS[name].params;
    return p.nFactors === params.nFactors && p.nEpochs === params.nEpochs && p.regAll === params.regAll && p.solver === params.solver;
  });
}
