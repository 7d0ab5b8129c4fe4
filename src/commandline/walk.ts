/**
 * Walks a parsed script the way the shell runs it, keeping what matters for census: the working
 * directory (`cd`, `pushd`, `popd`; child shells for `( … )`, pipelines, `&` and `$( … )` do not
 * leak theirs) and variables assigned in the text. Every simple command is handed to a visitor
 * with its expanded words, including the commands inside command substitutions. A function the
 * text defines is walked where it is defined; a call to it is not a program of its own.
 */
import type { Command, Script, SimpleCommand, Word } from './ast.js';
import { type ExpandScope, type ShellState, changeDir, childState, expandJoined, expandWord } from './expand.js';
import { type Value, anchored, dirnameOf, dynamic, literal, text } from './value.js';

export interface VisitedCommand {
  command: SimpleCommand;
  /** The expanded words: argv[0] is the command word. */
  argv: Value[];
  /** The directory the command runs in. */
  cwd: Value;
  /** True when a word took a value assigned earlier in the text (not visible in command.text alone). */
  usedState: boolean;
  /** A variable of the command's environment: its prefix assignments (`FLASK_APP=x flask run`), then the shell's. */
  env: (name: string) => Value | undefined;
}

export type Visitor = (visited: VisitedCommand) => void;

const plainText = (word: Word): string | null => {
  const p = word.parts.length === 1 ? word.parts[0] : null;
  return p?.type === 'lit' && !p.quoted ? p.text : null;
};

const ASSIGN_WORD = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/;
const DECLARERS: ReadonlySet<string> = new Set(['export', 'local', 'declare', 'typeset', 'readonly']);
const BUILTINS: ReadonlySet<string> = new Set(['cd', 'pushd', 'popd', 'unset', 'read', 'pwd', 'dirname', 'git', 'echo', 'realpath', 'readlink', 'greadlink']);
const SILENT: ReadonlySet<string> = new Set(['cd', 'pushd', 'popd', 'export', 'local', 'declare', 'typeset', 'readonly', 'set', 'shopt', 'unset', ':', 'true']);

/** `NAME=value` as the word of `export`/`local`: the name and the value's parts as a word. */
const splitAssignmentWord = (word: Word): { name: string; value: Word } | null => {
  const head = word.parts[0];
  if (head?.type !== 'lit' || head.quoted) return null;
  const m = ASSIGN_WORD.exec(head.text);
  if (!m) return null;
  const rest = head.text.slice(m[0].length);
  const parts = rest === '' ? word.parts.slice(1) : [{ ...head, text: rest }, ...word.parts.slice(1)];
  return { name: m[1], value: { parts, raw: word.raw.slice(m[0].length), line: word.line } };
};

/** The arguments after the command word, without `--` and the flags of cd/pwd/read (`-P`, `-r`). */
const operands = (argv: readonly Value[]): Value[] =>
  argv.slice(1).filter((a) => !(a.kind === 'text' && (a.text === '--' || (/^-[LPe@rs]*$/.test(a.text) && a.text !== '-'))));

/** `realpath x`: the value as an absolute-ish path (symlinks are not followed). */
const absoluteOf = (v: Value, cwd: Value): Value => {
  if (v.kind !== 'text' || v.text.startsWith('/')) return v;
  return changeDir(cwd, v);
};

/** Compound commands whose body may not run, or may run again: an assignment inside is conditional. */
const CONDITIONAL: ReadonlySet<string> = new Set(['if', 'case', 'while', 'until', 'for', 'select']);

export interface WalkOptions {
  /**
   * Stop 56: visit a command once more for each variable it uses whose last assignment ran only
   * under a condition, with the value the variable held before (kupfer-activate.sh:7-10
   * `PYTHONDIR="/usr/share/kupfer"` then `_hasprefix "$PYTHONDIR" "@" && PYTHONDIR=$(dirname …)/..`):
   * either value may reach the command, and the walk cannot tell which.
   */
  earlierValues?: boolean;
}

