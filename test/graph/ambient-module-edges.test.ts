/**
 * Declaration files reached by what TypeScript reads them for: a wildcard `declare module` that
 * types an import, and a `/// <reference path>` directive (fixture wiring/ambient-declarations).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { AMBIENT_MODULE } from '../../src/graph/ambient-module-edges.js';

test('a wildcard ambient module types the imports that match it and reach no module of their own', async () => {
  const { audit } = await scanDir(fixturePath('wiring', 'ambient-declarations'));
  const ambient = audit.edges.filter((e) => e.via === AMBIENT_MODULE).map((e) => [e.from, e.line, e.specifier, e.to, e.kind]);
  assert.deepEqual(ambient, [
    ['src/app.ts', 1, './logo.png', 'types/assets.d.ts', 'type-import'],
    ['src/app.ts', 2, './blur.glsl?raw', 'types/assets.d.ts', 'type-import'],
    ['src/app.ts', 3, 'virtual:settings', 'types/assets.d.ts', 'type-import'],
    // `export … from` reads it too; `import Url = require()` inside a block leaves the file a script
    ['src/icons.ts', 1, './arrow.svg', 'types/assets.d.ts', 'type-import'],
  ]);
  // the sentence names the declaration's line
  assert.match(audit.edges.find((e) => e.via === AMBIENT_MODULE && e.line === 3)?.label ?? '', /declare module 'virtual:\*' at types\/assets\.d\.ts:14/);
  // media.d.ts types no import; augmenting.d.ts is a module, where a pattern is an augmentation TypeScript rejects
  const verdicts = Object.fromEntries(audit.files.map((f) => [f.path, f.verdict]));
  assert.equal(verdicts['types/media.d.ts'], 'dead');
  assert.equal(verdicts['types/augmenting.d.ts'], 'dead');
});

test('a reference path names a file relative to its own folder; reference types names a package', async () => {
  const { audit } = await scanDir(fixturePath('wiring', 'ambient-declarations'));
  const fromAssets = audit.edges.filter((e) => e.from === 'types/assets.d.ts').map((e) => [e.specifier, e.to, e.kind, e.unresolved ?? null, e.package ?? null]);
  assert.deepEqual(fromAssets, [
    ['build-globals.d.ts', 'types/build-globals.d.ts', 'type-import', null, null],
    ['node', null, 'type-import', 'external', 'node'],
    ['url', null, 'import', 'builtin', null],
  ]);
});

test('an exact ambient module types every import of its name; a module file augments and an unimported name reaches nothing', async () => {
  const { audit } = await scanDir(fixturePath('wiring', 'ambient-exact-modules'));
  const ambient = audit.edges.filter((e) => e.via === AMBIENT_MODULE).map((e) => [e.from, e.line, e.specifier, e.to]);
  assert.deepEqual(ambient, [
    ['src/main.ts', 1, 'virtual:app/routes', 'types/virtual.d.ts'],
    ['src/main.ts', 2, 'untyped-colours', 'types/untyped.d.ts'],
    // the augmenting module's own import of the name is typed by it too (that file stays dead: nothing imports it)
    ['types/augment.d.ts', 2, 'untyped-colours', 'types/untyped.d.ts'],
  ]);
  assert.match(audit.edges.find((e) => e.via === AMBIENT_MODULE && e.line === 1)?.label ?? '', /declare module 'virtual:app\/routes' at types\/virtual\.d\.ts:2/);
  const verdicts = Object.fromEntries(audit.files.map((f) => [f.path, f.verdict]));
  assert.equal(verdicts['types/unused.d.ts'], 'dead');
  assert.equal(verdicts['types/augment.d.ts'], 'dead');
  // `export {}` makes a module of it, whose declare module augments: no import reaches it by name
  assert.equal(verdicts['types/global-components.d.ts'], 'dead');
});
