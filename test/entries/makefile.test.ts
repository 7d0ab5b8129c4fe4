import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAKEFILE } from '../../src/manifests/makefile.js';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('makefile');

for (const c of detectorCases(detector)) test(`makefile: ${c.name}`, c.check);

test('makefile: the parsed targets give each target its expanded recipe, for `make target`', () => {
  const targets = MAKEFILE.parse('PY = python3\nall: build\nbuild:\n\t@$(PY) scripts/build_site.py $@\n\t-rm -rf out\n.PHONY: build\n', 'Makefile').value!;
  assert.deepEqual([...targets.keys()], ['all', 'build']);
  assert.deepEqual(targets.get('build'), { line: 3, recipe: ['python3 scripts/build_site.py build', 'rm -rf out'], lines: [4, 5] });
  assert.deepEqual(targets.get('all')?.recipe, []);
});