class Walker {
  private outputs: Value[] | null = null;
  /** Functions the text defines: calling one runs its body, which was walked where it was defined. */
  private readonly functions = new Set<string>();
  /** The conditions the command being walked sits under (after `&&`/`||`, in an `if` or a loop), innermost last. */
  private readonly regions: object[] = [];
  /**
   * Review s56-rm1: the condition each variable's last conditional assignment sits under. Until it
   * closes, a use follows the assignment on the same path (`if …; then X=b; run "$X"; fi` runs only
   * b), so the earlier value is read only after it.
   */
  private readonly assignedUnder = new Map<string, object>();

  constructor(private readonly visit: Visitor, private readonly options: WalkOptions = {}) {}

  script(script: Script, state: ShellState): void {
    for (const item of script.items) {
      const s = item.background ? childState(state) : state;
      item.andOr.pipelines.forEach((pipeline, i) => {
        const many = pipeline.commands.length > 1;
        if (i > 0) this.regions.push({});
        for (const command of pipeline.commands) this.command(command, many ? childState(s) : s);
        if (i > 0) this.regions.pop();
      });
    }
  }

  private command(command: Command, state: ShellState): void {
    switch (command.type) {
      case 'simple':
        this.simple(command, state);
        return;
      case 'subshell':
        this.script(command.body, childState(state));
        return;
      case 'function':
        this.functions.add(command.name);
        this.command(command.body, childState(state));
        return;
      case 'compound': {
        if (command.loopVar) state.vars.set(command.loopVar, dynamic(`$${command.loopVar}`));
        const conditional = CONDITIONAL.has(command.keyword);
        if (conditional) this.regions.push({});
        this.script(command.body, state);
        if (conditional) this.regions.pop();
      }
    }
  }

  private scope(state: ShellState): ExpandScope {
    return {
      state,
      usedState: false,
      ...(this.options.earlierValues ? { used: new Set<string>() } : {}),
      substitute: (body, raw) => this.substitute(body, raw, state),
      walkOnly: (body) => this.script(body, childState(state)),
    };
  }

  private substitute(body: Script, raw: string, state: ShellState): Value {
    const saved = this.outputs;
    const outputs: Value[] = [];
    this.outputs = outputs;
    this.script(body, childState(state));
    this.outputs = saved;
    if (outputs.length === 0) return text('');
    return outputs.length === 1 && outputs[0].kind !== 'dynamic' ? outputs[0] : dynamic(raw);
  }

  private simple(command: SimpleCommand, state: ShellState): void {
    const scope = this.scope(state);
    const argv: Value[] = [];
    const declarer = command.words.length > 0 && DECLARERS.has(plainText(command.words[0]) ?? '');
    for (const word of command.words) {
      const assignment = declarer && argv.length > 0 ? splitAssignmentWord(word) : null;
      if (assignment) {
        this.assign(state, assignment.name, expandJoined(assignment.value, scope));
        argv.push(text(word.raw));
      } else argv.push(...expandWord(word, scope));
    }
    if (argv.length === 0) {
      for (const a of command.assignments) {
        const used = this.options.earlierValues ? new Set<string>() : undefined;
        this.assign(state, a.name, expandJoined(a.value, used ? { ...scope, used } : scope));
        if (used) this.carryEarlier(state, a.name, a.value, used);
      }
      return;
    }
    // Prefix assignments (`FOO=1 cmd`) only reach the command's environment; their $( … ) still run.
    const prefix = new Map<string, Value>();
    for (const a of command.assignments) prefix.set(a.name, expandJoined(a.value, scope));
    const name = literal(argv[0]);
    if (name !== null && this.functions.has(name)) {
      if (this.outputs) this.outputs.push(dynamic(command.text));
      return;
    }
    const output = this.builtin(name, command, argv, state);
    const vars = state.vars;
    this.visit({ command, argv, cwd: state.cwd, usedState: scope.usedState, env: (n) => prefix.get(n) ?? vars.get(n) });
    if (this.outputs && output !== null) this.outputs.push(output);
    for (const name of scope.used ?? []) this.withEarlier(command, state, name);
  }

  private assign(state: ShellState, name: string, value: Value): void {
    const region = this.regions[this.regions.length - 1];
    state.vars.set(name, value, region !== undefined);
    if (region !== undefined) this.assignedUnder.set(name, region);
    else this.assignedUnder.delete(name);
  }

