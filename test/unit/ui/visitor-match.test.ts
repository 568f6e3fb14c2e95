// The sentence that tells the visitor how many of their ratings the loaded dataset has.
import { describe, expect, it } from 'vitest';
import { datasetPhrase, ratingsMatchText } from '../../../src/ui/lib/visitor-match';

describe('ratings matched in a dataset', () => {
  it('says how many of the ratings are in the dataset when some are missing', () => {
    expect(ratingsMatchText(9, 16, 'MovieLens 100K')).toBe('9 of your 16 ratings are in MovieLens 100K.');
    expect(ratingsMatchText(1, 16, 'MovieLens 100K')).toBe('1 of your 16 ratings is in MovieLens 100K.');
  });
  it('says so when none matched', () => {
    expect(ratingsMatchText(0, 16, 'MovieLens 100K')).toBe('None of your 16 ratings are in MovieLens 100K.');
    expect(ratingsMatchText(0, 1, 'MovieLens 100K')).toBe('Your 1 rating is not in MovieLens 100K.');
  });
  it('says nothing when every rating matched or there are none', () => {
    expect(ratingsMatchText(16, 16, 'MovieLens 100K')).toBeUndefined();
    expect(ratingsMatchText(0, 0, 'MovieLens 100K')).toBeUndefined();
  });
  it('does not name the synthetic demo by its label', () => {
    expect(datasetPhrase('Demo data, synthetic ratings', true)).toBe('this dataset');
    expect(datasetPhrase('MovieLens 100K', false)).toBe('MovieLens 100K');
  });
});
