/**
 * MDX's ESM: the `import`/`export` statements an MDX file holds at its top level are JavaScript
 * that @mdx-js compiles into the page's module, so what they import is imported by the page. A
 * statement starts a line at column 0 (not in a fenced code block, the frontmatter, or a `{…}`
 * expression or JSX attribute still open from earlier lines) and runs on to the first blank line
 * at which its brackets are closed, as MDX reads it. Everything else is Markdown and JSX, not code.
 */
import type { ScriptBlock } from '../javascript/embedded.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ESM_START = /^(?:import|export)(?=[\s{*]|$)/;

/** Bracket depth and open string of the code read so far; a line at depth 0 with no open string ends a statement. */
interface CodeState {
  depth: number;
  quote: string | null;
}

/** Reads one line of code into `state`, skipping strings (template literals may span lines) and `//` comments. */
const readCode = (line: string, state: CodeState): void => {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (state.quote !== null) {
      if (c === '\\') i++;
      else if (c === state.quote) state.quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') state.quote = c;
    else if (c === '/' && line[i + 1] === '/') return;
    else if (c === '{' || c === '(' || c === '[') state.depth++;
    else if (c === '}' || c === ')' || c === ']') state.depth = Math.max(0, state.depth - 1);
  }
  // A quote left open at the end of a line: only a template literal runs on.
  if (state.quote !== null && state.quote !== '`') state.quote = null;
};

/**
 * Reads one line of Markdown for `{…}` expressions (MDX 2 reads every unescaped brace in text as
 * one, a JSX attribute's value included): outside an expression, inline code spans and `\{` are
 * text; inside, strings and brackets are code's.
 */
const readText = (line: string, state: CodeState): void => {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (state.depth > 0) {
      if (state.quote !== null) {
        if (c === '\\') i++;
        else if (c === state.quote) state.quote = null;
      } else if (c === '"' || c === "'" || c === '`') state.quote = c;
      else if (c === '{' || c === '(' || c === '[') state.depth++;
      else if (c === '}' || c === ')' || c === ']') state.depth--;
      continue;
    }
    if (c === '\\') i++;
    else if (c === '`') {
      const close = line.indexOf('`', i + 1);
      if (close > i) i = close;
    } else if (c === '{') state.depth = 1;
  }
  if (state.quote !== null && state.quote !== '`') state.quote = null;
};

/** The frontmatter's end offset (after its closing `---` line), or 0 when the file has none. */
const frontmatterEnd = (lines: string[]): number => {
  if (!/^---\s*$/.test(lines[0] ?? '')) return 0;
  for (let i = 1; i < lines.length; i++) if (/^---\s*$/.test(lines[i])) return i + 1;
  return 0;
};

/** The spans of an MDX file's top-level ESM statements, as script blocks of its text. */
export const findMdxEsm = (text: string): ScriptBlock[] => {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  const blocks: ScriptBlock[] = [];
  const expression: CodeState = { depth: 0, quote: null };
  let fence: string | null = null;
  for (let i = frontmatterEnd(lines); i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) fence = null;
      continue;
    }
    if (expression.depth === 0 && expression.quote === null) {
      if (fenceMatch) {
        fence = fenceMatch[1];
        continue;
      }
      if (ESM_START.test(line)) {
        const code: CodeState = { depth: 0, quote: null };
        let end = i;
        for (let j = i; j < lines.length; j++) {
          const next = lines[j].replace(/\r$/, '');
          if (next.trim() === '' && code.depth === 0 && code.quote === null) break;
          readCode(next, code);
          end = j;
        }
        blocks.push({ start: starts[i], end: starts[end] + lines[end].replace(/\r$/, '').length, lang: 'jsx' });
        i = end;
        continue;
      }
    }
    readText(line, expression);
  }
  return blocks;
};
