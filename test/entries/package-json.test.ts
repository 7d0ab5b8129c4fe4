import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptKind } from '../../src/entries/package-json.js';
import { packageScripts } from '../../src/manifests/package-json.js';
import { Manifests } from '../../src/manifests/store.js';
import { detectorById, detectorCases } from '../helpers/run-detector.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const detector = detectorById('package-json');

for (const c of detectorCases(detector)) test(`package-json: ${c.name}`, c.check);

test('package-json: packageScripts gives the string scripts, and {} for a broken file', () => {
  // A null-prototype object (`scripts.constructor` is no script): compared as a plain copy.
  const readPackageScripts = (text: string) => {
    const scripts = packageScripts(new Manifests({ readText: () => text }), 'package.json');
    assert.equal(Object.getPrototypeOf(scripts), null);
    assert.equal(scripts.constructor, undefined);
    return { ...scripts };
  };
  assert.deepEqual(readPackageScripts('{"scripts": {"build": "tsc", "odd": 3}}'), { build: 'tsc' });
  assert.deepEqual(readPackageScripts('{"scripts": '), {});
  assert.deepEqual(readPackageScripts('["not", "an", "object"]'), {});
});

test('package-json: scripts that serve the package are production, the rest tooling', () => {
  assert.deepEqual(['start', 'serve', 'prestart', 'poststart', 'build', 'test', 'postinstall'].map(scriptKind), ['production', 'production', 'production', 'production', 'tooling', 'tooling', 'tooling']);
});

test('package-json: root files that "files" publishes are entries, and what they re-export from dist/ reaches its source', async () => {
  const { audit } = await scanDir(fixturePath('entries', 'package-json-published-files'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path);
  const s3 = verdict('packages/cloud/s3.js');
  assert.equal(s3?.verdict, 'production');
  assert.match(s3?.evidence?.[0] ?? '', /published by packages\/cloud\/package\.json files: \["dist","\*\.js","\*\.d\.ts","!internal\.js"\]/);
  assert.equal(verdict('packages/cloud/src/adapters/s3/index.ts')?.verdict, 'production');
  assert.equal(verdict('packages/cloud/src/adapters/gcs/index.ts')?.verdict, 'production');
  assert.equal(verdict('packages/named/src/types.ts')?.verdict, 'production');
  // Excluded by "!internal.js", and not at the root or not listed: nothing publishes them.
  assert.equal(verdict('packages/cloud/internal.js')?.verdict, 'dead');
  assert.equal(verdict('packages/nested/stray.js')?.verdict, 'dead');
  assert.notEqual(verdict('packages/cloud/eslint.config.js')?.evidence?.[0]?.includes('published by'), true, 'a tool config stays its tool\'s root');
});

test('package-json: files an exports pattern covers but a null key withholds are not entries, and dead when nothing else uses them', async () => {
  const { audit } = await scanDir(fixturePath('entries', 'package-json-withheld-subpaths'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  for (const live of ['lib/main.js', 'lib/widgets/table.js', 'lib/hooks/use-harbor.js', 'lib/themes/dark.js']) assert.equal(verdict(live), 'production', live);
  for (const withheld of ['lib/widgets/chart.draft.js', 'lib/widgets/legacy-table.js', 'lib/widgets/experimental/dial.js', 'lib/themes/internal/palette.js']) {
    assert.equal(verdict(withheld), 'dead', withheld);
  }
});

test('package-json: a main that names a folder or leaves out .js is completed as Node completes it', async () => {
  const { audit } = await scanDir(fixturePath('entries', 'package-json-main-folder'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  for (const live of ['packages/folder-main/lib/index.js', 'packages/folder-main/lib/server.js', 'packages/extensionless/lib/app/index.js', 'packages/file-main/server.js', 'packages/unbuilt/src/entry.ts']) {
    assert.equal(verdict(live), 'production', live);
  }
  // server.js is a file: Node loads it before it looks in the server/ folder.
  assert.equal(verdict('packages/file-main/server/index.js'), 'dead');
});
