/**
 * Entry.startedBy on framework readers' entries (Stop 59 decision): a command line a framework
 * config holds (a release-it hook) is `command-line`, like any command; a file the tool loads by
 * a config's or a convention's choice (a release-it plugin, a Vite config) carries none, though
 * its evidence names the command line that runs the tool: that line starts the tool, not the file,
 * so the file ranks with `main`, a convention, a config.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

test('startedBy: a framework config\'s command line is command-line; a file the tool loads by config carries none', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'release-it-basic'));
  const of = (file: string) => audit.entries.filter((e) => e.detector === 'release-it' && e.file === file);
  const hook = of('scripts/stamp-version.mjs');
  assert.equal(hook.length, 1);
  assert.equal(hook[0].startedBy, 'command-line');
  assert.match(hook[0].evidence, /release-it run by package\.json script "release"/);
  const plugin = of('release/notify-plugin.mjs');
  assert.equal(plugin.length, 1);
  assert.match(plugin[0].evidence, /\(release-it run by package\.json script "release": release-it\)/);
  assert.equal(plugin[0].startedBy, undefined);
});

test('startedBy: a Vite config loaded by vite run by a script carries none', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'vite-basic'));
  const vite = audit.entries.filter((e) => e.detector === 'vite');
  assert.ok(vite.length > 0);
  for (const e of vite) {
    assert.match(e.evidence, /run by package\.json script/);
    assert.equal(e.startedBy, undefined, e.evidence);
  }
});
