// The half-star rating control's behaviour, through its DOM-free logic module
// (svelte's mount needs a DOM, which the Node test runner lacks; the rendered
// control is driven by the e2e journey).
import { describe, expect, it } from 'vitest';
import { ratingAfterKey, ratingAtFraction, ratingText, snapRating, starFills } from '../../../src/ui/lib/star-rating';

describe('pointer position → rating', () => {
  it('gives a half star on the left half of a star and a whole star on its right half', () => {
    expect(ratingAtFraction(0.05)).toBe(0.5); // left half of star 1
    expect(ratingAtFraction(0.15)).toBe(1); // right half of star 1
    expect(ratingAtFraction(0.45)).toBe(2.5); // left half of star 3
    expect(ratingAtFraction(0.55)).toBe(3);
    expect(ratingAtFraction(0.95)).toBe(5);
  });
  it('clamps to 0.5..5 outside the control', () => {
    expect(ratingAtFraction(-0.3)).toBe(0.5);
    expect(ratingAtFraction(0)).toBe(0.5);
    expect(ratingAtFraction(1)).toBe(5);
    expect(ratingAtFraction(1.7)).toBe(5);
  });
});

describe('keyboard', () => {
  it('moves by half a star with the arrows, both ways', () => {
    expect(ratingAfterKey('ArrowRight', 3)).toBe(3.5);
    expect(ratingAfterKey('ArrowUp', 3.5)).toBe(4);
    expect(ratingAfterKey('ArrowLeft', 3)).toBe(2.5);
    expect(ratingAfterKey('ArrowDown', 2.5)).toBe(2);
  });
  it('stops at the ends of the scale', () => {
    expect(ratingAfterKey('ArrowRight', 5)).toBe(5);
    expect(ratingAfterKey('ArrowLeft', 0.5)).toBe(0.5);
  });
  it('starts an unrated control at half a star', () => {
    expect(ratingAfterKey('ArrowRight', null)).toBe(0.5);
    expect(ratingAfterKey('ArrowLeft', null)).toBe(0.5);
  });
  it('jumps with Home and End, by a whole star with PageUp/PageDown, and to a digit', () => {
    // Home goes to the slider's minimum, aria-valuemin 0 = not rated (StarRating.svelte), not to half a star.
    expect(ratingAfterKey('Home', 4)).toBeNull();
    expect(ratingAfterKey('End', null)).toBe(5);
    expect(ratingAfterKey('PageUp', 3.5)).toBe(4.5);
    expect(ratingAfterKey('PageDown', 1)).toBe(0.5);
    expect(ratingAfterKey('4', null)).toBe(4);
  });
  it('clears with Delete and Backspace', () => {
    expect(ratingAfterKey('Delete', 3)).toBeNull();
    expect(ratingAfterKey('Backspace', 3)).toBeNull();
  });
  it('leaves other keys (Tab, letters) to the browser', () => {
    expect(ratingAfterKey('Tab', 3)).toBeUndefined();
    expect(ratingAfterKey('a', 3)).toBeUndefined();
    expect(ratingAfterKey('7', 3)).toBeUndefined();
  });
});

describe('what is shown and spoken', () => {
  it('says the value as stars', () => {
    expect(ratingText(4.5)).toBe('4.5 stars');
    expect(ratingText(1)).toBe('1 star');
    expect(ratingText(0.5)).toBe('0.5 stars');
    expect(ratingText(null)).toBe('Not rated');
  });
  it('fills whole and half stars', () => {
    expect(starFills(3.5)).toEqual([1, 1, 1, 0.5, 0]);
    expect(starFills(null)).toEqual([0, 0, 0, 0, 0]);
    expect(starFills(5)).toEqual([1, 1, 1, 1, 1]);
  });
  it('snaps any number to the half-star grid', () => {
    expect(snapRating(3.26)).toBe(3.5);
    expect(snapRating(3.24)).toBe(3);
    expect(snapRating(9)).toBe(5);
    expect(snapRating(0)).toBe(0.5);
  });
});
