// Attack suite, lookups by data-derived keys and storage errors (issue 16 case 15): a genre
// named after an Object.prototype property must get a colour like any other unknown genre, a
// URL query key must not read inherited properties, and a full disk is described in words.
import { describe, expect, it } from 'vitest';
import { coverStyle, genreHue, hashString } from '../../../src/ui/lib/cover';
import { storageErrorMessage } from '../../../src/ui/lib/format';
import { parseHash } from '../../../src/ui/lib/route';

describe('attack: data-derived keys (case 15)', () => {
  it('gives genres named __proto__, constructor, toString the hue of their hash, as any unknown genre', () => {
    for (const g of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(genreHue(g), g).toBe(hashString(g) % 360);
      expect(coverStyle('Title', 2000, [g, g]).background, g).toMatch(/^linear-gradient\(\d+deg, hsl\(\d+ 68% \d+%\), hsl\(\d+ 60% \d+%\)\)$/);
    }
    expect(genreHue('Drama')).toBe(215);
  });
  it('reads a URL query without inherited properties', () => {
    const { query } = parseHash('#/for-you?genres=Drama');
    expect(query['constructor']).toBeUndefined();
    expect(query['toString']).toBeUndefined();
    expect(parseHash('#/for-you?__proto__=x&constructor=y').query).toEqual({ ['__proto__']: 'x', constructor: 'y' });
  });
  it('describes a full storage in words, not the IndexedDB error text', () => {
    const quota = new DOMException('Transaction aborted: IDBDatabase internal error 0x80004005', 'QuotaExceededError');
    expect(storageErrorMessage(quota)).toBe(
      "Your browser's storage is full. Free some space (Settings shows what this site uses, and other sites' data can be cleared in the browser's settings), then try again",
    );
    expect(storageErrorMessage(new DOMException('The transaction was aborted', 'AbortError'))).toBe('The browser stopped the write before it finished');
  });
});
