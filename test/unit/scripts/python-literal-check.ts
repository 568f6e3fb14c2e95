// Test helper: a strict recogniser for the Python literal subset The Movies Dataset uses
// (list, dict, str with Python escapes, int, float, None/True/False). Returns the parsed
// value, or throws with the offset of the first character Python's ast.literal_eval would reject.

export type PyParsed = null | boolean | number | string | PyParsed[] | { [key: string]: PyParsed };

export function parsePythonLiteral(text: string): PyParsed {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${pos}: ${JSON.stringify(text.slice(Math.max(0, pos - 20), pos + 20))}`);
  };
  const ws = () => {
    while (text[pos] === ' ') pos++;
  };
  const str = (): string => {
    const quote = text[pos++];
    let out = '';
    for (;;) {
      const ch = text[pos++];
      if (ch === undefined || ch === '\n') fail('unterminated string');
      if (ch === quote) return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = text[pos++];
      if (esc === 'n') out += '\n';
      else if (esc === 't') out += '\t';
      else if (esc === 'r') out += '\r';
      else if (esc === '\\' || esc === "'" || esc === '"') out += esc;
      else if (esc === 'x' && /^[0-9a-f]{2}$/.test(text.slice(pos, pos + 2))) {
        out += String.fromCharCode(parseInt(text.slice(pos, pos + 2), 16));
        pos += 2;
      } else fail('bad escape');
    }
  };
  const value = (): PyParsed => {
    ws();
    const ch = text[pos];
    if (ch === "'" || ch === '"') return str();
    if (ch === '[') {
      pos++;
      const list: PyParsed[] = [];
      ws();
      if (text[pos] === ']') return pos++, list;
      for (;;) {
        list.push(value());
        ws();
        if (text[pos] === ']') return pos++, list;
        if (text[pos++] !== ',') fail('expected , or ]');
      }
    }
    if (ch === '{') {
      pos++;
      const dict: { [key: string]: PyParsed } = {};
      ws();
      if (text[pos] === '}') return pos++, dict;
      for (;;) {
        ws();
        if (text[pos] !== "'" && text[pos] !== '"') fail('expected string key');
        const key = str();
        ws();
        if (text[pos++] !== ':') fail('expected :');
        dict[key] = value();
        ws();
        if (text[pos] === '}') return pos++, dict;
        if (text[pos++] !== ',') fail('expected , or }');
      }
    }
    for (const [word, v] of [['None', null], ['True', true], ['False', false]] as const) {
      if (text.startsWith(word, pos)) return (pos += word.length), v;
    }
    const num = /^-?\d+(\.\d+)?(e[-+]?\d+)?/.exec(text.slice(pos));
    if (num) return (pos += num[0].length), Number(num[0]);
    return fail('unexpected character');
  };
  const result = value();
  ws();
  if (pos !== text.length) fail('trailing text');
  return result;
}
