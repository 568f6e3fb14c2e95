// A rating scale (min, max, step) and the conversions between scales: the one place that
// knows a 5★ on a 0.5–5 set means 10 on a 1–10 set. Thresholds that were tuned on 5-star
// data (relevance ≥ 4, "liked" ≥ 3.5) are stated on that reference scale and mapped, so
// they keep their meaning on any scale. No DOM, no TensorFlow.js: both threads import it.

export interface RatingScale {
  min: number;
  max: number;
  /** Smallest difference between two ratings (0.5 for half stars, 1 for whole points). */
  step: number;
}

/** MovieLens' half stars: the scale the thresholds below were measured on. */
export const HALF_STARS: RatingScale = { min: 0.5, max: 5, step: 0.5 };

/** A scale from [min, max] and a step; throws when it is not one (a step that does not divide the range). */
export function ratingScale(min: number, max: number, step: number): RatingScale {
  const steps = (max - min) / step;
  if (!(Number.isFinite(min) && Number.isFinite(max) && step > 0 && max > min) || Math.abs(steps - Math.round(steps)) > 1e-6) {
    throw new RangeError(`not a rating scale: ${min}–${max} in steps of ${step}`);
  }
  return { min, max, step };
}

/** Number of distinct values on the scale (10 for half stars, 10 for 1–10). */
export function scaleSteps(s: RatingScale): number {
  return Math.round((s.max - s.min) / s.step) + 1;
}

/** `value` moved to the nearest point of the scale, clamped to it. */
export function snapToScale(value: number, s: RatingScale): number {
  const k = Math.round((value - s.min) / s.step);
  const snapped = s.min + Math.min(scaleSteps(s) - 1, Math.max(0, k)) * s.step;
  return Math.round(snapped * 1e6) / 1e6;
}

/** Where `value` lies on the scale: 0 at min, 1 at max (not clamped). */
export function scaleFraction(value: number, s: RatingScale): number {
  return (value - s.min) / (s.max - s.min);
}

/** The value at `fraction` of the scale, not snapped. */
export function valueAtFraction(fraction: number, s: RatingScale): number {
  return s.min + fraction * (s.max - s.min);
}

/**
 * A rating on scale `from` expressed on scale `to`: the same position between min and max,
 * snapped to `to`'s steps. 1–10 maps onto half stars exactly (1 → 0.5, 10 → 5).
 */
export function convertRating(value: number, from: RatingScale, to: RatingScale): number {
  return snapToScale(valueAtFraction(scaleFraction(value, from), to), to);
}

/** The value on `s` at the position `reference` has on half stars (not snapped): 4★ → 8 on 1–10. */
export function fromHalfStarPosition(reference: number, s: RatingScale): number {
  return valueAtFraction(scaleFraction(reference, HALF_STARS), s);
}

/** Test ratings at or above this count as relevant in ranking metrics: 4★ on half stars. */
export function relevanceThreshold(s: RatingScale): number {
  return fromHalfStarPosition(4, s);
}

/** A rating at or above this reads as "liked" in explanations: 3.5★ on half stars. */
export function likedThreshold(s: RatingScale): number {
  return fromHalfStarPosition(3.5, s);
}

/** "0.5–5 in half stars", "1–10", "1–5": how the report and the UI name a scale. */
export function describeScale(s: RatingScale): string {
  const range = `${s.min}–${s.max}`;
  if (s.step === 0.5) return `${range} in half steps`;
  if (s.step === 1) return range;
  return `${range} in steps of ${s.step}`;
}

/** Same scale (exactly: stored ratings carry their scale, so a migration compares them). */
export function sameScale(a: RatingScale, b: RatingScale): boolean {
  return a.min === b.min && a.max === b.max && a.step === b.step;
}
