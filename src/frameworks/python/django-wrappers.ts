/**
 * A program that hands its arguments to Django's `execute_from_command_line` is a manage.py under
 * another name. lava-server's systemd units run `/usr/bin/lava-server manage lava-scheduler ...`:
 * usr/bin/lava-server passes the words after `manage` to Django, so `lava-scheduler` is the
 * management command the daemon runs (a production root, not an operator's tool). The program is
 * the command's first word, looked up as a repo file: an absolute path in the filesystem tree the
 * declaring file lies in (a unit in `lib/systemd/system/` of a package tree names `/usr/bin/x` of that
 * tree; a unit in a source repo's `contrib/` names an installed program, no repo file), or a path relative to the command's folder. Only a file that imports the function counts; the
 * words are those before the first option, which the caller matches against the apps' commands.
 */
import type { FrameworkContext, KnownCommand } from '../types.js';
import { basename, joinRepo } from '../../util/path.js';
import { inFilesystemTree } from '../../util/filesystem-tree.js';
import { lineAt } from '../../util/lines.js';

const RUNNER_FUNCTION = 'execute_from_command_line';
/** Words a shell line may put before the program: assignments and plain launchers. */
const LAUNCHERS = new Set(['exec', 'env', 'nice', 'nohup']);

export interface WrapperRun {
  /** The repo file the command runs, which hands its arguments to Django. */
  wrapper: string;
  /** The line of its `execute_from_command_line(` call. */
  line: number;
  /** The command's plain words after the program, up to its first option. */
  words: string[];
}

const programFile = (ctx: FrameworkContext, program: string, c: KnownCommand): string | null => {
  if (program.startsWith('/')) {
    // Stop 61: `/` is the root of the filesystem tree the declaring file lies in (util/filesystem-tree's one rule), not any folder above it.
    const file = inFilesystemTree(c.source, program)?.path;
    return file !== undefined && ctx.files.has(file) ? file : null;
  }
  if (!program.includes('/')) return null;
  const file = joinRepo(c.cwd, program);
  return file !== null && ctx.files.has(file) ? file : null;
};

/** A call whose argument (positional or `argv=`) is a list or tuple of string literals only: Django runs that fixed command, not the program's words. */
const FIXED_ARGV = /^\(\s*(?:argv\s*=\s*)?[[(]\s*(?:(["'])[^"'\n]*\1\s*,\s*)*(?:(["'])[^"'\n]*\2\s*,?\s*)?[\])]\s*\)/;

/**
 * Where the wrapper's first `execute_from_command_line(` in code hands Django its words, or -1: a
 * call in a `#` comment or a string on its line is not one (its line would be wrong evidence), and a
 * call with a fixed argv (`execute_from_command_line(["manage.py", "migrate"])`) passes none of the
 * command's words, so they name no management command.
 */
const forwardingCall = (text: string): number => {
  const needle = `${RUNNER_FUNCTION}(`;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    const before = text.slice(text.lastIndexOf('\n', at) + 1, at);
    if (before.includes('#') || (before.split('"').length - 1) % 2 === 1 || (before.split("'").length - 1) % 2 === 1) continue;
    if (/(?<![\w.])def\s+$/.test(before)) continue;
    if (FIXED_ARGV.test(text.slice(at + RUNNER_FUNCTION.length, at + RUNNER_FUNCTION.length + 400))) continue;
    return at;
  }
  return -1;
};

/** The Django wrapper a known command runs, or null: most commands are out at their first word. */
export const djangoWrapperRun = (ctx: FrameworkContext, c: KnownCommand): WrapperRun | null => {
  const words = c.command.trim().split(/\s+/);
  let at = 0;
  while (at < words.length && (LAUNCHERS.has(words[at]) || /^[A-Za-z_]\w*=/.test(words[at]))) at++;
  const program = words[at];
  if (program === undefined || basename(program) === 'manage.py') return null;
  const wrapper = programFile(ctx, program, c);
  if (wrapper === null) return null;
  const facts = ctx.facts(wrapper);
  if (!facts || !facts.imports.some((i) => i.names.some((n) => n.name === RUNNER_FUNCTION))) return null;
  const text = ctx.readText(wrapper);
  const call = text === null ? -1 : forwardingCall(text);
  if (text === null || call < 0) return null;
  const plain: string[] = [];
  for (const w of words.slice(at + 1)) {
    // `manage help lava-scheduler` prints the command's help; Django runs none of the words after `help`.
    if (w.startsWith('-') || w === 'help') break;
    if (/^[a-z_][\w-]*$/.test(w)) plain.push(w);
  }
  return { wrapper, line: lineAt(text, call), words: plain };
};
