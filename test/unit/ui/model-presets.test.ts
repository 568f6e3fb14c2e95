// A preset is highlighted only when the settings are exactly that preset's.
import { describe, expect, it } from 'vitest';
import { PRESETS, presetOf } from '../../../src/ui/lib/model-presets';

describe('which preset a model is', () => {
  it('names the preset whose factors, sweeps, regularisation and solver all match', () => {
    expect(presetOf({ nFactors: 20, nEpochs: 8, regAll: 0.1, solver: 'als' })).toBe('fast');
    expect(presetOf(PRESETS.accurate.params)).toBe('accurate');
  });
  it('names none when one setting differs (the engine default: 100 factors, 7 sweeps, λ 0.12)', () => {
    expect(presetOf({ nFactors: 100, nEpochs: 7, regAll: 0.12, solver: 'als' })).toBeUndefined();
    expect(presetOf({ ...PRESETS.balanced.params, nEpochs: 16 })).toBeUndefined();
    expect(presetOf({ ...PRESETS.balanced.params, solver: 'sgd' })).toBeUndefined();
  });
});
