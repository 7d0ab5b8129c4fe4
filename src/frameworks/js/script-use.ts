/**
 * What makes a path the module spells to a file that is not code (a shell or Python script, a
 * program without an extension) a file in use: its bytes read or copied (pm2 reads
 * `completion.sh` with `fs.readFile(p, …)`), or the path run or made runnable: handed to
 * `exec`/`execFile`/`spawn`/`fork`/`execa`/`chmod` (pm2's `execFile(cmd, args)` after `cmd =
 * appName || path.join(__dirname, './xdg-open')`), inside their arguments or a command string
 * built there (`exec('python3 ' + path.join(__dirname, 'gen.py'))`). The path counts directly, or
 * through the name it is assigned to (`const`/`let`/`var` or a plain assignment, in the same
 * statement as the join) and any later use of that name in the same function. A path only printed
 * to the terminal (`'run ' + path.join(__dirname, 'uninstall.sh')` logged), returned, put in a message or a
 * help text is no evidence: a code file's path is evidence by itself (something may `require` it),
 * a script's is not. Read from the text, never run.
 */
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { functionRegion } from './function-region.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { byteUseAt } from './support.js';

/** Calls that run a program or make it runnable (child_process, execa, shelljs, fs). */
const RUN_CALL = /(?<![\w$])(exec|execSync|execFile|execFileSync|spawn|spawnSync|fork|execa|execaSync|execaCommand|execaCommandSync|execaNode|chmod|chmodSync)\s*$/;
/** How far back from the path its run call's `(` is looked for, and how many calls out. */
const CALL_WINDOW = 400;
const MAX_LEVELS = 4;
/** Later uses of the name a path is assigned to that are looked at (a hostile file naming it thousands of times costs no more). */
const MAX_USES = 32;
/** How long a block that replaces a held path may be. */
const BLOCK_WINDOW = 20_000;
/** The statement up to the path: `[const|let|var] NAME = …` with no statement break between. */
const ASSIGNED = /(?:^|[;{}\n])\s*(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*=(?![=>])[^;{}\n=]*$/;

/** The keyword `function` ending at the second-to-last character. */
const FUNCTION_END = /(?<![\w$])function(?![\w$])[\s\S]$/;

/** The name of the run call whose arguments hold the position (`execFile(cmd, [x])`, `exec('sh ' + x)`, `` exec(`sh ${x}`) ``); null when none. */
const runCallAround = (text: string, at: number): string | null => {
  let depth = 0;
  let levels = 0;
  for (let i = at - 1; i >= Math.max(0, at - CALL_WINDOW); i--) {
    const c = text[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (depth > 0) {
        depth--;
        continue;
      }
      // A template's `${`: the command string goes on outside it.
      if (c === '{' && text[i - 1] !== '$') return null;
      if (c === '(') {
        const run = RUN_CALL.exec(text.slice(Math.max(0, i - 40), i));
        if (run !== null) return run[1];
      }
      if (++levels > MAX_LEVELS) return null;
    } else if (depth === 0 && (c === ';' || (c === '>' && text[i - 1] === '=') || (c === 'n' && FUNCTION_END.test(text.slice(Math.max(0, i - 9), i + 2))))) {
      // A statement's end, or a function's start: a path in a callback (`exec(cmd, (err) =>
      // log('run ' + p))`) is the callback's, not the run call's (review 4 finding 6).
      return null;
    }
  }
  return null;
};

/** What one use at `at` does with the path, for the evidence (`reads its bytes`, `hands it to execFile()`); null for anything else. */
const useAt = (text: string, at: number): string | null => {
  const bytes = byteUseAt(text, at);
  if (bytes !== null && bytes !== 'content-free') return bytes.verb;
  const run = runCallAround(text, at);
  return run === null ? null : `hands it to ${run}()`;
};

/**
 * How the path expression at `at` (ending at `end`) to a script or program is used, as the
 * evidence's tail (`, reads its bytes at lib/index.js:9`); null when the text shows no read and no run.
 */
export const scriptUse = (text: string, file: string, at: number, end: number): string | null => {
  const direct = useAt(text, at);
  if (direct !== null) return ` ${direct}`;
  const held = ASSIGNED.exec(text.slice(Math.max(0, at - 200), at));
  if (held === null) return null;
  const region = functionRegion(text, at);
  const name = escapeRegExp(held[1]);
  const uses = new RegExp(String.raw`(?<![\w$.])${name}(?![\w$]|\s*=(?![=>]))`, 'g');
  // Stop 53 (review 4 finding 7): a later assignment that every path to a use passes through holds a new value there.
  const assigned = new RegExp(String.raw`(?<![\w$.])${name}\s*=(?![=>])`, 'g');
  assigned.lastIndex = end;
  const reassignments: number[] = [];
  for (let m = assigned.exec(text); m !== null && m.index < region.end && reassignments.length < MAX_USES; m = assigned.exec(text)) reassignments.push(m.index);
  // From the function body's own `{` (a top-level statement is in no block census closes: it replaces nothing).
  const blocks = reassignments.length === 0 ? [] : innermostBlocks(text, Math.max(0, region.start - 1), reassignments);
  uses.lastIndex = end;
  let seen = 0;
  for (let m = uses.exec(text); m !== null && m.index < region.end && ++seen <= MAX_USES; m = uses.exec(text)) {
    const useAtIndex = m.index;
    if (reassignments.some((r, i) => r < useAtIndex && overwrites(text, r, held[1], useAtIndex, blocks[i], region.start))) continue;
    const use = useAt(text, m.index);
    if (use !== null) return `, ${use} at ${file}:${lineAt(text, m.index)} (as ${held[1]})`;
  }
  return null;
};

/** For each position (ascending), the `{` of the innermost block around it (-1: none), in one walk from `from` with quoted text skipped. */
const innermostBlocks = (text: string, from: number, positions: readonly number[]): number[] => {
  const out: number[] = [];
  const stack: number[] = [];
  let next = 0;
  let quote = '';
  for (let i = from; i < text.length && next < positions.length; i++) {
    while (next < positions.length && positions[next] === i) {
      out.push(stack.length === 0 ? -1 : stack[stack.length - 1]);
      next++;
    }
    const c = text[i];
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote || (c === '\n' && quote !== '`')) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') stack.push(i);
    else if (c === '}') stack.pop();
  }
  while (out.length < positions.length) out.push(-1);
  return out;
};

