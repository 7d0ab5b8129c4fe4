/**
 * Which Python files pytest (and unittest) would collect, by their own rules:
 *
 * - the governing config is the nearest one at or above the file, in pytest's precedence per
 *   folder: pytest.toml, .pytest.toml, pytest.ini, .pytest.ini, pyproject.toml ([tool.pytest] or
 *   [tool.pytest.ini_options]), tox.ini [pytest], setup.cfg [tool:pytest];
 * - `testpaths` limits collection to those folders (relative to the config's folder);
 * - `python_files` (default `test_*.py *_test.py`) is matched against the file name, or against
 *   the path when a pattern has a slash; conftest.py files are always loaded;
 * - pytest's default norecursedirs (dot folders, build, dist, venv, *.egg, …) are skipped;
 * - without any config, unittest's `test*.py` also counts inside folders named test or tests;
 * - a module of a test suite's folder (`testsuite/`, `tests/`, `test/` anywhere above it) that
 *   imports pytest or unittest (or subclasses a `*TestCase`) and defines tests is a test whatever
 *   its name: borg's `borg/testsuite/archive.py`, run by `pytest --pyargs borg.testsuite` with
 *   the upstream `python_files = testsuite/*.py` that Debian does not ship. Test helpers there
 *   (mitmproxy's test/tflow.py) define no test and stay what their importers make them; a
 *   `_`-named module (`__init__.py`, a disabled `_test_caching.py`) is none;
 * - a file whose name matches but that defines no test (no `test*` function, no `Test*` or
 *   TestCase class, no star import or generated tests) is collected empty: it is not a test root,
 *   and is returned marked `empty` so that a dead verdict can say pytest collects it.
 *   A `load_test.py` with a `__main__` guard is a script someone runs by hand, and the verdicts
 *   say so; a `test_helpers.py` that tests import is reached through those imports.
 */
import { DEFAULT_PYTHON_FILES as DEFAULT_PATTERNS, pytestConfigFor } from '../../manifests/pytest.js';
import { compileRepoGlob, isGlob } from '../../util/glob.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { definesTests, holdsTests } from '../../languages/python/test-marks.js';
import type { DetectorContext } from '../types.js';
import type { FileFacts } from '../../model/facts.js';

export interface PythonTest {
  file: string;
  /** The config that governs collection, or null for pytest's defaults. */
  config: string | null;
  evidence: string;
  /** Collected, but it defines nothing to collect: no test root; `evidence` says what collects it. */
  empty?: true;
}

const NORECURSE = /(^|\/)(\.[^/]+|_darcs|build|CVS|dist|node_modules|venv|[^/]*\.egg)\//;

const compiled = new Map<string, (path: string) => boolean>();
/** Compiled once: the same few globs are tried against every Python file. */
const glob = (pattern: string): ((path: string) => boolean) => {
  let m = compiled.get(pattern);
  if (!m) compiled.set(pattern, (m = compileRepoGlob(pattern)));
  return m;
};

const isUnder = (file: string, dir: string): boolean => dir === '' || file === dir || file.startsWith(`${dir}/`);

/** The testpath a file lies under (testpaths may be globs), or null. */
const underAny = (file: string, dirs: string[]): string | null =>
  dirs.find((d) => (isGlob(d) ? glob(`${d}/**`)(file) : isUnder(file, d))) ?? null;

/** pytest loads conftest.py from the test folders and from every folder on the way to them. */
const conftestApplies = (file: string, roots: string[]): boolean =>
  roots.length === 0 || underAny(file, roots) !== null || roots.some((r) => isUnder(r, dirname(file)));

const matchesPattern = (file: string, relative: string, pattern: string): boolean =>
  pattern.includes('/') ? glob(`**/${pattern}`)(relative) : glob(pattern)(basename(file));

/**
 * A matching file that defines nothing to collect is no test (an unreadable one is kept). Extraction
 * answered it for most such files (facts `holdsTests`, languages/python/test-marks.ts); the rest are read.
 */
