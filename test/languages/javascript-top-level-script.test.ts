/**
 * A JS/TS file that exports nothing and does its work at load time, with evidence that it is a
 * Node script (a built-in loaded, Node's `process.exit`/`argv`/`cwd`… used, or a bin/ scripts/
 * tools/ folder), is manual, with what it requires; a browser script (even one reading
 * `process.env.NODE_ENV`, which bundlers define) and a module with exports that also calls
 * something stay dead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

test('top-level scripts: bin/ and scripts/ scripts are manual; a browser script and a module with exports stay dead', async () => {
  const { audit } = await scanDir(fixturePath('javascript', 'top-level-scripts'));
  const verdicts = Object.fromEntries(audit.files.filter((f) => f.verdict).map((f) => [f.path, f.verdict]));
  assert.deepEqual(verdicts, {
    'bin/reindex.js': 'manual',
    'lib/setup.js': 'dead',
    'public/js/menu.js': 'dead',
    'scripts/count-lines.mjs': 'manual',
    'src/index.js': 'production',
    'src/slug.js': 'production',
    // No built-in and no script folder, but it ends in process.exit(1): a Node program.
    'test/smoke-plugin.mjs': 'manual',
    'web/boot.js': 'dead',
  });
  const reindex = audit.files.find((f) => f.path === 'bin/reindex.js');
  assert.ok((reindex?.evidence ?? []).some((e) => e.includes('runs code at the top level')), (reindex?.evidence ?? []).join('\n'));
});
