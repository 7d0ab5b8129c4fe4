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
 */
import { listedPaths } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { testRoots } from '../test-roots.js';
import { basename } from '../../util/path.js';
import { isSettingsModule } from './settings-class-paths.js';
import { isDottedName } from '../strings.js';
import { BY_NAME_LOADS, OSLO_TRY_LOADS } from './loader-names.js';
import { tokenize, type PythonTokens } from '../../languages/python/tokenize.js';
import { isPlainString, stringTokenValue } from '../../languages/python/literals.js';
import { isOp, nameText } from '../../languages/python/ranges.js';
import { Kind, Op } from '../../languages/python/tokens.js';

/** A quoted dotted name anywhere in the text: the cheap test before a file is tokenized. */
const QUOTED_DOTTED = /(['"])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\1/g;
/** Strings read per test file (a hostile file of thousands costs no more than this many module look-ups). */
const MAX_STRINGS = 2000;

/** Calls that import the module a string argument names (oslo.config's import_opt imports the option's module). */
const LOADS = new Set<string>([...BY_NAME_LOADS, ...OSLO_TRY_LOADS, 'import_opt', 'import_group']);
/** Calls that set an option for the code under test, which loads the option's value by name. */
const OPTION_SETTERS = new Set(['flags', 'set_override', 'override_config', 'set_default']);

type How = 'load' | 'patch' | 'option' | 'class' | 'urls';

interface TestDottedString {
  test: string;
  line: number;
  value: string;
  module: string;
  file: string;
  how: How;
  /** The call as written (`mock.patch`, `CONF.import_opt`), or the class a class path names. */
  via: string;
}

/** An open bracket on the walk of a statement: the call it opens, if any, and where its current argument stands. */
interface Frame {
  op: Op;
  /** The dotted callee before a `(` (`mock.patch`, `self.flags`, `.config` after a call), or null. */
  callee: string | null;
  /** Index of the current argument among the positional ones (keywords count too; only 0 is asked). */
  arg: number;
  /** The bracket or an outer one is an assertion's call: its strings are data. */
  asserted: boolean;
}

/** The dotted callee ending at name token `i` (`mock.patch.dict`), as written. */
const calleeAt = (t: PythonTokens, i: number): string => {
  let first = i;
  while (first >= 2 && isOp(t, first - 1, Op.Dot) && t.kind[first - 2] === Kind.Name) first -= 2;
  const names: string[] = [];
  for (let k = first; k <= i; k += 2) names.push(nameText(t, k));
  return (first >= 1 && isOp(t, first - 1, Op.Dot) ? '.' : '') + names.join('.');
};

const lastName = (callee: string): string => callee.slice(callee.lastIndexOf('.') + 1);

/** mock.patch and its kin, whose first argument is `module.attribute`: the module is imported, the attribute patched. */
const isPatch = (callee: string): boolean => {
  const last = lastName(callee);
  if (last === 'patch') return true;
  if (last === 'dict' || last === 'multiple') return callee.endsWith(`patch.${last}`);
  // pytest's monkeypatch.setattr('pkg.mod.name', value) imports pkg.mod; a bare setattr(obj, 'name', v) takes an object.
  return (last === 'setattr' || last === 'delattr') && callee.includes('.');
};

const isAssertion = (callee: string): boolean => /^assert/i.test(lastName(callee)) || lastName(callee).startsWith('fail');

/** The call a string at the top of `stack` is handed to through grouping parentheses and, for option values, lists. */
const callOf = (stack: readonly Frame[], throughLists: boolean): Frame | null => {
  for (let k = stack.length - 1; k >= 0; k--) {
    const f = stack[k];
    if (f.op === Op.LParen && f.callee !== null) return f;
    if (f.op === Op.LBrace || (f.op === Op.LBracket && !throughLists)) return null;
  }
  return null;
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
    const text = ctx.manifests.transientText(test);
    if (text === null) continue;
    QUOTED_DOTTED.lastIndex = 0;
    if (!QUOTED_DOTTED.test(text)) continue;
    const t = tokenize(text);
    const seen = new Set<string>();
    // django-test-settings reads override_settings values with the setting they swap: its evidence says more.
    const swapped = new Set((ctx.facts(test)?.settingSwaps ?? []).map((s) => `${s.line}\0${s.value}`));
    let read = 0;
    const found = (i: number, value: string, how: How, via: string, hit: { module: string; file: string } | null): void => {
      if (hit === null || hit.file === test || seen.has(hit.module)) return;
      seen.add(hit.module);
      out.push({ test, line: t.line[i], value, module: hit.module, file: hit.file, how, via });
    };
    for (let l = 0; l < t.lines && read < MAX_STRINGS; l++) {
      const a = t.lineFirst[l];
      const b = t.lineEnd[l];
      // A docstring or a bare string statement, and an assert statement, load nothing.
      if (a >= b || t.kind[a] === Kind.String || (t.kind[a] === Kind.Name && nameText(t, a) === 'assert')) continue;
      const stack: Frame[] = [];
      for (let i = a; i < b && read < MAX_STRINGS; i++) {
        if (t.kind[i] === Kind.Op) {
          const op = t.value[i];
          if (op === Op.LParen || op === Op.LBracket || op === Op.LBrace) {
            const callee = op === Op.LParen && i > a && t.kind[i - 1] === Kind.Name ? calleeAt(t, i - 1) : null;
            const outer = stack.length > 0 && stack[stack.length - 1].asserted;
            stack.push({ op, callee, arg: 0, asserted: outer || (callee !== null && isAssertion(callee)) });
          } else if (op === Op.RParen || op === Op.RBracket || op === Op.RBrace) stack.pop();
          // Commas inside a nested bracket are that bracket's: its own frame is on top then.
          else if (op === Op.Comma && stack.length > 0) stack[stack.length - 1].arg++;
          continue;
        }
        if (!isPlainString(t, i)) continue;
        const value = stringTokenValue(t, i);
        if (!value.includes('.') || !isDottedName(value) || swapped.has(`${t.line[i]}\0${value}`)) continue;
        const top = stack.length > 0 ? stack[stack.length - 1] : null;
        if (top?.asserted || (top?.op === Op.LBrace && isOp(t, i + 1, Op.Colon))) continue;
        read++;
        const parts = value.split('.');
        // Django's test class attribute `urls = 'pkg.urls'` (before 1.10; horizon still hands it to ROOT_URLCONF).
        if (stack.length === 0 && i === a + 2 && b === a + 3 && isOp(t, a + 1, Op.Assign) && nameText(t, a) === 'urls') {
          found(i, value, 'urls', 'urls', longestModule(parts, parts.length));
          continue;
        }
        const direct = callOf(stack, false);
        const last = direct?.callee ? lastName(direct.callee) : '';
        if (direct !== null && LOADS.has(last)) found(i, value, 'load', direct.callee!, longestModule(parts, parts.length));
        else if (direct !== null && isPatch(direct.callee!) && direct.arg === 0) found(i, value, 'patch', direct.callee!, longestModule(parts, parts.length - 1));
        else {
          const option = callOf(stack, true);
          if (option !== null && OPTION_SETTERS.has(lastName(option.callee!))) found(i, value, 'option', option.callee!, longestModule(parts, parts.length));
          else found(i, value, 'class', parts[parts.length - 1], classPath(ctx, parts, moduleFileByName));
        }
      }
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

/** A folder that holds tests and their helpers (manila/tests/conf_fixture.py, ironic's tests/unit/api/base.py). */
const TEST_FOLDER = /(?:^|\/)(?:tests?|testing|unittests|unit_tests|functional_tests)\//;

/**
 * The files read: Python test roots, a pytest conftest.py, and the Python files of a test folder (a
 * test base class's setUp hands a driver by name as the test would). The edge hangs on the file
 * that writes the string, so a helper no test reaches reaches nothing.
 */
const testFiles = (ctx: FrameworkContext): Set<string> => {
  const out = new Set<string>();
  for (const f of testRoots(ctx)) if (f.endsWith('.py') && ctx.files.has(f)) out.add(f);
  for (const f of listedPaths(ctx.files)) {
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
