/**
 * One pass over every token after the statement walk: counts branch points, notes dotted names
 * that may be calls census cares about (resolved in calls.ts once every import is known), and
 * reads string literals that name modules.
 *
 * Complexity is a cheap approximation: 1 + the number of `if`, `elif`, `for`, `while`, `except`,
 * `with`, `and`, `or` tokens and `case` clauses. So comprehension `if`/`for` and conditional
 * expressions count too, `else` does not.
 */
import type { Frame } from './frames.js';
import { isModuleAttr, isModuleName, isPlainString, stringList, stringValue } from './literals.js';
import { callArgs, isOp, splitTop } from './ranges.js';
import type { ExtractState } from './state.js';
import { stringContent } from './tokenize.js';
import { Kind, Op, Word } from './tokens.js';

export const scanTokens = (st: ExtractState, segStart: number[], segFrame: Frame[], renamed: Set<string>): number => {
  const t = st.t;
  const n = t.count;
  const kinds = t.kind;
  const values = t.value;
  const segments = segStart.length;
  let complexity = 1 + st.caseClauses;
  let seg = 0;
  for (let i = 0; i < n; i++) {
    const k = kinds[i];
    if (k === Kind.Name) {
      const w = values[i];
      if (w === Word.None) {
        if (renamed.size > 0 && renamed.has(t.text.slice(t.start[i], t.end[i])) && !isOp(t, i - 1, Op.Dot)) {
          while (seg + 1 < segments && segStart[seg + 1] <= i) seg++;
          st.nameSites.push({ root: i, last: i, frame: segFrame[seg] });
        }
        continue;
      }
      switch (w) {
        case Word.If:
        case Word.Elif:
        case Word.For:
        case Word.While:
        case Word.Except:
        case Word.With:
        case Word.And:
        case Word.Or:
          complexity++;
          break;
        case Word.DunderImport:
        case Word.ImportModule:
        case Word.CommandCall:
        case Word.CliName: {
          let root = i;
          while (root >= 2 && kinds[root - 1] === Kind.Op && values[root - 1] === Op.Dot && kinds[root - 2] === Kind.Name) root -= 2;
          // `x().run`, `a[0].run`: not a plain dotted name.
          if (root > 0 && kinds[root - 1] === Kind.Op && values[root - 1] === Op.Dot) break;
          while (seg + 1 < segments && segStart[seg + 1] <= i) seg++;
          st.nameSites.push({ root, last: i, frame: segFrame[seg] });
          break;
        }
        case Word.Include:
          includeReferences(st, i);
          break;
        case Word.AutodiscoverTasks:
          if (isOp(t, i + 1, Op.LParen)) firstArgModules(st, i + 1, 'celery autodiscover_tasks');
          break;
      }
    } else if (k === Kind.String && isPlainString(t, i)) {
      const { start, end } = stringContent(t, i);
      if (end - start >= 3 && isModuleAttr(t.text, start, end)) {
        st.facts.references.push({ target: t.text.slice(start, end), form: 'module-attr', line: t.line[i], via: 'string literal' });
      }
    }
  }
  return complexity;
};

const addModules = (st: ExtractState, names: string[] | null, line: number, via: string): void => {
  if (names === null || !names.every(isModuleName)) return;
  for (const target of names) st.facts.references.push({ target, form: 'module', line, via });
};

/** Celery's `include=['pkg.tasks']` keyword, and Django's `include('app.urls')` call. */
const includeReferences = (st: ExtractState, i: number): void => {
  const t = st.t;
  if (isOp(t, i + 1, Op.Assign) && t.depth[i] > 0) {
    const d = t.depth[i];
    let end = i + 2;
    // The value runs to the next comma on this level or the call's closing bracket.
    while (end < t.count && t.depth[end] >= d && !(t.depth[end] === d && isOp(t, end, Op.Comma))) end++;
    addModules(st, stringList(t, i + 2, end), t.line[i], 'celery include');
  } else if (isOp(t, i + 1, Op.LParen)) {
    firstArgModules(st, i + 1, 'django include', true);
  }
};

/** Module names in the first argument of the call opened at `open`: a list, or one string. */
const firstArgModules = (st: ExtractState, open: number, via: string, single = false): void => {
  const t = st.t;
  const args = callArgs(t, open, t.count);
  const first = args?.positional[0];
  if (!first) return;
  if (single) {
    const value = stringValue(t, first[0], first[1]);
    if (value !== null && value.includes('.')) addModules(st, [value], t.line[open], via);
    return;
  }
  if (splitTop(t, first[0], first[1]).length === 1) addModules(st, stringList(t, first[0], first[1]), t.line[open], via);
};
