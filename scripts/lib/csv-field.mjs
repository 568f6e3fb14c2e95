// RFC 4180 quoting for one CSV field, as pandas' to_csv writes it: quote only when the
// field holds a comma, a quote or a line break; double inner quotes.

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * @param {string | number} value
 * @returns {string}
 */
export function csvField(value) {
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
}

/**
 * One CSV line (without its terminator).
 * @param {ReadonlyArray<string | number>} fields
 * @returns {string}
 */
export function csvRow(fields) {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += ',';
    out += csvField(fields[i]);
  }
  return out;
}
