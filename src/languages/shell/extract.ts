/**
 * Shell scripts → FileFacts. Every simple command becomes a CommandFact (via 'shell') that
 * analyseCommand can re-read on its own:
 * - `command` is the command's source text, unless a word took a value assigned earlier in the
 *   script (`$SCRIPT_DIR/x.py`, `$PYTHON`): then the words are written out with the values in place
 *   (`"$(dirname "$0")/x.py"`), so the fact does not depend on lines it does not carry.
 * - a variable whose last assignment ran only under a condition (`test … && DIR=…`) may still hold
 *   its value before: the command is a fact once with each (Stop 56).
 * - `cwd` is set when a `cd` earlier in the script put the shell somewhere relative to the script's
 *   own folder (`cd "$(dirname "$0")/.."` → '..'; the folder itself is '.'). A `cd` that is not
 *   anchored to the script (`cd web`, `cd /opt/app`, `cd "$DIR"`) is kept in the command instead,
 *   as a `cd … && ` prefix, because its meaning depends on where the script is started.
 *   shellCommandContext() turns a fact into the CommandContext to analyse it with.
 * Builtins and file utilities that never run a file (`cd`, `echo`, `mkdir`, …) are left out.
 * The extractor never throws: a syntax problem is a `shell/syntax-error` diagnostic with its line.
 */
import type { Command, Script } from '../../commandline/ast.js';
import { startState } from '../../commandline/expand.js';
import { parseShell } from '../../commandline/parse.js';
import { quoteWord, renderArgv } from '../../commandline/render.js';
import { type Value, literal } from '../../commandline/value.js';
import { walkScript } from '../../commandline/walk.js';
import type { CommandFact, FileFacts } from '../../model/facts.js';
import { emptyFacts } from '../../model/facts.js';
import { warning } from '../../util/diagnostics.js';
import type { LanguageExtractor } from '../types.js';

const NEVER_RUNS_A_FILE: ReadonlySet<string> = new Set([
  'cd', 'pushd', 'popd', 'echo', 'printf', 'export', 'local', 'declare', 'typeset', 'readonly', 'set', 'unset', 'shift', 'return', 'exit',
  'true', 'false', 'test', '[', '[[', ':', 'read', 'wait', 'trap', 'umask', 'ulimit', 'shopt', 'alias', 'unalias', 'let', 'getopts', 'hash',
  'type', 'which', 'dirname', 'basename', 'pwd', 'realpath', 'readlink', 'mkdir', 'rmdir', 'rm', 'cp', 'mv', 'ln', 'chmod', 'chown', 'touch',
  'cat', 'sleep', 'kill', 'date', 'sort', 'uniq', 'grep', 'sed', 'awk', 'head', 'tail', 'tr', 'cut', 'wc', 'tee', 'mktemp', 'break', 'continue',
]);

/** How a CommandFact carries the directory: `cwd` relative to the script's folder, or a `cd … && ` prefix. */
const placeCwd = (cwd: Value): { cwd?: string; prefix: string } => {
  if (cwd.kind === 'path') {
    if (cwd.anchor === 'script') return { cwd: cwd.rest === '' ? '.' : cwd.rest, prefix: '' };
    if (cwd.anchor === 'start') return { prefix: cwd.rest === '' ? '' : `cd ${quoteWord(cwd.rest)} && ` };
    return { prefix: `cd "$(git rev-parse --show-toplevel)${cwd.rest === '' ? '' : `/${cwd.rest}`}" && ` };
  }
  if (cwd.kind === 'text') return { prefix: `cd ${quoteWord(cwd.text)} && ` };
  return { prefix: `cd ${cwd.kind === 'dynamic' ? cwd.text : '"$0"'} && ` };
};

/** Line continuations folded, so evidence reads as one line. */
const oneLine = (text: string): string => (text.includes("'") ? text : text.replace(/\\\r?\n[ \t]*/g, ' '));

