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
import { byteUseAt } from './support.js';

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
  const uses = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(held[1])}(?![\w$]|\s*=(?![=>]))`, 'g');
  uses.lastIndex = end;
  let seen = 0;
  for (let m = uses.exec(text); m !== null && m.index < region.end && ++seen <= MAX_USES; m = uses.exec(text)) {
    const use = useAt(text, m.index);
    if (use !== null) return `, ${use} at ${file}:${lineAt(text, m.index)} (as ${held[1]})`;
  }
  return null;
};