/**
 * Whether the assignment to `name` at `at` replaces its value for the use at `use`: a statement of
 * its own (after `;`, `{` or `}`: not `if (c) x = …`, `c && (x = …)` or `else x = …`) whose value
 * does not read the name again (`x = x + '.sh'` keeps the path), in a block (its `{` at `open`) that
 * holds the use too and is no `switch` body (a `case`'s assignment is not on every path). pm2's
 * `cmd = 'sudo'` inside `if (process.env.SUDO_USER) { … }` is in a block the `execFile(cmd, …)` after
 * it is outside of: the path still reaches the run there. A block census cannot close replaces nothing.
 */
const overwrites = (text: string, at: number, name: string, use: number, open: number, floor: number): boolean => {
  if (open < 0) return false;
  let before = at - 1;
  while (before >= floor && /\s/.test(text[before])) before--;
  if (before >= floor && !';{}'.includes(text[before])) return false;
  const statementEnd = text.slice(at, Math.min(text.length, at + 400)).search(/[;\n]/);
  const value = text.slice(text.indexOf('=', at) + 1, statementEnd < 0 ? at + 400 : at + statementEnd);
  if (new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}(?![\w$])`).test(value)) return false;
  if (/\bswitch\s*\([^{}]*\)\s*$/.test(text.slice(Math.max(0, open - 200), open))) return false;
  const block = balancedText(text, open, BLOCK_WINDOW);
  return block !== null && open + block.length > use;
};
