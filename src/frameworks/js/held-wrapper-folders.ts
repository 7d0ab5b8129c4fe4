/**
 * Stop 64: a path helper's call that names a folder, held in a name the same function then joins file
 * names onto. app-builder-lib's out/targets/snap/coreLegacy.js:277-281:
 *
 *     const snapTemplateDir = (0, pathManager_1.getTemplatePath)("snap");
 *     for (const script of ["desktop-init.sh", "desktop-common.sh", "desktop-gnome-specific.sh"]) {
 *         const src = path.join(snapTemplateDir, script);
 *         …
 *         await (0, promises_1.copyFile)(src, dest);
 *
 * path-wrappers.ts reads `getTemplatePath("snap")` as templates/snap, a folder, which names no file
 * by itself; each join of the held name here names one: a literal part, or a name holding literals
 * (the element of a loop over a literal list, a local assigned a literal).
 *
 * Exact or nothing: the name is declared `const NAME = CALL(…)` right at the call; the joins are in
 * the same function body, after it, before any declaration of the name again and outside any function
 * taking a parameter of that name; every part after the name is a literal except the last, which
 * may be such a name. A code file so named counts as named (something loads it, as anchored-paths
 * counts one); any other file only when the joined path is read or copied (support.ts byteUse: the
 * snap scripts are copied into the package it builds), and not when it is only written or tested.
 */
import { lineAt } from '../../util/lines.js';
import { joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { IDENTIFIER } from '../../languages/javascript/js-text.js';
import { splitArgs } from '../../languages/javascript/folder-expr.js';
import { functionRegion } from './function-region.js';
import { listElementAt } from './literal-lists.js';
import { argumentValues, callArgsText, literalValue } from './parameter-values.js';
import { byteUse } from './support.js';
import { shadowedBetween } from './shadowed-names.js';

/** `const NAME = ` (not a `let`, which may be set again; or tsc's `const NAME = (0, mod_1.`) right before a call's callee or its `.name`. */
const HELD_CALL = /\bconst\s+([A-Za-z_$][\w$]*)\s*=\s*(?:await\s+)?(?:\(\s*0\s*,\s*)?[\w$.]*$/;
const LOADABLE = /\.[cm]?[jt]sx?$|\.(?:vue|svelte)$/;

export interface HeldFolderFile {
  target: string;
  line: number;
  /** How the join names it, for the evidence: `path.join(snapTemplateDir, script) at line 278, script = 'desktop-init.sh' (an element of the list at line 277), copies it at line 280`. */
  how: string;
}

/** The files the joins onto the name holding the call at `callAt` name in `folder` (the call's value). */
export const heldFolderFiles = (files: ReadonlySet<string>, text: string, callAt: number, folder: string): HeldFolderFile[] => {
  const held = HELD_CALL.exec(text.slice(Math.max(0, callAt - 120), callAt));
  if (held === null) return [];
  const name = held[1];
  const region = functionRegion(text, callAt);
  const body = text.slice(callAt, region.end);
  const out: HeldFolderFile[] = [];
  const join = new RegExp(String.raw`(?:\b[\w$]*[pP]ath[\w$]*\s*\.\s*|(?<![\w$.]))(?:join|resolve)\(\s*${escapeRegExp(name)}\s*,`, 'g');
  // Review s64-rv2: a function taking a parameter of the name (`dirs.map((dir) => path.join(dir, …))`) or a
  // declaration of it again (`for (const d of dirs) { const dir = d; … }`) joins onto another folder from there on.
  const declaredAgain = new RegExp(String.raw`(?<![\w$.])(?:const|let|var)\s+${escapeRegExp(name)}(?![\w$])`);
  const redeclared = body.search(declaredAgain);
  for (const m of body.matchAll(join)) {
    const at = callAt + (m.index ?? 0);
    if ((redeclared >= 0 && redeclared < (m.index ?? 0)) || shadowedBetween(text, name, callAt, at)) continue;
    const open = at + m[0].indexOf('(');
    const args = callArgsText(text, open);
    if (args === null) continue;
    const parts = splitArgs(args).slice(1);
    const literals = parts.slice(0, -1).map((p) => literalValue(p));
    if (parts.length === 0 || literals.some((p) => p === null)) continue;
    const last = parts[parts.length - 1].trim();
    let values: string[];
    let whence = '';
    const literal = literalValue(last);
    if (literal !== null) values = [literal];
    else if (IDENTIFIER.test(last)) {
      const list = listElementAt(text, at, last);
      values = list?.names ?? argumentValues(last, text, at).literals;
      whence = list === null ? `, ${last} assigned a literal` : `, ${last} an element of the list at line ${lineAt(text, list.at)}`;
    } else continue;
    const use = byteUse(text, at);
    if (use === 'content-free') continue;
    for (const value of values) {
      const target = joinRepo(folder, ...(literals as string[]), value);
      if (target === null || !files.has(target)) continue;
      if (use === null && !LOADABLE.test(target)) continue;
      const verb = use === null ? '' : `, ${use.verb === 'reads its bytes' ? 'reads its bytes' : use.verb} at line ${lineAt(text, use.at)}`;
      out.push({ target, line: lineAt(text, at), how: `${m[0].replace(/\s+/g, '')}…) at line ${lineAt(text, at)}${whence} ('${value}')${verb}` });
    }
  }
  return out;
};
