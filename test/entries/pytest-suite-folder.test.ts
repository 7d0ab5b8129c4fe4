/** suiteModuleFolder: a module in a test suite's folder is a test whatever its name, when it uses a test framework and defines tests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suiteModuleFolder } from '../../src/entries/support/pytest-discovery.js';
import { emptyFacts, type FileFacts } from '../../src/model/facts.js';

const TESTS = 'import pytest\n\ndef test_a():\n    pass\n';

test('suiteModuleFolder: testsuite/, tests/ and test/ anywhere above the file', () => {
  assert.equal(suiteModuleFolder('borg/testsuite/archive.py', () => TESTS), 'testsuite');
  assert.equal(suiteModuleFolder('tests/unit/cache.py', () => TESTS), 'tests');
  assert.equal(suiteModuleFolder('src/pkg/test/cache.py', () => TESTS), 'test');
  assert.equal(suiteModuleFolder('pkg/testing/cache.py', () => TESTS), null);
  assert.equal(suiteModuleFolder('pkg/mytests/cache.py', () => TESTS), null);
  assert.equal(suiteModuleFolder('borg/testsuite/__init__.py', () => TESTS), null);
  assert.equal(suiteModuleFolder('hyperkitty/tests/_test_caching.py', () => TESTS), null);
});

test('suiteModuleFolder: it must use pytest or unittest (or build on a TestCase) and define a test', () => {
  const at = 'borg/testsuite/x.py';
  assert.equal(suiteModuleFolder(at, () => 'from unittest import mock\n\nclass T(unittest.TestCase):\n    def test_b(self):\n        pass\n'), 'testsuite');
  assert.equal(suiteModuleFolder(at, () => 'from . import BaseTestCase\n\nclass C(BaseTestCase):\n    def test_b(self):\n        pass\n'), 'testsuite');
  assert.equal(suiteModuleFolder(at, () => 'def test_a():\n    pass\n'), null);
  assert.equal(suiteModuleFolder(at, () => 'import pytest\n\n@pytest.fixture\ndef flow():\n    pass\n'), null);
  assert.equal(suiteModuleFolder(at, () => '# import pytest\ndef helper():\n    """def test_x(): pass"""\n'), null);
  assert.equal(suiteModuleFolder(at, () => null), null);
  // A test runner's nested helper named test_* is no test (gramps' test/regrtest.py).
  assert.equal(suiteModuleFolder(at, () => 'import unittest\n\ndef suites():\n    def test_mod(p):\n        return p\n'), null);
  assert.equal(suiteModuleFolder(at, () => 'import unittest\n\nclass Helper:\n    def test_mod(self):\n        pass\n'), null);
  assert.equal(suiteModuleFolder(at, () => 'import unittest\n\nclass KeyTests(object):\n    async def test_k(self):\n        pass\n'), 'testsuite');
});

test('suiteModuleFolder: facts that show no test framework import or no test-like name rule a file out unread', () => {
  const facts = (imports: [string, string[]][], definitions: string[]): FileFacts => ({
    ...emptyFacts(),
    imports: imports.map(([specifier, names]) => ({ specifier, syntax: names.length > 0 ? 'from' : 'import', names: names.map((name) => ({ name })), line: 1 }) as FileFacts['imports'][number]),
    definitions,
  });
  let reads = 0;
  const text = () => (reads++, TESTS);
  const at = 'tests/cache.py';
  assert.equal(suiteModuleFolder(at, text, facts([['pytest', []]], ['pytest', 'client'])), null);
  assert.equal(suiteModuleFolder(at, text, facts([['json', []]], ['test_a'])), null);
  assert.equal(reads, 0);
  assert.equal(suiteModuleFolder(at, text, facts([['pytest', []]], ['pytest', 'test_a'])), 'tests');
  assert.equal(suiteModuleFolder(at, text, facts([['unittest.mock', ['Mock']]], ['KeyTests'])), 'tests');
  assert.equal(suiteModuleFolder(at, text, facts([['.', ['BaseTestCase']]], ['BaseTestCase', 'ChunkerCase'])), 'tests');
  assert.equal(reads, 3);
});
