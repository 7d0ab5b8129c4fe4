/**
 * Stop 51: repo modules a test names by a dotted string. A test hands code to the app by name more
 * often than by import: manila's test_conf.py `CONF.import_opt('answer', 'manila.tests.declare_conf')`
 * (oslo.config imports the module), test_manager.py `self.flags(share_driver=
 * 'manila.tests.fake_driver.FakeShareDriver')` (the share manager's importutils loads the option's
 * class), test_extensions.py's `'manila.tests.api.extensions.foxinsocks.Foxinsocks'` appended to
 * `osapi_share_extension`, and every `mock.patch('pkg.mod.name')`, which imports `pkg.mod` to patch
 * it. The module is loaded when the test runs; nothing imports it otherwise, and it was dead.
 *
 * The rule: in a file a test runner collects (an entry of kind test), each plain string literal
 * (not an f-string, a byte string, a comment or a docstring) that is a dotted name of two or more
 * segments is an edge from that file to the longest leading part of it that is a repo module of two
 * or more segments (`manila.tests.fake_driver` of `….FakeShareDriver`). The edge hangs on the test, so
 * what it reaches is test, as the site is; the same string in production code gives nothing (a
 * logger name, a docs string). A bare package name (`'manila'`), a name no repo module starts
 * (`'os.path.join'`) and the test's own module give nothing.
 */
import { listedPaths } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { isDottedName } from '../strings.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { isPlainString, stringTokenValue } from '../../languages/python/literals.js';
import { isOp, nameText } from '../../languages/python/ranges.js';
import { Kind, Op } from '../../languages/python/tokens.js';

/** A quoted dotted name anywhere in the text: the cheap test before a file is tokenized. */
const QUOTED_DOTTED = /(['"])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\1/g;
/** Strings read per test file (a hostile file of thousands costs no more than this many module look-ups). */
const MAX_STRINGS = 2000;

interface TestDottedString {
  test: string;
  line: number;
  value: string;
  module: string;
  file: string;
  /** The call the string is an argument of (`patch`, `import_opt`), when it is one. */
  call: string | null;
}

/** How far back the call around a string is looked for, in tokens. */
const CALL_LOOK_BACK = 400;

/** The name of the call whose parentheses hold token `i` directly (`mock.patch(` → `patch`), or null. */
const enclosingCall = (t: ReturnType<typeof tokenize>, i: number): string | null => {
  for (let k = i - 1; k > 0 && k >= i - CALL_LOOK_BACK; k--) {
    if (t.depth[k] >= t.depth[i]) continue;
    return isOp(t, k, Op.LParen) && t.kind[k - 1] === Kind.Name ? nameText(t, k - 1) : null;
  }
  return null;
};

/** What the test does with the string, for the evidence. */
const how = (call: string | null): string =>
  call === 'patch' || call === 'object' || call === 'dict'
    ? 'mock.patch imports the module to patch it'
    : call === 'import_opt' || call === 'import_group'
      ? 'oslo.config imports the module for the option'
      : 'the test loads it by that name: an option value, a class path';

/** The test files of the scan: Python files an entry detector made a test root. */
const testFiles = (ctx: FrameworkContext): Set<string> => {
  const out = new Set<string>();
  for (const e of ctx.entries) if (e.kind === 'test' && e.targetKind === 'file' && e.target.endsWith('.py') && ctx.files.has(e.target)) out.add(e.target);
  return out;
};

/** Whether token `i` is a statement of its own at bracket depth 0 (a docstring or a bare string expression). */
const standsAlone = (t: ReturnType<typeof tokenize>, i: number): boolean =>
  t.depth[i] === 0 && (i === 0 || t.line[i - 1] < t.line[i]) && (i + 1 >= t.count || t.line[i + 1] > t.line[i]);

const dottedStrings = perScan((ctx: FrameworkContext): TestDottedString[] => {
  const tests = testFiles(ctx);
  if (tests.size === 0) return [];
  const out: TestDottedString[] = [];
  // Whether a dotted name is a repo module, asked once per name across the scan.
  const isModule = new Map<string, string | null>();
  const moduleOf = (name: string): string | null => {
    let file = isModule.get(name);
    if (file === undefined) isModule.set(name, (file = ctx.module(name)[0] ?? null));
    return file;
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
    for (let i = 0, read = 0; i < t.count && read < MAX_STRINGS; i++) {
      if (!isPlainString(t, i) || standsAlone(t, i)) continue;
      const value = stringTokenValue(t, i);
      if (!value.includes('.') || !isDottedName(value) || swapped.has(`${t.line[i]}\0${value}`)) continue;
      read++;
      const parts = value.split('.');
      // A name no repo package starts (`os.path.join`) costs one look-up.
      if (moduleOf(parts[0]) === null) continue;
      for (let k = parts.length; k >= 2; k--) {
        const module = parts.slice(0, k).join('.');
        const file = moduleOf(module);
        if (file === null) continue;
        if (file !== test && !seen.has(module)) {
          seen.add(module);
          out.push({ test, line: t.line[i], value, module, file, call: enclosingCall(t, i) });
        }
        break;
      }
    }
  }
  return out;
});

const reader: FrameworkReader = {
  id: 'test-dotted-strings',
  title: 'repo modules a test names by a dotted string (an option value, import_opt, mock.patch)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = dottedStrings(ctx)[0];
    return first ? `${first.test}:${first.line} names the repo module ${first.module} by the string '${first.value}'` : null;
  },
  collect: (ctx): FrameworkOutput => {
    const out = emptyFrameworkOutput();
    for (const s of dottedStrings(ctx)) {
      out.references.push({ from: s.test, target: s.module, targetKind: 'module', line: s.line, label: `named by the string '${s.value}' in the test ${s.test}:${s.line} (${how(s.call)})` });
    }
    return out;
  },
};

export default reader;
