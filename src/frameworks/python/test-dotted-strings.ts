/**
 * Stop 51: repo modules a test loads by a dotted string. A test hands code to the app by name more
 * often than by import: manila's test_conf.py `CONF.import_opt('answer', 'manila.tests.declare_conf')`
 * (oslo.config imports the module), test_manager.py `self.flags(share_driver=
 * 'manila.tests.fake_driver.FakeShareDriver')` (the share manager's importutils loads the option's
 * class), test_extensions.py's `'manila.tests.api.extensions.foxinsocks.Foxinsocks'` appended to
 * `osapi_share_extension`, and every `mock.patch('pkg.mod.name')`, which imports `pkg.mod` to patch
 * its attribute. The module is loaded when the test runs; nothing imports it otherwise, and it was dead.
 *
 * The rule: in a file a test runner collects (an entry of kind test), a plain string literal (not
 * an f-string, a byte string, a comment or a docstring) that is a dotted name of two or more
 * segments counts only where something loads it, and is an edge from that file to a repo module:
 * - the argument of a call that imports by name (loader-names' BY_NAME_LOADS, oslo's `import_opt`,
 *   `import_group`, `try_import`): the longest leading part of the string that is a repo module;
 * - the target of `mock.patch(…)`, `patch.dict(…)`, `monkeypatch.setattr(…)`: the longest module
 *   among its first n−1 segments (the last is the attribute patched, never imported);
 * - an option value handed to `flags`, `set_override`, `override_config` or `set_default` (the
 *   code under test loads the option by name): the longest leading part that is a repo module;
 * - anywhere else, a class path `pkg.mod.Name`: `pkg.mod` a repo module whose top level defines
 *   `Name`, a capitalised name (an extension, a driver, a serializer class, as options take them);
 * - a Django test class's `urls = 'pkg.urls'` (the URLconf its tests run with): the whole module.
 * A string in an assertion (`assert …`, `self.assertX(…)`, `assertLogs('app.x')`) or a dict key is
 * data and gives nothing; so does a module-shaped string no loader takes (`open('app.log')`, a
 * logger name). The edge hangs on the test, so what it reaches is test, as the site is; the same
 * string in production code gives nothing. A bare package name and the test's own module give nothing.
 *
 * Stop 52: which strings a file holds and what takes each is languages/python/dotted-strings.ts's
 * walk of its tokens, which the extractor records in the facts of a test-like path; this reader
 * resolves them, and walks a file's text itself only when its facts lack them.
 */
import { listedPaths, pathsNamedLike } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { testRoots } from '../test-roots.js';
import { basename } from '../../util/path.js';
import { isSettingsModule } from './settings-class-paths.js';
import type { DottedStringFact, DottedStringHow } from '../../model/facts.js';
import { dottedStringsIn, mayHoldDottedStrings, swapsOf } from '../../languages/python/dotted-strings.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { TEST_FOLDER } from '../../languages/python/test-marks.js';

interface TestDottedString {
  test: string;
  line: number;
  value: string;
  module: string;
  file: string;
  how: DottedStringHow;
  /** The call as written (`mock.patch`, `CONF.import_opt`), or the class a class path names. */
  via: string;
}

/**
 * A test's strings: from its facts (the extractor walked the tokens it had), else from its text
 * (a test root outside the paths the extractor records them for, a file not decoded as read).
 */
const stringsOf = (ctx: FrameworkContext, test: string): readonly DottedStringFact[] => {
  const facts = ctx.facts(test);
  if (facts?.dottedStrings !== undefined) return facts.dottedStrings;
  const text = ctx.manifests.transientText(test);
  if (text === null || !mayHoldDottedStrings(text)) return [];
  return dottedStringsIn(text, tokenize(text), swapsOf(facts));
};

