/**
 * discover reads a file name's extension and its junk-ness with shortcuts of its own: they must
 * answer what node:path's extname and the full set of junk patterns answer, for any name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import nodePath from 'node:path';
import fc from 'fast-check';
import { nameExtension } from '../../src/discover/language.js';
import { junkReason } from '../../src/discover/junk.js';

const piece = fc.constantFrom('.', '..', 'a', 'B', 'py', '#', '~', '.sw', 'swp', 'p', '._', '.#', '_', 'Thumbs.db', '.DS_Store', ' ', 'é');
const name = fc.array(piece, { maxLength: 7 }).map((parts) => parts.join(''));

test('nameExtension: what posix extname answers, for any file name', () => {
  const seed = Date.now() % 100000;
  console.log(`nameExtension property seed ${seed}`);
  fc.assert(fc.property(name, (n) => assert.equal(nameExtension(n), nodePath.posix.extname(n), JSON.stringify(n))), { seed, numRuns: 5000 });
  for (const n of ['', '.', '..', '...', '..b', '.b', 'a.', '.a.b', 'a.b.c', '.x.', 'Makefile', 'x.PY']) assert.equal(nameExtension(n), nodePath.posix.extname(n), n);
});

/** junk.ts's rules as they were written before the first-character shortcut. */
const junkByPatterns = (n: string): string | null => {
  if (n.startsWith('._')) return 'macOS AppleDouble metadata';
  if (n === '.DS_Store' || n === 'Thumbs.db' || n === 'desktop.ini') return 'folder metadata';
  if (n.endsWith('~') || /^\..+\.sw[a-p]$/.test(n) || /^#.+#$/.test(n) || n.startsWith('.#')) return 'editor backup';
  return null;
};

test('junkReason: the same answer as every pattern tried in turn, for any name, in any folder', () => {
  const seed = Date.now() % 100000;
  console.log(`junkReason property seed ${seed}`);
  fc.assert(fc.property(name, fc.constantFrom('', 'src/', 'a/.b/'), (n, dir) => assert.equal(junkReason(`${dir}${n}`), junkByPatterns(n), JSON.stringify(n))), { seed, numRuns: 5000 });
  for (const n of ['.x.py.swp', '.x.swz', '#x.py#', '#', '##', '.#x.py', 'x.py~', '._main.py', 'main.py']) assert.equal(junkReason(`src/${n}`), junkByPatterns(n), n);
});
