/**
 * Word expansion the way a shell would do it, but only as far as the text itself tells: variables
 * assigned earlier in the same text, the script's own folder (`$0`, `${BASH_SOURCE%/*}`), `$PWD`,
 * and `${X:-default}` when the text never sets X. Every other expansion is dynamic.
 */
import type { Part, Script, Word } from './ast.js';
import { type Value, anchored, appendText, concat, dirnameOf, dynamic, text } from './value.js';

/**
 * Shell variables as a chain: a child shell reads its parent's and writes its own, so entering
 * `$( … )` or a pipeline costs nothing however many variables the script has set.
 */
export class Vars {
  private readonly own = new Map<string, Value | null>();
  /**
   * Stop 56: the value a variable held before an assignment that ran only under a condition
   * (`_hasprefix "$DIR" "@" && DIR=…`, a branch of an `if`): the shell may still hold it. Null once
   * an assignment that always runs replaces both.
   */
  private readonly before = new Map<string, Value | null>();

  constructor(private readonly parent: Vars | null = null) {}

  get(name: string): Value | undefined {
    for (let v: Vars | null = this; v !== null; v = v.parent) {
      const value = v.own.get(name);
      if (value !== undefined) return value ?? undefined;
    }
    return undefined;
  }

  /** The value the variable may still hold when its last assignment ran only under a condition. */
  earlier(name: string): Value | undefined {
    for (let v: Vars | null = this; v !== null; v = v.parent) {
      const value = v.before.get(name);
      if (value !== undefined) return value ?? undefined;
      if (v.own.has(name)) return undefined;
    }
    return undefined;
  }

  /** Keeps `value` as the variable's earlier one (a value built from another variable's earlier value). */
  keepEarlier(name: string, value: Value): void {
    this.before.set(name, value);
  }

  /** `conditional`: the assignment may not run, so the value before it is kept as the earlier one. */
  set(name: string, value: Value, conditional = false): void {
    const prior = conditional ? this.get(name) : undefined;
    this.before.set(name, prior !== undefined && prior.kind !== 'dynamic' ? prior : null);
    this.own.set(name, value);
  }

  delete(name: string): void {
    this.own.set(name, null);
  }
}

export interface ShellState {
  /** Where the shell is: an anchored path, an absolute path (text), or dynamic. */
  cwd: Value;
  vars: Vars;
  dirStack: Value[];
}

export const startState = (): ShellState => ({ cwd: anchored('start', ''), vars: new Vars(), dirStack: [] });

export const childState = (s: ShellState): ShellState => ({ cwd: s.cwd, vars: new Vars(s.vars), dirStack: s.dirStack.length === 0 ? [] : [...s.dirStack] });

export interface ExpandScope {
  state: ShellState;
  /** Set when a word used a value assigned earlier in the text (its own text alone would read differently). */
  usedState: boolean;
  /** The variables a word took a value of, when the walker asks (to read the command again with their earlier values). */
  used?: Set<string>;
  /** Run a command substitution; its output value (dynamic unless census can compute it). */
  substitute(body: Script, raw: string): Value;
  /** Walk commands inside an opaque part (process substitution) for what they run. */
  walkOnly(body: Script): void;
}

const SELF_NAMES: ReadonlySet<string> = new Set(['0', 'BASH_SOURCE']);

const isDirnameOp = (part: Extract<Part, { type: 'param' }>): boolean =>
  part.op === '%' && part.arg !== null && part.arg.raw === '/*';

const expandParam = (part: Extract<Part, { type: 'param' }>, scope: ExpandScope): Value => {
  const { name, op } = part;
  let value: Value | undefined;
  if (SELF_NAMES.has(name)) value = { kind: 'self' };
  else if (name === 'PWD') value = scope.state.cwd;
  else {
    value = scope.state.vars.get(name);
    if (value?.kind === 'dynamic') value = dynamic(part.raw);
    else if (value) {
      scope.usedState = true;
      scope.used?.add(name);
    }
  }
  if (op === '') return value ?? dynamic(part.raw);
  if (isDirnameOp(part)) return value ? dirnameOf(value) : dynamic(part.raw);
  const emptyText = value?.kind === 'text' && value.text === '';
  if (op === ':-' || op === '-' || op === ':=' || op === '=') {
    if (value !== undefined && !(emptyText && op.startsWith(':'))) return value;
    // The text never sets the variable: its own default is what runs.
    if (/^[0-9@*#?$!-]$/.test(name)) return dynamic(part.raw);
    const fallback = part.arg ? expandJoined(part.arg, scope) : text('');
    if (op.endsWith('=')) scope.state.vars.set(name, fallback);
    return fallback;
  }
  if ((op === ':+' || op === '+') && value === undefined && !/^[0-9@*#?$!-]$/.test(name)) return text('');
  return dynamic(part.raw);
};

const expandPart = (part: Part, scope: ExpandScope): Value => {
  switch (part.type) {
    case 'lit':
      return text(part.text);
    case 'param':
      return expandParam(part, scope);
    case 'cmdsub':
      return scope.substitute(part.body, part.raw);
    case 'opaque':
      if (part.body) scope.walkOnly(part.body);
      return dynamic(part.raw);
  }
};

const hasGlob = (word: Word): boolean => word.parts.some((p) => p.type === 'lit' && !p.quoted && /[*?]|\[[^\]]+\]/.test(p.text));

/** A word as one value (assignment values, `${X:-word}` operands: no splitting). */
export const expandJoined = (word: Word, scope: ExpandScope): Value => {
  const head = word.parts[0];
  if (head?.type === 'lit' && !head.quoted && /^~(\/|$)/.test(head.text)) {
    for (const p of word.parts) expandPart(p, scope);
    return dynamic(word.raw);
  }
  let value: Value = text('');
  for (const part of word.parts) value = concat(value, expandPart(part, scope));
  if (value.kind === 'text' && hasGlob(word)) return { kind: 'text', text: value.text, glob: true };
  return value;
};

/** A word as the words a command receives: an unquoted `$X` holding `a b` gives two; an empty one none. */
export const expandWord = (word: Word, scope: ExpandScope): Value[] => {
  const only = word.parts.length === 1 ? word.parts[0] : null;
  const value = expandJoined(word, scope);
  if ((only?.type === 'param' || only?.type === 'cmdsub') && !only.quoted && value.kind === 'text') {
    const pieces = value.text.split(/[ \t\n]+/).filter((p) => p !== '');
    return pieces.map(text);
  }
  return [value];
};

/** `cd target` from `cwd`. */
export const changeDir = (cwd: Value, target: Value): Value => {
  if (target.kind === 'text') {
    if (target.text.startsWith('/')) return text(target.text.replace(/\/+$/, '') || '/');
    if (cwd.kind === 'path') return anchored(cwd.anchor, `${cwd.rest}/${target.text}`);
    if (cwd.kind === 'text') return appendText(cwd, `/${target.text}`);
    return dynamic(`${cwd.kind === 'dynamic' ? cwd.text : '?'}/${target.text}`);
  }
  if (target.kind === 'self') return dynamic('$0');
  return target;
};