const emptyOfTests = (ctx: DetectorContext, file: string): boolean => {
  const known = ctx.facts?.(file)?.holdsTests;
  if (known !== undefined) return !known;
  const text = ctx.manifests.transientText(file);
  return text !== null && !holdsTests(text);
};

/**
 * A repo laid out as Django lays it out: a manage.py, or an app folder (apps.py beside models.py
 * or a migrations package). Its tests.py files (the `startapp` convention) and any other test*.py
 * of a package (django-allauth's providers/dwolla/test.py) are what Django's DiscoverRunner
 * collects (unittest's pattern test*.py), not only in tests/ folders. A test*.py other than
 * tests.py must define a test of its own (`definesTests`): rest_framework/test.py, test helpers for
 * host projects, would be imported by the runner but holds no test.
 */
const djangoLayout = (files: ReadonlySet<string>): boolean => {
  for (const f of files) {
    if (f === 'manage.py' || f.endsWith('/manage.py')) return true;
    if (f !== 'apps.py' && !f.endsWith('/apps.py')) continue;
    const prefix = f.slice(0, -'apps.py'.length);
    if (files.has(`${prefix}models.py`) || files.has(`${prefix}migrations/__init__.py`)) return true;
  }
  return false;
};

/** A folder a test suite lives in, anywhere above the file. */
const SUITE_FOLDER = /(?:^|\/)(testsuite|tests?)\//;
/** An import of a test framework, at a statement's start. */
const IMPORTS_TEST_FRAMEWORK = /^[ \t]*(?:import[ \t]+(?:pytest|unittest)\b|from[ \t]+(?:pytest|unittest)\b)/m;
/** A class built on a test case (`class ChunkerRegressionTestCase(BaseTestCase):`), whatever it imports. */
const TEST_CASE_BASE = /^class[ \t]+\w+[ \t]*\([^)]*TestCase\b/m;
/** A test function at the top level. */
const TOP_LEVEL_TEST = /^(?:async[ \t]+)?def[ \t]+test/m;
/** A test class: named as pytest collects them, or built on a test case. */
const TEST_CLASS = /^class[ \t]+(?:(?:Test\w*|\w*Tests?)[ \t]*[(:]|\w+[ \t]*\([^)]*TestCase)/m;
/** A test method (indented), counted only beside a test class: a `def test_mod` nested in a runner's function is none (gramps' test/regrtest.py). */
const TEST_METHOD = /^[ \t]+(?:async[ \t]+)?def[ \t]+test/m;

/** Whether a module defines tests: a top-level test function, or a test class with a test method. */
export const definesSuiteTests = (text: string): boolean => TOP_LEVEL_TEST.test(text) || (TEST_CLASS.test(text) && TEST_METHOD.test(text));

/**
 * Whether extraction's facts leave the file possibly a suite module: it imports pytest or unittest
 * or a `*TestCase`, and defines a top-level name that a test function or test class could have.
 * Most modules of a test folder (saleor's 237 fixtures and helpers) fail here, unread.
 */
const maySuiteModule = (facts: FileFacts): boolean => {
  let framework = false;
  for (const i of facts.imports) {
    const top = i.specifier.split('.')[0];
    if (top === 'pytest' || top === 'unittest' || i.names.some((n) => n.name.endsWith('TestCase'))) {
      framework = true;
      break;
    }
  }
  return framework && facts.definitions.some((n) => n.startsWith('test') || n.includes('Test') || n.includes('Case'));
};

/**
 * The test-suite folder of a file that its name alone does not make a test, when the file imports
 * a test framework (or subclasses a test case) and defines tests of its own; else null. Only files
 * below such a folder that the facts (when given) do not rule out are read.
 */
export const suiteModuleFolder = (file: string, text: () => string | null, facts?: FileFacts): string | null => {
  const folder = SUITE_FOLDER.exec(file)?.[1];
  // A package's __init__.py is what its test modules import (borg's BaseTestCase), not one of them;
  // a `_`-named module is private, or a suite's disabled test (hyperkitty's tests/_test_caching.py).
  if (folder === undefined || file[file.lastIndexOf('/') + 1] === '_') return null;
  if (facts !== undefined && !maySuiteModule(facts)) return null;
  const body = text();
  if (body === null || !definesSuiteTests(body) || !(IMPORTS_TEST_FRAMEWORK.test(body) || TEST_CASE_BASE.test(body))) return null;
  return folder;
};

/** A file no name pattern collects, as a test when it is a test suite's module (outside pytest's norecursedirs); else null. */
const suiteModule = (ctx: DetectorContext, file: string, config: string | null): PythonTest | null => {
  if (NORECURSE.test(file)) return null;
  const folder = suiteModuleFolder(file, () => ctx.manifests.transientText(file), ctx.facts?.(file));
  return folder === null ? null : { file, config, evidence: `a test suite's module: it lies in a ${folder}/ folder, uses pytest or unittest and defines tests` };
};

export const pythonTests = (ctx: DetectorContext): PythonTest[] => {
  const out: PythonTest[] = [];
  let usesDjango: boolean | undefined;
  for (const file of ctx.files) {
    if (!file.endsWith('.py')) continue;
    const name = file.slice(file.lastIndexOf('/') + 1);
    const config = pytestConfigFor(ctx.manifests, dirname(file));
    if (!config) {
      // Most files fail on their name: test that before the folder rules.
      const pattern = name === 'conftest.py' ? 'conftest.py' : DEFAULT_PATTERNS.find((p) => glob(p)(name));
      const unittest = !pattern && name.startsWith('test') && /(^|\/)tests?\/[^/]+$/.test(file);
      const djangoTests = !pattern && !unittest && name.startsWith('test') && ctx.files.has(`${dirname(file) === '' ? '' : `${dirname(file)}/`}__init__.py`) && (usesDjango ??= djangoLayout(ctx.files));
      if (!pattern && !unittest && !djangoTests) {
        const suite = suiteModule(ctx, file, null);
        if (suite !== null) out.push(suite);
        continue;
      }
      if (NORECURSE.test(file)) continue;
      const evidence = pattern ? `pytest discovery: ${pattern}` : djangoTests ? `Django's test runner (manage.py test) discovers test*.py in packages: ${name === 'tests.py' ? "an app's tests.py" : name}` : 'unittest discovery: test*.py';
      // A test*.py that is not an app's tests.py may be the package's test helpers for other projects (rest_framework/test.py).
      const empty = (name !== 'conftest.py' && emptyOfTests(ctx, file)) || (djangoTests && name !== 'tests.py' && !definesTests(ctx.manifests.transientText(file) ?? ''));
      out.push(empty ? { file, config: null, evidence, empty } : { file, config: null, evidence });
      continue;
    }
    const relative = config.dir === '' ? file : file.slice(config.dir.length + 1);
    const pattern = name === 'conftest.py' ? 'conftest.py' : config.pythonFiles.find((p) => matchesPattern(file, relative, p));
    if (!pattern) {
      const suite = suiteModule(ctx, file, config.path);
      if (suite !== null) out.push(suite);
      continue;
    }
    if (NORECURSE.test(file)) continue;
    const roots = config.testpaths.map((t) => joinRepo(config.dir, t)).filter((t): t is string => t !== null);
    if (name === 'conftest.py' ? !conftestApplies(file, roots) : roots.length > 0 && underAny(file, roots) === null) continue;
    const empty = name !== 'conftest.py' && !config.customTestNames && emptyOfTests(ctx, file);
    const where = roots.length > 0 ? ` testpaths ${config.testpaths.join(' ')}` : '';
    const evidence = `pytest discovery (${config.path}${where}): ${pattern}`;
    out.push(empty ? { file, config: config.path, evidence, empty } : { file, config: config.path, evidence });
  }
  return out;
};
