/**
 * The one rule placing an absolute path in the filesystem tree a repo file lies in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filesystemTreeOf, inFilesystemTree } from '../../src/util/filesystem-tree.js';

test('filesystem tree: a file below an FHS top folder places an absolute path in its tree', () => {
  assert.deepEqual(inFilesystemTree('usr/bin/app', '/usr/share/app/x.py'), { tree: '', path: 'usr/share/app/x.py' });
  assert.deepEqual(inFilesystemTree('rootfs/etc/app.conf', '/opt/app/run.py'), { tree: 'rootfs/', path: 'rootfs/opt/app/run.py' });
  assert.equal(inFilesystemTree('src/app.py', '/usr/bin/app'), null);
});

test('filesystem tree: a Debian package tree\'s lib/systemd/system is in the tree (stop 61, lava-server\'s units)', () => {
  assert.deepEqual(inFilesystemTree('lib/systemd/system/lava-scheduler.service', '/usr/bin/lava-server'), { tree: '', path: 'usr/bin/lava-server' });
  assert.equal(filesystemTreeOf('pkg/lib/udev/rules.d/60-app.rules'), 'pkg/');
});

test('filesystem tree: a repo\'s own lib/ (a JS or Ruby package\'s source) is no filesystem tree', () => {
  assert.equal(filesystemTreeOf('lib/index.js'), null);
  assert.equal(inFilesystemTree('lib/server/main.py', '/etc/app/app.conf'), null);
  assert.equal(filesystemTreeOf('src/lib/systemd.js'), null);
});
