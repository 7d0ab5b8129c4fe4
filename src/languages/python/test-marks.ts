/**
 * Whether a module may hold something pytest or unittest collects (entries/support/pytest-discovery.ts
 * asks it of every file whose name pytest would collect). Generous on purpose: a test function or
 * method, a `Test*` class, a `*Test`/`*Tests` class with bases (django-allauth's
 * `class AsanaTests(create_oauth2_tests(...))`: a test case made by a call) or one whose bases name a test case, a `test*` name bound by assignment, a
 * star import (tests re-exported), pytest-bdd `scenarios(...)`, `load_tests`.
 *
 * The question is about the file's text as a detector reads it (Node's UTF-8, a BOM kept, invalid
 * bytes replaced), so extraction answers it only when its decoded text is exactly that: valid
 * UTF-8 without a BOM (extract/scan-file.ts's `asRead`). It answers for test-like names only
 * (`test*.py`, `*test.py`): running the pattern over every Python file would cost more than the
 * reads it saves. A file without the answer is read again by the detector.
 */
import type { PythonTokens } from './tokenize.js';
import { Kind, Word } from './tokens.js';

const MAY_HOLD_TESTS = /^[ \t]*(?:(?:async[ \t]+)?def[ \t]+test|class[ \t]+(?:Test|\w*Tests?[ \t]*\(|\w+[ \t]*\([^)]*(?:Test|Case)))|^[ \t]*test\w*[ \t]*(?::[^=\n]*)?=|\bimport[ \t]+\*|\bscenarios?\(|\bload_tests\b/m;

export const holdsTests = (text: string): boolean => MAY_HOLD_TESTS.test(text);

/** MAY_HOLD_TESTS's alternatives that start at a line start, tried at one place (sticky). */
const LINE_HOLDS_TESTS = /^[ \t]*(?:(?:async[ \t]+)?def[ \t]+test|class[ \t]+(?:Test|\w*Tests?[ \t]*\(|\w+[ \t]*\([^)]*(?:Test|Case)))|^[ \t]*test\w*[ \t]*(?::[^=\n]*)?=/my;

/** Candidate lines tried before the whole pattern: each try may read far (an unclosed `class A(`). */
const MAX_CANDIDATES = 16;

/**
 * holdsTests(text), with the extractor's tokens of that text at hand: most test modules answer at
 * their first `def test…` or `class Test…` line, found from the logical lines' first tokens
 * and confirmed by the pattern's own line alternatives at that line's start (so every true is a
 * match of MAY_HOLD_TESTS). The pattern tried at every character up to its first match cost
 * more than the rest of reading the file's statements. Without a confirmed line (or when the
 * tokens' text is not `text`: a CR made them another string) the whole pattern answers.
 */
export const holdsTestsIn = (text: string, t: PythonTokens): boolean => {
  if (t.text === text) {
    let tried = 0;
    for (let l = 0; l < t.lines && tried < MAX_CANDIDATES; l++) {
      const i = t.lineFirst[l];
      if (t.kind[i] !== Kind.Name) continue;
      const w = t.value[i];
      const start = t.start[i];
      if (w !== Word.Def && w !== Word.Class && w !== Word.Async && !text.startsWith('test', start)) continue;
      tried++;
      LINE_HOLDS_TESTS.lastIndex = text.lastIndexOf('\n', start - 1) + 1;
      if (LINE_HOLDS_TESTS.test(text)) return true;
    }
  }
  return MAY_HOLD_TESTS.test(text);
};

/**
 * A module that defines tests of its own, not only test helpers: a `test*` function at the top level or
 * one indent in (a method; a docstring's example sits deeper), or a top-level class named `Test*`,
 * `*Test` or `*Tests`. djangorestframework's `rest_framework/test.py` offers host projects
 * `APITestCase` and `APIClient` and defines no test; django-allauth's `providers/dwolla/test.py`
 * defines `class DwollaTests(OAuth2TestsMixin, TestCase)`.
 */
const DEFINES_TESTS = /^(?: {1,4}|\t)?(?:async[ \t]+)?def[ \t]+test|^class[ \t]+(?:Test\w*|\w*Tests?)[ \t]*[(:]/m;

export const definesTests = (text: string): boolean => DEFINES_TESTS.test(text);

/** A file name pytest's default patterns or unittest's `test*.py` may collect. */
export const isTestLikeName = (name: string): boolean => name.endsWith('.py') && (name.startsWith('test') || name.endsWith('test.py'));

/**
 * A folder that holds tests and their helpers (manila/tests/conf_fixture.py, ironic's
 * tests/unit/api/base.py, a package's testing/ helpers): frameworks/python/test-dotted-strings.ts
 * reads its files, resolve/import-aliases.ts takes what they swap in for test-only.
 */
export const TEST_FOLDER = /(?:^|\/)(?:tests?|testing|unittests|unit_tests|functional_tests)\//;

/**
 * A module name test runners collect (`test_*.py`, `*_test.py`, Django's `tests.py`, `test.py`)
 * or a pytest `conftest.py`: stricter than isTestLikeName, which also takes `latest.py`,
 * `contest.py` and `testimonials.py` for the extractor's cheaper question.
 */
export const isTestModuleName = (name: string): boolean => /^(?:test_\w*|\w+_test|tests?|conftest)\.py$/.test(name);
