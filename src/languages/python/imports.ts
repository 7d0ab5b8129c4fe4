/**
 * `import a.b as c, d` and `from ..pkg import (x, y as z)` statements, read from their tokens
 * the way the grammar reads them. Guards are filled in later (see frames.ts).
 */
import type { ImportedName } from '../../model/facts.js';
import type { Frame } from './frames.js';
import { isOp, isWord, nameText } from './ranges.js';
import type { ExtractState, PendingImport } from './state.js';
import { Kind, Op, Word } from './tokens.js';

/** Reads `a.b.c` from i; returns the name and the index after it, or null. */
const readDotted = (st: ExtractState, i: number, to: number): { name: string; next: number } | null => {
  const t = st.t;
  if (i >= to || t.kind[i] !== Kind.Name) return null;
  let name = nameText(t, i);
  i++;
  while (i + 1 < to && isOp(t, i, Op.Dot) && t.kind[i + 1] === Kind.Name) {
    name += '.' + nameText(t, i + 1);
    i += 2;
  }
  return { name, next: i };
};

/** Reads an optional `as name` at i. */
const readAlias = (st: ExtractState, i: number, to: number): { alias?: string; next: number } => {
  const t = st.t;
  if (i + 1 < to && isWord(t, i, Word.As) && t.kind[i + 1] === Kind.Name) return { alias: nameText(t, i + 1), next: i + 2 };
  return { next: i };
};


/** Binds `local` to `prefix + name`; `renamed`: `local` is not the target's last part (`as` gave it another name). */
const bind = (st: ExtractState, frame: Frame, local: string, prefix: string, name: string, renamed: boolean): void => {
  st.bindAlias(local, prefix, name);
  if (renamed) st.renamedLocals.add(local);
  else if (st.renamedLocals.size > 0) st.renamedLocals.delete(local);
  if (frame.topLevel) st.definitions.add(local);
};

/** `import a.b as c, d` in [s, e), s at `import`. */
export const importStatement = (st: ExtractState, s: number, e: number, frame: Frame): void => {
  const t = st.t;
  const line = t.line[s];
  let i = s + 1;
  for (;;) {
    const dotted = readDotted(st, i, e);
    if (!dotted) break;
    const { alias, next } = readAlias(st, dotted.next, e);
    st.imports.push(pendingImport(dotted.name, 'import', line, newNames(), alias, frame));
    if (alias !== undefined) {
      bind(st, frame, alias, '', dotted.name, !dotted.name.endsWith(`.${alias}`));
      if (dotted.name === 'importlib') st.importlibNames.add(alias);
    } else {
      const root = dotted.name.split('.', 1)[0];
      // Not counted as renamed: a name without a dot is no callee calls.ts looks for.
      bind(st, frame, root, '', root, false);
    }
    i = next;
    if (i === e) return;
    if (!isOp(t, i, Op.Comma)) break;
    i++;
  }
  st.problems.syntaxError('malformed import statement', t.line[i < e ? i : s]);
};

/*
 * The objects an import keeps (its names list and each name) are made by these small functions,
 * not in fromStatement's own body: they live as long as the facts, so V8 soon decides to allocate
 * them in the old generation (allocation-site pretenuring), and that decision throws away the
 * compiled code of the function holding the allocation site. In fromStatement that was three
 * recompiles of a large function per saleor scan (issue 19, stop 61); here a small one recompiles.
 */
const newNames = (): ImportedName[] => [];
const importedName = (name: string, alias: string | undefined): ImportedName => (alias === undefined ? { name } : { name, alias });
const pendingImport = (specifier: string, syntax: 'import' | 'from', line: number, names: ImportedName[], alias: string | undefined, frame: Frame): PendingImport => ({
  specifier,
  syntax,
  line,
  names,
  alias,
  frame,
});

/** `from .mod import a as b, c` / `from x import (a, b,)` / `from x import *` in [s, e). */
export const fromStatement = (st: ExtractState, s: number, e: number, frame: Frame): void => {
  const t = st.t;
  const line = t.line[s];
  let i = s + 1;
  let dots = '';
  while (i < e && (isOp(t, i, Op.Dot) || isOp(t, i, Op.Ellipsis))) {
    dots += t.value[i] === Op.Dot ? '.' : '...';
    i++;
  }
  let module = '';
  const dotted = isWord(t, i, Word.Import) ? null : readDotted(st, i, e);
  if (dotted) {
    module = dotted.name;
    i = dotted.next;
  }
  if ((dots === '' && module === '') || !isWord(t, i, Word.Import)) {
    st.problems.syntaxError('malformed from-import statement', t.line[i < e ? i : s]);
    return;
  }
  i++;
  const specifier = dots + module;
  // A name's target: `.name` under dots alone, else `specifier.name`.
  const prefix = module === '' ? dots : `${specifier}.`;
  const names = newNames();
  let ok = false;
  if (i + 1 === e && isOp(t, i, Op.Star)) {
    names.push(importedName('*', undefined));
    st.hasStarImport = true;
    ok = true;
  } else {
    let close = e;
    if (isOp(t, i, Op.LParen)) {
      i++;
      close = e - 1;
      if (!isOp(t, close, Op.RParen)) close = -1;
    }
    while (close >= 0 && i < close && t.kind[i] === Kind.Name) {
      const name = nameText(t, i);
      const { alias, next } = readAlias(st, i + 1, close);
      names.push(importedName(name, alias));
      bind(st, frame, alias ?? name, prefix, name, alias !== undefined && alias !== name);
      if (dots === '' && module === 'importlib' && name === 'import_module') st.importModuleNames.add(alias ?? name);
      i = next;
      if (i === close) {
        ok = true;
        break;
      }
      if (!isOp(t, i, Op.Comma)) break;
      i++;
      // A trailing comma is only allowed inside parentheses.
      if (i === close && close !== e) {
        ok = true;
        break;
      }
    }
  }
  if (names.length > 0) st.imports.push(pendingImport(specifier, 'from', line, names, undefined, frame));
  if (!ok) st.problems.syntaxError('malformed from-import statement', t.line[i < e ? i : s]);
};
