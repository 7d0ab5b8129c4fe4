/**
 * Names a module makes importable under another name at run time, read from its text, never run:
 *
 * - a `sys.meta_path` redirect hook: a class of the file with `find_module`/`find_spec`, built with
 *   a literal package and a literal list of names and inserted into `sys.meta_path` (quodlibet's
 *   `RedirectImportHook("quodlibet.packages", ["senf", "raven"])`): `import senf` anywhere then
 *   loads `quodlibet.packages.senf`;
 * - `sys.modules["six"] = <a module the file imported>` (`from .vendor import six`): `import six`
 *   then gets that module.
 *
 * The resolver uses an alias only for an import that finds no module of the repo by its own name,
 * so a vendored copy is not reached past a real one.
 *
 * Stop 52: an alias made by a file in a test folder (or a test module, or conftest.py) is marked
 * `testOnly`. That file runs only when tests run, so what it swaps in is what the tests load, never
 * what production imports: cinder 21.3.1's tests/unit/volume/drivers/dell_emc/vnx/__init__.py:25
 * `sys.modules["storops"] = fake_storops` made the real driver's `from storops import exception`
 * (unity/adapter.py:39) a production edge into tests/, and 23 test files production. The graph
 * gives such a target an edge from the aliasing file instead (import-edges.ts): vnx/client.py:31's
 * `from storops.lib import tasks`, run by the vnx tests, still reaches fake_storops/lib/tasks.py.
 */
import type { FileFacts, ImportFact } from '../../../model/facts.js';
import { byString } from '../../../util/compare.js';
import { lineAt } from '../../../util/lines.js';
import { basename } from '../../../util/path.js';
import { isTestModuleName, TEST_FOLDER } from '../test-marks.js';

export interface ImportAlias {
  /** The dotted name imports use (`senf`). */
  name: string;
  /** The module it stands for, as the aliasing file would import it (`quodlibet.packages.senf`, `.vendor.six`). */
  target: string;
  /** The aliasing file: a relative target is relative to it. */
  from: string;
  line: number;
  /** For the edge's label: `the sys.meta_path hook RedirectImportHook("quodlibet.packages", […]) in quodlibet/_import.py:56`. */
  how: string;
  /** The aliasing file runs only when tests run (see the file's comment). */
  testOnly: boolean;
  /** On a production alias: a test-only alias of the same name, whose fake the tests load instead. */
  underTest?: ImportAlias;
}

const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
/**
 * A file that runs only when tests run: in a test folder (cinder/tests/unit/…), a test module or
 * a conftest.py. Review 3: a name that merely ends in `test` (app/latest.py) is production's.
 */
