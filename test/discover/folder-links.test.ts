/**
 * Discovery records a symlink to a folder inside the scanned root as a folder link (link → target),
 * without entering it; a link that leaves the root, loops, is dangling, leads to a file, or leads to
 * the root or a folder above itself is not one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discover } from '../../src/discover/index.js';
import { scratchDir } from '../helpers/scratch.js';

test('discover: folder links inside the root are recorded, hostile ones are not', async () => {
  const outside = scratchDir('census-folder-links-outside-');
  writeFileSync(join(outside, 'secret.js'), 'x\n');
  const root = scratchDir('census-folder-links-');
  mkdirSync(join(root, 'share/app/static/js'), { recursive: true });
  writeFileSync(join(root, 'share/app/static/js/app.js'), 'x\n');
  mkdirSync(join(root, 'lib/app'), { recursive: true });
  writeFileSync(join(root, 'lib/app/__init__.py'), '\n');
  symlinkSync('../../share/app/static', join(root, 'lib/app/static'));
  symlinkSync(outside, join(root, 'lib/app/out'));
  symlinkSync('loop2', join(root, 'lib/app/loop1'));
  symlinkSync('loop1', join(root, 'lib/app/loop2'));
  symlinkSync('nowhere', join(root, 'lib/app/dangling'));
  symlinkSync('__init__.py', join(root, 'lib/app/file'));
  symlinkSync('..', join(root, 'lib/app/up'));
  symlinkSync('../..', join(root, 'lib/app/top'));
  const found = await discover(root, { include: [], exclude: [], defaultExcludes: true });
  assert.deepEqual(found.folderLinks, [{ path: 'lib/app/static', target: 'share/app/static' }]);
  const paths = found.files.map((f) => f.path);
  assert.ok(paths.includes('share/app/static/js/app.js'));
  assert.ok(!paths.some((p) => p.startsWith('lib/app/static/')), 'the link is not entered');
  assert.ok(paths.includes('lib/app/file'), 'a link to a file is a file, as before');
  assert.ok(found.diagnostics.some((d) => d.location?.file === 'lib/app/static' && d.message.includes('not followed')));
});
