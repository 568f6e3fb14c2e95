// The half-star rating control's logic, free of the DOM so it is unit-tested in
// Node: pointer position → value, keyboard → value, and the spoken value text.

export const MIN_RATING = 0.5;
export const MAX_RATING = 5;
export const STEP = 0.5;

/** A rating snapped to the half-star grid and clamped to 0.5..5. */
export function snapRating(value: number): number {
  const snapped = Math.round(value / STEP) * STEP;
  return Math.min(MAX_RATING, Math.max(MIN_RATING, snapped));
}

/**
 * The value under the pointer, from its offset across the control (0 = left edge,
 * 1 = right edge): the left half of a star is the half star, the right half the whole.
 */
export function ratingAtFraction(fraction: number, stars = 5): number {
  const f = Math.min(1, Math.max(0, fraction));
  const halves = Math.ceil(f * stars * 2 - 1e-9);
  return snapRating(Math.max(1, halves) * STEP);
}

/** What a key press does: a new value, `null` to clear, or `undefined` when the key is not ours. */
export function ratingAfterKey(key: string, value: number | null): number | null | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return value === null ? MIN_RATING : snapRating(value + STEP);
    case 'ArrowLeft':
    case 'ArrowDown':
      return value === null ? MIN_RATING : snapRating(value - STEP);
    case 'PageUp':
      return value === null ? 1 : snapRating(value + 1);
    case 'PageDown':
      return value === null ? MIN_RATING : snapRating(value - 1);
    // The slider's minimum is "not rated" (aria-valuemin 0), so Home goes there, as Delete does.
    case 'Home':
      return null;
    case 'End':
      return MAX_RATING;
    case 'Delete':
    case 'Backspace':
    case '0':
      return null;
    default:
      if (/^[1-5]$/.test(key)) return Number(key);
      return undefined;
  }
}

/** aria-valuetext: "4.5 stars", "1 star", "Not rated". */
export function ratingText(value: number | null): string {
  if (value === null) return 'Not rated';
  return `${formatRating(value)} ${value === 1 ? 'star' : 'stars'}`;
}

export function formatRating(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** How full each of the five stars is (0, 0.5 or 1) for a value. */
export function starFills(value: number | null, stars = 5): number[] {
  return Array.from({ length: stars }, (_, i) => {
    if (value === null) return 0;
    return Math.max(0, Math.min(1, value - i));
  });
}
