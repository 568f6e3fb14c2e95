import { describe, expect, it } from 'vitest';
import { cleanText, parseBool, parseId, parseNumber, parseYear, splitTitleYear } from '../../../src/etl/clean';

describe('cleaning rules for single values', () => {
  it('trims and collapses whitespace, keeping non-ASCII', () => {
    expect(cleanText("  Pharaoh's  Army\t\n ")).toBe("Pharaoh's Army");
    expect(cleanText('Amélie\u00a0 Poulain')).toBe('Amélie Poulain');
  });
  it('parses numbers including exponents, NaN for junk', () => {
    expect(parseNumber('8.20E-05')).toBeCloseTo(8.2e-5);
    expect(parseNumber(' 7.7 ')).toBe(7.7);
    expect(parseNumber('n/a')).toBeNaN();
    expect(parseNumber('')).toBeNaN();
  });
  it('accepts positive integer ids only; a date is not an id', () => {
    expect(parseId('862')).toBe(862);
    expect(parseId('862.0')).toBe(862);
    expect(parseId('1997-08-20')).toBe(-1);
    expect(parseId('0')).toBe(-1);
    expect(parseId('')).toBe(-1);
  });
  it('reads TRUE/FALSE/True/False/true/false', () => {
    expect(['TRUE', 'True', 'true', '1'].map(parseBool)).toEqual([true, true, true, true]);
    expect(['FALSE', 'False', 'false', '0'].map(parseBool)).toEqual([false, false, false, false]);
    expect(parseBool(' - Written by Ørnås')).toBeNull();
  });
  it('takes the year from ISO, spreadsheet M/D/YYYY and DD-Mon-YYYY dates', () => {
    expect(parseYear('1995-10-30')).toBe(1995);
    expect(parseYear('10/30/1995')).toBe(1995);
    expect(parseYear('1/5/2001')).toBe(2001);
    expect(parseYear('01-Jan-1995')).toBe(1995);
    expect(parseYear('2010')).toBe(2010);
    expect(parseYear('bad date')).toBe(0);
    expect(parseYear('')).toBe(0);
  });
  it('splits "Title (1995)" into title and year', () => {
    expect(splitTitleYear('Toy Story (1995)')).toEqual({ title: 'Toy Story', year: 1995 });
    expect(splitTitleYear('Babylon 5 (1994–1998)')).toEqual({ title: 'Babylon 5', year: 1994 });
    expect(splitTitleYear('Black Mirror')).toEqual({ title: 'Black Mirror', year: 0 });
  });
});
