/** The entry-point-scripts reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import reader from '../../src/frameworks/python/entry-point-scripts.js';
import { Manifests } from '../../src/manifests/store.js';
import type { FrameworkContext } from '../../src/frameworks/types.js';
import type { FileFacts } from '../../src/model/facts.js';

const cases = frameworkCases('entry-point-scripts');
test('entry-point-scripts: has an egg-info fixture', () => assert.ok(cases.includes('entry-point-scripts-egg-info')));
test('entry-point-scripts: has a fixture with the metadata beside the launcher', () => assert.ok(cases.includes('entry-point-scripts-beside-launcher')));
test('entry-point-scripts: has a fixture whose entry point is in a subpackage', () => assert.ok(cases.includes('entry-point-scripts-subpackage')));
for (const name of cases) test(`entry-point-scripts: ${name}`, () => checkFrameworkFixture(name));

// Stop 62 (issue 19): the reader walks the files read as Python alone (filesOfLanguage), not every path's facts.
const launcherContext = (python: readonly string[]): FrameworkContext => {
  const files = new Set(['bin/tool', 'web/launch.js']);
  const text = "from pkg_resources import load_entry_point\nload_entry_point('tool==1.0', 'console_scripts', 'tool')()\n";
  const manifests = new Manifests({ files, readText: (p) => (files.has(p) ? text : null) });
  const facts = { imports: [{ specifier: 'pkg_resources', line: 1, names: [] }], commands: [], references: [], runnable: [], definitions: [], complexity: 1 } as unknown as FileFacts;
  return { files, readText: manifests.text, manifests, facts: () => facts, commands: [], entries: [], module: () => [], filesOfLanguage: (language) => (language === 'python' ? python : []) };
};

test('entry-point-scripts: a launcher is looked for among the files read as Python only', () => {
  assert.equal(reader.enabledBy(launcherContext(['bin/tool'])), 'bin/tool calls load_entry_point');
  // A JavaScript file whose facts and text spell the same is no Python launcher.
  assert.equal(reader.enabledBy(launcherContext([])), null);
});
