/**
 * Blocks as the extractor sees them: each suite (the body after a `:`) is a frame whose kind
 * says what it means for an import inside it. Frames form a chain to the module; guards are
 * read from that chain once the whole file is scanned, because a `try:` body only learns what
 * it catches from the `except` clauses that follow it.
 *
 * Guard rules (scripts/python-ast-imports.py implements the same ones on CPython's ast):
 * - 'type-checking': inside the body of `if TYPE_CHECKING:` / `if x.TYPE_CHECKING:` (also an
 *   `elif` with that test), at any distance, across functions too;
 * - 'try': inside the body of a `try` whose handlers catch ImportError, ModuleNotFoundError,
 *   Exception, BaseException or everything (bare `except:`); only tries between the import and
 *   its nearest enclosing function count, since a try around a `def` does not run the body;
 *   `handles` lists every exception name the handlers of the innermost such try name;
 * - 'function': inside a `def` / `async def` body (methods included; class bodies are not
 *   functions and lambdas are not followed).
 */
import type { Guard } from '../../model/facts.js';

export const enum FrameKind {
  Module,
  Def,
  Class,
  TypeChecking,
  TryBody,
  /** Any other suite: if/elif/else, for, while, with, except, finally, case. */
  Block,
  /** A `match` body, whose lines are `case` clauses. */
  Match,
}

export interface TryInfo {
  /** Exception names from the handlers, in order, without repeats; bare `except:` → BaseException. */
  handles: string[];
  catchesImportErrors: boolean;
}

const IMPORT_ERROR_CATCHERS = new Set(['ImportError', 'ModuleNotFoundError', 'Exception', 'BaseException']);

export class Frame {
  /** Indentation of the suite's lines; -1 while unknown and for one-line suites. */
  indent = -1;
  /** The `try` statement most recently seen directly in this frame, for its `except` clauses. */
  lastTry: TryInfo | null = null;
  /** Names bound here are module globals (module, and blocks not inside a def or class). */
  readonly topLevel: boolean;

  constructor(
    readonly kind: FrameKind,
    readonly parent: Frame | null,
    readonly tryInfo: TryInfo | null = null,
    /** A def's name, for the evidence of an import inside it (runs only when it is called). */
    readonly name: string | null = null,
  ) {
    this.topLevel = parent === null || (parent.topLevel && kind !== FrameKind.Def && kind !== FrameKind.Class);
  }
}

export const newTryInfo = (): TryInfo => ({ handles: [], catchesImportErrors: false });

export const addHandler = (info: TryInfo, names: string[], bare: boolean): void => {
  for (const name of bare ? ['BaseException'] : names) {
    if (!info.handles.includes(name)) info.handles.push(name);
    if (IMPORT_ERROR_CATCHERS.has(name)) info.catchesImportErrors = true;
  }
};

export interface GuardInfo {
  guard: Guard | null;
  handles?: string[];
  /** Inside a def (guard 'function', or 'try' in its body): the innermost def's name, when it has one. */
  within?: string;
}

export const guardOf = (frame: Frame): GuardInfo => {
  let tryInfo: TryInfo | null = null;
  let inFunction = false;
  let within: string | null = null;
  for (let f: Frame | null = frame; f !== null; f = f.parent) {
    if (f.kind === FrameKind.TypeChecking) return { guard: 'type-checking' };
    if (f.kind === FrameKind.Def) {
      if (!inFunction) within = f.name;
      inFunction = true;
    }
    else if (f.kind === FrameKind.TryBody && !inFunction && tryInfo === null && f.tryInfo?.catchesImportErrors) {
      tryInfo = f.tryInfo;
    }
  }
  // A try inside a def guards the import, and the def still runs it only when called (deluge's
  // argparserbase.py:92, in `_get_version_detail`): its evidence says so.
  if (tryInfo) return within === null ? { guard: 'try', handles: [...tryInfo.handles] } : { guard: 'try', handles: [...tryInfo.handles], within };
  if (!inFunction) return { guard: null };
  return within === null ? { guard: 'function' } : { guard: 'function', within };
};