  /**
   * Review s56-rm1: a variable built from one that may hold its earlier value (`MAIN="$APPDIR/main.py"`
   * after `[ … ] && APPDIR=…`) may hold that value built the same way: it is kept as its earlier one.
   * Not for an assignment that itself runs under a condition (its earlier value is the one it replaces).
   */
  private carryEarlier(state: ShellState, name: string, value: Parameters<typeof expandJoined>[0], used: ReadonlySet<string>): void {
    if (this.regions.length > 0) return;
    for (const source of used) {
      const alt = this.readEarlier(state, source, (scope) => expandJoined(value, scope));
      if (alt === undefined) continue;
      if (alt.kind !== 'dynamic') state.vars.keepEarlier(name, alt);
      return;
    }
  }

  /** The command again, read with the value `name` held before its conditional assignment, if any. */
  private withEarlier(command: SimpleCommand, state: ShellState, name: string): void {
    const read = this.readEarlier(state, name, (scope) => ({ argv: command.words.flatMap((word) => expandWord(word, scope)), vars: scope.state.vars }));
    if (read === undefined || read.argv.length === 0) return;
    this.visit({ command, argv: read.argv, cwd: state.cwd, usedState: true, env: (n) => read.vars.get(n) });
  }

  /**
   * `read` in a state where `name` holds its earlier value (silent: a substitution's output is no
   * output of the command walked); undefined when it has none, or none yet (its condition is open).
   */
  private readEarlier<T>(state: ShellState, name: string, read: (scope: ExpandScope) => T): T | undefined {
    const under = this.assignedUnder.get(name);
    if (under !== undefined && this.regions.includes(under)) return undefined;
    const earlier = state.vars.earlier(name);
    if (earlier === undefined) return undefined;
    const before = childState(state);
    before.vars.set(name, earlier);
    const saved = this.outputs;
    this.outputs = null;
    const out = read({ state: before, usedState: true, substitute: (body, raw) => this.substitute(body, raw, before), walkOnly: () => undefined });
    this.outputs = saved;
    return out;
  }

  /** Applies what a builtin does to the shell state; returns the command's output value (null: silent). */
  private builtin(name: string | null, command: SimpleCommand, argv: Value[], state: ShellState): Value | null {
    if (name === null || !BUILTINS.has(name)) return name !== null && SILENT.has(name) ? null : dynamic(command.text);
    const args = operands(argv);
    switch (name) {
      case 'cd':
        state.cwd = args.length === 0 || literal(args[0]) === '-' ? dynamic('~') : changeDir(state.cwd, args[0]);
        return null;
      case 'pushd':
        state.dirStack.push(state.cwd);
        state.cwd = args.length === 0 || /^[+-]\d+$/.test(literal(args[0]) ?? '') ? dynamic('pushd') : changeDir(state.cwd, args[0]);
        return null;
      case 'popd':
        state.cwd = state.dirStack.pop() ?? dynamic('popd');
        return null;
      case 'unset':
        for (const a of args) if (literal(a) !== null) state.vars.delete(literal(a) ?? '');
        return null;
      case 'read':
        for (const a of args) {
          const n = literal(a);
          if (n !== null && /^[A-Za-z_]\w*$/.test(n)) state.vars.set(n, dynamic(`$${n}`));
        }
        return dynamic(command.text);
      case 'pwd':
        return state.cwd;
      case 'dirname':
        return args.length === 1 ? dirnameOf(args[0]) : dynamic(command.text);
      case 'git':
        return args.length === 2 && literal(args[0]) === 'rev-parse' && literal(args[1]) === '--show-toplevel' ? anchored('repo', '') : dynamic(command.text);
      case 'echo':
        return args.length === 1 ? args[0] : args.every((a) => a.kind === 'text') ? text(args.map((a) => literal(a)).join(' ')) : dynamic(command.text);
      default: {
        // realpath, readlink -f: the path itself (symlinks are not followed).
        const paths = args.filter((a) => !(a.kind === 'text' && a.text.startsWith('-')));
        return paths.length === 1 ? absoluteOf(paths[0], state.cwd) : dynamic(command.text);
      }
    }
  }
}

/** Walk `script` from `state` (mutated as the shell would), calling `visit` for every simple command. */
export const walkScript = (script: Script, state: ShellState, visit: Visitor, options: WalkOptions = {}): void => {
  new Walker(visit, options).script(script, state);
};
