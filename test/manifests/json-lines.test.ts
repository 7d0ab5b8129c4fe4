/**
 * The line of each JSON member (`lineOf`) comes from a walk over the text that counts line breaks
 * in whitespace and reads char codes; it must give the lines the plain walk below gives (the one
 * it replaced: a regex per character, a line table searched per member) for any valid JSON.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonDocument } from '../../src/manifests/json.js';

/** The plain walk: every member's key (path joined by NUL) → the 1-based line where it starts. */
const referenceLines = (text: string): Map<string, number> => {
  const starts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') starts.push(k + 1);
  const lineOf = (offset: number): number => starts.filter((s) => s <= offset).length;
  const lines = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const str = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: (string | number)[]): void => {
    ws();
    if (text[i] === '{') {
      i++;
      for (;;) {
        ws();
        if (text[i] === '}') break;
        const at = i;
        const key = str();
        lines.set([...path, key].join('\u0000'), lineOf(at));
        ws();
        i++;
        value([...path, key]);
        ws();
        if (text[i] === ',') i++;
        else break;
      }
      i++;
    } else if (text[i] === '[') {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === ']') break;
        lines.set([...path, n].join('\u0000'), lineOf(i));
        value([...path, n]);
        ws();
        if (text[i] === ',') i++;
        else break;
      }
      i++;
    } else if (text[i] === '"') str();
    else while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  };
  value([]);
  return lines;
};

const pathsOf = (v: unknown, path: (string | number)[], out: (string | number)[][]): (string | number)[][] => {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...path, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...path, k], out);
  return out;
};

test('JSON member lines: the same as the plain walk for any JSON, however it is laid out', () => {
  const seed = Date.now() % 100000;
  console.log(`JSON member lines property seed ${seed}`);
  const layout = fc.record({ indent: fc.constantFrom(0, 1, 2, '\t'), crlf: fc.boolean(), lead: fc.constantFrom('', '\n', ' \r\n ') });
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), layout, (value, { indent, crlf, lead }) => {
      const body = JSON.stringify(value, null, indent);
      const text = `${lead}${crlf ? body.replace(/\n/g, '\r\n') : body}\n`;
      const parsed = parseJsonDocument(text, 'x.json');
      assert.ok('doc' in parsed);
      const reference = referenceLines(text);
      for (const path of [...pathsOf(JSON.parse(text), [], []), ['no such key']]) {
        // lineOf falls back to the nearest ancestor with a line, and to 1
        let expected = 1;
        for (let n = path.length; n > 0; n--) {
          const line = reference.get(path.slice(0, n).join('\u0000'));
          if (line !== undefined) {
            expected = line;
            break;
          }
        }
        assert.equal(parsed.doc.lineOf(path), expected, `${JSON.stringify(path)} in ${JSON.stringify(text)}`);
      }
    }),
    { seed, numRuns: 500 },
  );
});