const dottedStrings = perScan((ctx: FrameworkContext): TestDottedString[] => {
  const tests = testFiles(ctx);
  if (tests.size === 0) return [];
  const out: TestDottedString[] = [];
  // The repo file of a dotted module name, asked once per name across the scan.
  const moduleFiles = new Map<string, string | null>();
  const moduleFileByName = (name: string): string | null => {
    let file = moduleFiles.get(name);
    if (file === undefined) moduleFiles.set(name, (file = ctx.module(name)[0] ?? null));
    return file;
  };
  /** The longest module among the first `n` segments of `parts` (two or more), with its file. */
  const longestModule = (parts: string[], n: number): { module: string; file: string } | null => {
    for (let k = n; k >= 2; k--) {
      const module = parts.slice(0, k).join('.');
      const file = moduleFileByName(module);
      if (file !== null) return { module, file };
    }
    return null;
  };
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const test = listed[at];
    if (!tests.has(test)) continue;
    const seen = new Set<string>();
    for (const { value, line, how, via } of stringsOf(ctx, test)) {
      const parts = value.split('.');
      const hit =
        how === 'class' ? classPath(ctx, parts, moduleFileByName) : longestModule(parts, how === 'patch' ? parts.length - 1 : parts.length);
      if (hit === null || hit.file === test || seen.has(hit.module)) continue;
      seen.add(hit.module);
      out.push({ test, line, value, module: hit.module, file: hit.file, how, via: how === 'class' ? parts[parts.length - 1] : via });
    }
  }
  return out;
});

/** `pkg.mod.Name` as a class path: `pkg.mod` a repo module (not `pkg.mod.Name` itself) whose top level defines the capitalised `Name`. */
const classPath = (ctx: FrameworkContext, parts: string[], moduleFileByName: (name: string) => string | null): { module: string; file: string } | null => {
  const name = parts[parts.length - 1];
  if (parts.length < 3 || !/^[A-Z]/.test(name)) return null;
  const module = parts.slice(0, -1).join('.');
  const file = moduleFileByName(module);
  if (file === null || moduleFileByName(parts.join('.')) !== null) return null;
  return ctx.facts(file)?.definitions.includes(name) ? { module, file } : null;
};

/**
 * The files read: Python test roots, a pytest conftest.py, and the Python files of a test folder (a
 * test base class's setUp hands a driver by name as the test would). The edge hangs on the file
 * that writes the string, so a helper no test reaches reaches nothing.
 */
const testFiles = (ctx: FrameworkContext): Set<string> => {
  const out = new Set<string>();
  for (const f of testRoots(ctx)) if (f.endsWith('.py') && ctx.files.has(f)) out.add(f);
  for (const f of pathsNamedLike(ctx.files, { extensions: ['py'] })) {
    // A test settings module's class paths are the settings readers' (their evidence names the setting).
    if (f.endsWith('.py') && (TEST_FOLDER.test(f) || basename(f) === 'conftest.py') && !isSettingsModule(f)) out.add(f);
  }
  return out;
};

/** What loads the string, for the evidence. */
const how = (s: TestDottedString): string => {
  switch (s.how) {
    case 'load':
      return `${s.via} imports it by that name`;
    case 'patch':
      return `${s.via} imports ${s.module} to patch its attribute`;
    case 'option':
      return `an option value handed to ${s.via}, which the code under test loads by name`;
    case 'urls':
      return "a Django test class's urls, the URLconf its tests load as ROOT_URLCONF";
    default:
      return `the class path of ${s.via}, which ${s.module} defines: an option or registry value a loader imports`;
  }
};

const reader: FrameworkReader = {
  id: 'test-dotted-strings',
  title: 'repo modules a test loads by a dotted string (import_opt, mock.patch, an option value, a class path)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = dottedStrings(ctx)[0];
    return first ? `${first.test}:${first.line} loads the repo module ${first.module} by the string '${first.value}'` : null;
  },
  collect: (ctx): FrameworkOutput => {
    const out = emptyFrameworkOutput();
    for (const s of dottedStrings(ctx)) {
      out.references.push({ from: s.test, target: s.module, targetKind: 'module', line: s.line, label: `named by the string '${s.value}' at ${s.test}:${s.line} (${how(s)})` });
    }
    return out;
  },
};

export default reader;
