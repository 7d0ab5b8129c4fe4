/**
 * pytest's "does this module hold a test" answered at extraction (facts `holdsTests`) must give
 * test discovery the same answer as reading the file again, and must be left out whenever the
 * extractor's text is not the file's plain UTF-8 (a BOM dropped, another encoding).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanFile } from '../../src/extract/scan-file.js';
import type { FileFacts } from '../../src/model/facts.js';
import { detectorById, fixtureContext, listFiles } from '../helpers/run-detector.js';
import { fixtureCases, fixturePath } from '../helpers/fixtures.js';
import { scratchDir } from '../helpers/scratch.js';
import { languageFromPath } from '../../src/discover/language.js';
import { isRepoDetector, type DetectorContext } from '../../src/entries/types.js';

const factsByScan = (root: string, path: string): FileFacts | undefined => {
  const abs = join(root, path);
  const bytes = statSync(abs).size;
  return scanFile({ path, abs, bytes, executable: false, symlink: false, language: languageFromPath(path) }, { maxFileSize: 1_000_000 }).facts ?? undefined;
};

const discover = (ctx: DetectorContext) => {
  const detector = detectorById('tests');
  assert.ok(isRepoDetector(detector));
  return detector.detectRepo(ctx);
};

const write = (root: string, files: Record<string, string | Buffer>): void => {
  for (const [path, body] of Object.entries(files)) writeFileSync(join(root, path), body);
};

test('holdsTests: recorded for test-like names with plain UTF-8 text, left out otherwise', () => {
  const root = scratchDir('census-holds-');
  write(root, {
    'test_a.py': 'def test_one():\n    assert True\n',
    'test_b.py': 'HELPER = 1\n',
    'b_test.py': 'class TestB:\n    pass\n',
    'test_made.py': 'class AsanaTests(create_oauth2_tests(registry.by_id(AsanaProvider.id))):\n    pass\n',
    'test_plain.py': 'class Helper(object):\n    pass\n',
    'helpers.py': 'def test_x():\n    pass\n',
    'test_bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('def test_one():\n    pass\n')]),
    'test_latin.py': Buffer.concat([Buffer.from('# -*- coding: latin-1 -*-\nNAME = "'), Buffer.from([0xe9]), Buffer.from('"\ndef test_one():\n    pass\n')]),
  });
  const holds = (path: string) => factsByScan(root, path)?.holdsTests;
  assert.equal(holds('test_a.py'), true);
  assert.equal(holds('test_b.py'), false);
  assert.equal(holds('b_test.py'), true);
  // A test case made by a call (django-allauth's providers): a *Tests class with bases.
  assert.equal(holds('test_made.py'), true);
  assert.equal(holds('test_plain.py'), false);
  assert.equal(holds('helpers.py'), undefined);
  assert.equal(holds('test_bom.py'), undefined);
  assert.equal(holds('test_latin.py'), undefined);
});

test('holdsTests: test discovery answers alike from the facts and from the files read again', () => {
  const roots = fixtureCases('entries', 'tests-pytest').map((name) => fixturePath('entries', name));
  const scratch = scratchDir('census-holds-');
  write(scratch, {
    'test_empty.py': 'X = 1\n',
    'test_star.py': 'from .cases import *\n',
    'test_bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('def test_one():\n    pass\n')]),
    'test_bad_utf8.py': Buffer.concat([Buffer.from('X = "'), Buffer.from([0xff]), Buffer.from('"\n')]),
  });
  for (const root of [...roots, scratch]) {
    const read = fixtureContext(root);
    const facts = new Map(listFiles(root).filter((p) => p.endsWith('.py')).map((p) => [p, factsByScan(root, p)]));
    assert.ok([...facts.values()].some((f) => f?.holdsTests !== undefined), root);
    const fromFacts: DetectorContext = { ...fixtureContext(root), facts: (path) => facts.get(path) };
    assert.deepEqual(discover(fromFacts), discover(read), root);
  }
});
