/**
 * Discovery records a symlink to a folder inside the scanned root as a folder link (link → target),
 * without entering it; a link that leaves the root, loops, is dangling, leads to a file, or leads to
 * the root or a folder above itself is not one. Stop 48: only those are warned about (a recorded
 * link works as an alias: warning "not followed" about it told the user of a problem that was none),
 * and a recorded link to a folder none of whose files is in the census.
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
  mkdirSync(join(root, 'node_modules/pkg'), { recursive: true });
  writeFileSync(join(root, 'node_modules/pkg/index.js'), 'x\n');
  symlinkSync('../../node_modules/pkg', join(root, 'lib/app/pkg'));
  const found = await discover(root, { include: [], exclude: [], defaultExcludes: true });
  assert.deepEqual(found.folderLinks, [
    { path: 'lib/app/pkg', target: 'node_modules/pkg' },
    { path: 'lib/app/static', target: 'share/app/static' },
  ]);
  const paths = found.files.map((f) => f.path);
  assert.ok(paths.includes('share/app/static/js/app.js'));
  assert.ok(!paths.some((p) => p.startsWith('lib/app/static/')), 'the link is not entered');
  assert.ok(paths.includes('lib/app/file'), 'a link to a file is a file, as before');
  const said = Object.fromEntries(found.diagnostics.filter((d) => d.id === 'read/symlink').map((d) => [d.location?.file, d.message]));
  assert.deepEqual(said, {
    'lib/app/out': 'symlink to a folder outside the scanned folder is not followed',
    'lib/app/up': 'symlink to lib/, a folder that holds it, is not followed',
    'lib/app/top': 'symlink to the scanned folder, a folder that holds it, is not followed',
    'lib/app/loop1': 'symlink loop; file skipped',
    'lib/app/loop2': 'symlink loop; file skipped',
    'lib/app/dangling': 'broken symlink (target does not exist); file skipped',
    // Recorded, but node_modules/ is left out by default: nothing is there to stand for.
    'lib/app/pkg': 'symlink to node_modules/pkg/, a folder with no file in this census, is not followed',
  });
  assert.ok(!found.diagnostics.some((d) => d.location?.file === 'lib/app/static'), 'the alias that works is not warned about');
});
