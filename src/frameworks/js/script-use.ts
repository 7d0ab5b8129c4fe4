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
import { bracketPairs, type BracketPair } from '../../languages/javascript/code-end.js';
import { byteUseAt } from './support.js';
import { shadowedBetween } from './shadowed-names.js';

/** Calls that run a program or make it runnable (child_process, execa, shelljs, fs). */
const RUN_CALL = /(?<![\w$])(exec|execSync|execFile|execFileSync|spawn|spawnSync|fork|execa|execaSync|execaCommand|execaCommandSync|execaNode|chmod|chmodSync)\s*$/;
/** How far back from the path its run call's `(` is looked for, and how many calls out. */
const CALL_WINDOW = 400;
const MAX_LEVELS = 4;
/** Later uses of the name a path is assigned to that are looked at (a hostile file naming it thousands of times costs no more). */
const MAX_USES = 32;
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
  // Each reassignment's block, and whether it replaces the value, decided once: a use only asks whether it is inside.
  const spans = reassignments.map((r) => replacingBlock(text, r, held[1], region.start));
  uses.lastIndex = end;
  let seen = 0;
  for (let m = uses.exec(text); m !== null && m.index < region.end && ++seen <= MAX_USES; m = uses.exec(text)) {
    const useAtIndex = m.index;
    if (reassignments.some((r, i) => r < useAtIndex && spans[i] !== null && spans[i]!.close > useAtIndex)) continue;
    // Stop 54: a function taking a parameter of the name (`cmds.forEach(cmd => execFile(cmd))`) runs its argument, not the path.
    if (shadowedBetween(text, held[1], end, useAtIndex)) continue;
    const use = useAt(text, m.index);
    if (use !== null) return `, ${use} at ${file}:${lineAt(text, m.index)} (as ${held[1]})`;
  }
  return null;
};

let braced: { text: string; braces: BracketPair[] } | null = null;

/**
 * Every `{` of the text with its `}`, in order of `{`, from one walk per text (held for the next
 * path of the same file): code-end.ts bracketPairs, whose walk the other brace walkers share; a
 * block open where a regular expression meets a line break is never closed, so it replaces nothing.
 */
const bracesOf = (text: string): BracketPair[] => {
  if (braced !== null && braced.text === text) return braced.braces;
  const braces = bracketPairs(text, '{');
  braced = { text, braces };
  return braces;
};

/** How many blocks back from a position the innermost one around it is looked for (siblings closed before it are stepped over). */
const BLOCK_STEPS = 2_000;

/** The innermost block around `at` from `floor` on; null when none, or when it is not sure. */
const innermostBlock = (text: string, at: number, floor: number): BracketPair | null => {
  const braces = bracesOf(text);
  let lo = 0;
  let hi = braces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (braces[mid].open < at) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1, steps = 0; k >= 0 && braces[k].open >= floor - 1 && steps < BLOCK_STEPS; k--, steps++) {
    const b = braces[k];
    if (b.close === -1) return null;
    if (b.close > at) return b;
  }
  return null;
};

/**
 * The block in which the assignment to `name` at `at` replaces its value, null when it replaces
 * nothing: a statement of its own (after `;`, `{` or `}`: not `if (c) x = …`, `c && (x = …)` or
 * `else x = …`) whose value does not read the name again (`x = x + '.sh'` keeps the path), in a
 * block of the function (from its body's `{`, `floor`) that is no `switch` body (a `case`'s
 * assignment is not on every path) and that the walk closed. A use inside the block holds the new
 * value. pm2's `cmd = 'sudo'` inside `if (process.env.SUDO_USER) { … }` is in a block the
 * `execFile(cmd, …)` after it is outside of: the path still reaches the run there.
 */
const replacingBlock = (text: string, at: number, name: string, floor: number): BracketPair | null => {
  let before = at - 1;
  while (before >= floor && /\s/.test(text[before])) before--;
  if (before >= floor && !';{}'.includes(text[before])) return null;
  const statementEnd = text.slice(at, Math.min(text.length, at + 400)).search(/[;\n]/);
  const value = text.slice(text.indexOf('=', at) + 1, statementEnd < 0 ? at + 400 : at + statementEnd);
  if (new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}(?![\w$])`).test(value)) return null;
  // From the function body's own `{` (a top-level statement is in no block census closes: it replaces nothing).
  const block = innermostBlock(text, at, floor);
  if (block === null || block.open < floor - 1) return null;
  if (/\bswitch\s*\([^{}]*\)\s*$/.test(text.slice(Math.max(0, block.open - 200), block.open))) return null;
  return block;
};
