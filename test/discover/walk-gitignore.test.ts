/**
 * Outside git the walk honours each folder's .gitignore (stop 63: read only when the folder lists
 * one). A nested one applies below its folder, with the root's; a folder whose `.gitignore` is a
 * folder, or a folder without one, keeps what the rules above it keep.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles } from '../../src/discover/walk.js';
import { scratchDir } from '../helpers/scratch.js';

test('walkFiles: the root and a nested .gitignore apply; a .gitignore folder is no rule file', () => {
  const root = scratchDir('walk-gitignore');
  const write = (path: string, text = 'x\n'): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('.gitignore', '*.log\n');
  write('app/.gitignore', 'secret.txt\n!keep.log\n');
  write('app/main.py');
  write('app/secret.txt');
  write('app/keep.log');
  write('app/drop.log');
  write('app/deep/secret.txt');
  write('other/secret.txt');
  write('other/x.log');
  mkdirSync(join(root, 'odd/.gitignore'), { recursive: true });
  write('odd/.gitignore/inner.txt');
  write('odd/secret.txt');
  assert.deepEqual(walkFiles(root, true).sort(), ['.gitignore', 'app/.gitignore', 'app/keep.log', 'app/main.py', 'odd/.gitignore/inner.txt', 'odd/secret.txt', 'other/secret.txt']);
});