const runsOnlyUnderTest = (path: string): boolean => TEST_FOLDER.test(path) || isTestModuleName(basename(path));
/** `Hook("pkg.sub", ["a", "b"])` or with a tuple: the call's name, the package, the list's text. */
const HOOK_CALL = /\b([A-Za-z_]\w*)\s*\(\s*(['"])([A-Za-z_][\w.]*)\2\s*,\s*[[(]([^\])]*)[\])]\s*\)/g;
const LIST_ITEM = /^\s*(['"])([A-Za-z_]\w*)\1\s*$/;
/** `sys.modules["name"] = dotted.value` on a line of its own. */
const MODULES_ASSIGN = /^[ \t]*sys\.modules\[\s*(['"])([A-Za-z_][\w.]*)\1\s*\]\s*=\s*([A-Za-z_][\w.]*)\s*(?:#.*)?$/gm;

/** The names of the classes `text` defines that have a `find_module` or `find_spec` method. */
const finderClasses = (text: string): Set<string> => {
  const out = new Set<string>();
  const classes = [...text.matchAll(/^([ \t]*)class[ \t]+([A-Za-z_]\w*)/gm)];
  for (let k = 0; k < classes.length; k++) {
    const start = classes[k].index!;
    const end = k + 1 < classes.length ? classes[k + 1].index! : text.length;
    if (/^[ \t]+def[ \t]+find_(?:module|spec)\s*\(/m.test(text.slice(start, end))) out.add(classes[k][2]);
  }
  return out;
};

/** The module a name bound by the file's imports stands for (`six` after `from .vendor import six` → `.vendor.six`), or null. */
const importedModule = (value: string, imports: readonly ImportFact[]): string | null => {
  for (const i of imports) {
    if (i.syntax === 'import') {
      if (i.alias === value) return i.specifier;
      if (i.alias === undefined && i.specifier === value) return value;
    } else if (i.syntax === 'from') {
      const n = i.names.find((x) => (x.alias ?? x.name) === value);
      if (n !== undefined && n.name !== '*') return i.specifier.endsWith('.') ? `${i.specifier}${n.name}` : `${i.specifier}.${n.name}`;
    }
  }
  return null;
};

/** The aliases one Python file makes (see the file's comment). */
export const importAliasesIn = (path: string, text: string, imports: readonly ImportFact[]): ImportAlias[] => {
  const out: ImportAlias[] = [];
  const testOnly = runsOnlyUnderTest(path);
  if (/\bsys\.meta_path\.(?:insert|append)\s*\(/.test(text)) {
    const finders = finderClasses(text);
    for (const m of finders.size === 0 ? [] : text.matchAll(HOOK_CALL)) {
      if (!finders.has(m[1])) continue;
      const items = m[4].split(',').filter((s) => s.trim() !== '');
      const names = items.map((s) => LIST_ITEM.exec(s)?.[2]);
      if (names.length === 0 || names.some((n) => n === undefined)) continue;
      const line = lineAt(text, m.index!);
      const how = `the sys.meta_path hook ${m[1]}("${m[3]}", […]) in ${path}:${line}`;
      for (const name of names as string[]) out.push({ name, target: `${m[3]}.${name}`, from: path, line, how, testOnly });
    }
  }
  if (text.includes('sys.modules[')) {
    for (const m of text.matchAll(MODULES_ASSIGN)) {
      const target = DOTTED.test(m[3]) ? importedModule(m[3], imports) : null;
      // `sys.modules["six"] = six` names the module itself: no alias.
      if (target === null || target === m[2]) continue;
      const line = lineAt(text, m.index!);
      out.push({ name: m[2], target, from: path, line, how: `sys.modules["${m[2]}"] = ${m[3]} in ${path}:${line}`, testOnly });
    }
  }
  return out;
};

/**
 * Every alias of the repo's Python files, by name; the first file in path order wins a name
 * two files alias, but a production alias wins over a test-only one whatever their order: the
 * test's fake stands in only while tests run, and production imports what the production alias
 * names (review 3: app/tests/__init__.py's fake, first by path, hid app/vendor_shim.py's vendored
 * copy, which was called dead). The test's alias is kept on it (`underTest`): the tests still
 * load the fake. Only files that import sys can touch sys.meta_path or sys.modules, so only
 * their text is read.
 */
export const importAliases = (files: readonly { path: string; language: string; facts: FileFacts }[], readText: (path: string) => string | null): Map<string, ImportAlias> => {
  const out = new Map<string, ImportAlias>();
  const candidates: string[] = [];
  const importsOf = new Map<string, readonly ImportFact[]>();
  for (const { path, language, facts } of files) {
    if (language !== 'python') continue;
    if (!facts.imports.some((i) => i.specifier === 'sys')) continue;
    candidates.push(path);
    importsOf.set(path, facts.imports);
  }
  candidates.sort(byString);
  for (const path of candidates) {
    const text = readText(path);
    if (text === null || (!text.includes('meta_path') && !text.includes('sys.modules['))) continue;
    for (const a of importAliasesIn(path, text, importsOf.get(path)!)) {
      const known = out.get(a.name);
      if (known === undefined) out.set(a.name, a);
      else if (known.testOnly && !a.testOnly) out.set(a.name, { ...a, underTest: known });
      else if (!known.testOnly && a.testOnly && known.underTest === undefined) out.set(a.name, { ...known, underTest: a });
    }
  }
  return out;
};
