/**
 * JSON with comments and trailing commas (tsconfig.json, jsconfig.json, .vscode files).
 * Returns the value, or an error with the 1-based line where parsing failed.
 */
import { lineAt } from './lines.js';

export type JsoncResult = { value: unknown } | { error: string; line: number };

/** Blank out comments and trailing commas, keeping offsets (and so line numbers) intact. */
export const stripJsonc = (text: string): string => {
  const out = text.split('');
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') out[i++] = ' ';
    } else if (c === '/' && text[i + 1] === '*') {
      while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] !== '\n') out[i] = ' ';
        i++;
      }
      if (i < n) out[i] = out[i + 1] = ' ';
      i += 2;
    } else if (c === ',') {
      // A comma is trailing when only whitespace and comments stand between it and the bracket.
      let j = i + 1;
      for (;;) {
        while (j < n && /\s/.test(text[j])) j++;
        if (text[j] === '/' && text[j + 1] === '/') {
          while (j < n && text[j] !== '\n') j++;
        } else if (text[j] === '/' && text[j + 1] === '*') {
          const end = text.indexOf('*/', j + 2);
          j = end < 0 ? n : end + 2;
        } else {
          break;
        }
      }
      if (text[j] === '}' || text[j] === ']') out[i] = ' ';
      i++;
    } else {
      i++;
    }
  }
  return out.join('');
};

/** Parse strict JSON or JSONC; the error names the line, as a user would look for it. */
export const parseJsonc = (text: string): JsoncResult => {
  const stripped = stripJsonc(text);
  try {
    return { value: JSON.parse(stripped) };
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(stripped, Number(pos[1])) : /line (\d+)/.exec(message) ? Number(/line (\d+)/.exec(message)![1]) : 1;
    return { error: message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, ''), line };
  }
};
