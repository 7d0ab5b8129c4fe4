import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptKind } from '../../src/entries/package-json.js';
import { packageScripts } from '../../src/manifests/package-json.js';
import { Manifests } from '../../src/manifests/store.js';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('package-json');

for (const c of detectorCases(detector)) test(`package-json: ${c.name}`, c.check);

test('package-json: packageScripts gives the string scripts, and {} for a broken file', () => {
  const readPackageScripts = (text: string) => packageScripts(new Manifests({ readText: () => text }), 'package.json');
  assert.deepEqual(readPackageScripts('{"scripts": {"build": "tsc", "odd": 3}}'), { build: 'tsc' });
  assert.deepEqual(readPackageScripts('{"scripts": '), {});
  assert.deepEqual(readPackageScripts('["not", "an", "object"]'), {});
});

test('package-json: scripts that serve the package are production, the rest tooling', () => {
  assert.deepEqual(['start', 'serve', 'prestart', 'poststart', 'build', 'test', 'postinstall'].map(scriptKind), ['production', 'production', 'production', 'production', 'tooling', 'tooling', 'tooling']);
});
