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

/**
 * Bracket depth and open string of the code read so far; a line at depth 0 with no open string ends a statement.
 * The quote is its character code (0: none), and the readers compare character codes: `line[i]` of a
 * character past Latin-1 (an em dash, a curly quote: most docs hold some) is a string of another
 * kind than the ones before it, and each such first meeting threw the compiled readers away.
 */
interface CodeState {
  depth: number;
  quote: number;
}

const BACKSLASH = 92;
const BACKTICK = 96;
const isQuote = (c: number): boolean => c === 34 || c === 39 || c === BACKTICK;
const isOpen = (c: number): boolean => c === 123 || c === 40 || c === 91;
const isClose = (c: number): boolean => c === 125 || c === 41 || c === 93;

/** Reads one line of code into `state`, skipping strings (template literals may span lines) and `//` comments. */
const readCode = (line: string, state: CodeState): void => {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (state.quote !== 0) {
      if (c === BACKSLASH) i++;
      else if (c === state.quote) state.quote = 0;
      continue;
    }
    if (isQuote(c)) state.quote = c;
    else if (c === 47 && line.charCodeAt(i + 1) === 47) return;
    else if (isOpen(c)) state.depth++;
    else if (isClose(c)) state.depth = Math.max(0, state.depth - 1);
  }
  // A quote left open at the end of a line: only a template literal runs on.
  if (state.quote !== 0 && state.quote !== BACKTICK) state.quote = 0;
};

/**
 * Reads one line of Markdown for `{…}` expressions (MDX 2 reads every unescaped brace in text as
 * one, a JSX attribute's value included): outside an expression, inline code spans and `\{` are
 * text; inside, strings and brackets are code's.
 */
const readText = (line: string, state: CodeState): void => {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (state.depth > 0) {
      if (state.quote !== 0) {
        if (c === BACKSLASH) i++;
        else if (c === state.quote) state.quote = 0;
      } else if (isQuote(c)) state.quote = c;
      else if (isOpen(c)) state.depth++;
      else if (isClose(c)) state.depth--;
      continue;
    }
    if (c === BACKSLASH) i++;
    else if (c === BACKTICK) {
      const close = line.indexOf('`', i + 1);
      if (close > i) i = close;
    } else if (c === 123) state.depth = 1;
  }
  if (state.quote !== 0 && state.quote !== BACKTICK) state.quote = 0;
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
  const expression: CodeState = { depth: 0, quote: 0 };
  let fence: string | null = null;
  for (let i = frontmatterEnd(lines); i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) fence = null;
      continue;
    }
    if (expression.depth === 0 && expression.quote === 0) {
      if (fenceMatch) {
        fence = fenceMatch[1];
        continue;
      }
      if (ESM_START.test(line)) {
        const code: CodeState = { depth: 0, quote: 0 };
        let end = i;
        for (let j = i; j < lines.length; j++) {
          const next = lines[j].replace(/\r$/, '');
          if (next.trim() === '' && code.depth === 0 && code.quote === 0) break;
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

/**
 * A page that takes findMdxEsm through its branches (frontmatter, fences, statements with strings,
 * comments and a template over lines, text expressions with strings and brackets, escapes, code
 * spans); findMdxEsm reads it a few times before its first real page, so V8's first compiled
 * readers are the ones that stay (a branch first met later, pages in, threw them away).
 */
const WARM_UP_PAGE = `---
title: A page
---
import { A } from './a' // a comment
import B, { c as d } from "../b"
export const meta = {
  title: \`two
lines\`,
  tags: ['a', "b\\"c", (1)],
}

# A title with \\{ an escaped brace and \`inline {code}\`

<A prop={{ a: "x}", b: ['y\\'z'], c: \`t\` }} />
Text {call('a', "b", \`c\`, [1], (2))} more.
Text {call(\`a template
over lines\`)} and {open("a quote left open
")}

\`\`\`js
import x from 'y'
\`\`\`

~~~
export const no = 1
~~~
`;

let warmedUp = false;

/** The spans of an MDX file's top-level ESM statements, warming the readers up on the first call. */
export const findMdxEsmWarm = (text: string): ScriptBlock[] => {
  if (!warmedUp) {
    warmedUp = true;
    for (let i = 0; i < 4; i++) findMdxEsm(WARM_UP_PAGE);
  }
  return findMdxEsm(text);
};