const countBranches = (script: Script): { branches: number; functions: string[] } => {
  let branches = 0;
  const functions: string[] = [];
  const visit = (command: Command): void => {
    if (command.type === 'function') {
      functions.push(command.name);
      visit(command.body);
    } else if (command.type === 'subshell') walk(command.body);
    else if (command.type === 'compound') {
      if (['if', 'while', 'until', 'for', 'select', 'case'].includes(command.keyword)) branches += 1 + (command.elifs ?? 0);
      walk(command.body);
    }
  };
  const walk = (s: Script): void => {
    for (const item of s.items) for (const p of item.andOr.pipelines) for (const c of p.commands) visit(c);
  };
  walk(script);
  return { branches, functions };
};

const hasTopLevelCode = (script: Script): boolean =>
  script.items.some((item) => item.andOr.pipelines.some((p) => p.commands.some((c) => c.type !== 'function')));

const SUMMARY_SKIP = /^(shellcheck\s|-\*-|vim?:|[-=#*~_]+$)/;

/** The first comment after the shebang, before the code starts (`set -euo pipefail` does not count as code). */
const summaryOf = (lines: readonly string[]): string | undefined => {
  for (let i = lines[0]?.startsWith('#!') ? 1 : 0; i < lines.length && i < 40; i++) {
    const line = lines[i].trim();
    if (line === '' || /^set\s+[-+]/.test(line)) continue;
    if (!line.startsWith('#')) return undefined;
    const body = line.replace(/^#+\s*/, '').trim();
    if (body !== '' && !SUMMARY_SKIP.test(body)) return body;
  }
  return undefined;
};

const extractShell = (path: string, text: string): FileFacts => {
  const facts = emptyFacts();
  const parsed = parseShell(text);
  for (const p of parsed.problems) facts.diagnostics.push(warning('shell/syntax-error', p.message, path, p.line));
  const commands: CommandFact[] = [];
  const { branches, functions } = countBranches(parsed.script);
  const ownFunctions = new Set(functions);
  const seen = new Set<string>();
  walkScript(parsed.script, startState(), (visited) => {
    const name = literal(visited.argv[0]);
    // A call of the script's own function runs no file; its body's commands are facts of their own.
    if (name !== null && (NEVER_RUNS_A_FILE.has(name) || ownFunctions.has(name))) return;
    const { cwd, prefix } = placeCwd(visited.cwd);
    const body = visited.usedState ? renderArgv(visited.argv, visited.cwd) : oneLine(visited.command.text);
    // `cwd` added as the JS walk adds it (commands.ts), not spread in: a spread built another
    // hidden class of command, which every compiled reader of commands (shareStrings, the stages) met late.
    const fact: CommandFact = { command: prefix + body, line: visited.command.line, via: 'shell' };
    if (cwd !== undefined) fact.cwd = cwd;
    // A command read again with a variable's earlier value (walk.ts' earlierValues) may come out the same;
    // so does `a; a`, which says no more than `a` (a fact is what a line runs, not how often: fixture repeated-command).
    const key = `${fact.line}\0${cwd ?? ''}\0${fact.command}`;
    if (seen.has(key)) return;
    seen.add(key);
    commands.push(fact);
  }, { earlierValues: true });
  facts.commands = commands.sort((a, b) => a.line - b.line);
  const lines = text.split('\n');
  const shebang = lines[0]?.startsWith('#!') ?? false;
  if (shebang) facts.runnable.push('shebang');
  else if (hasTopLevelCode(parsed.script)) facts.runnable.push('top-level-code');
  const summary = summaryOf(lines);
  if (summary !== undefined) facts.summary = summary;
  facts.complexity = 1 + branches + parsed.logicalOps;
  facts.definitions = [...new Set(functions)];
  return facts;
};

export const shellExtractor: LanguageExtractor = {
  language: 'shell',
  version: 3,
  extract(path, text) {
    try {
      return extractShell(path, text);
    } catch (error) {
      const facts = emptyFacts();
      facts.diagnostics.push(warning('shell/extract-failed', `census could not read this script (${error instanceof Error ? error.message : String(error)})`, path));
      return facts;
    }
  },
};
