// Writes values the way Python's repr() does, because The Movies Dataset stores its nested
// fields (genres, cast, crew, keywords, …) as str(list_of_dicts), not JSON.

/** @typedef {string | number | boolean | null | PyList | PyDict} PyValue */
/** @typedef {Array<PyValue>} PyList */
/** @typedef {{ [key: string]: PyValue }} PyDict */

// Anything other than these characters can be written between single quotes unchanged.
const NEEDS_ESCAPE = /['\\\x00-\x1f\x7f-\x9f]/;

/**
 * Python 3 repr of a str: single quotes unless the text contains ' and no ", in which case
 * double quotes (so "O'Brien" stays readable, as in the Kaggle files); backslash, the quote
 * in use and control characters are escaped; printable non-ASCII is kept as is.
 * @param {string} text
 * @returns {string}
 */
export function pyStr(text) {
  if (!NEEDS_ESCAPE.test(text)) return "'" + text + "'";
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const c = /** @type {number} */ (ch.codePointAt(0));
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/**
 * Python repr of a JSON-like value: None/True/False, ints, floats, str, list, dict.
 * Floats that are integral keep their ".0" only if passed through {@link pyFloat}.
 * @param {PyValue} value
 * @returns {string}
 */
export function pyRepr(value) {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pyStr(value);
  if (Array.isArray(value)) return '[' + value.map(pyRepr).join(', ') + ']';
  let out = '{';
  let first = true;
  for (const key of Object.keys(value)) {
    if (!first) out += ', ';
    first = false;
    out += pyStr(key) + ': ' + pyRepr(value[key]);
  }
  return out + '}';
}

/**
 * A number as pandas writes a float64 column: integral values keep ".0" (e.g. revenue
 * "373554033.0", runtime "81.0" in the Kaggle movies_metadata.csv).
 * @param {number} value
 * @returns {string}
 */
export function pyFloat(value) {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}
