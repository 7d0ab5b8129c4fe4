/** Manual roots: what makes a file runnable on its own when no entry names it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rootsByTier } from '../../src/classify/roots.js';
import type { FileRecord } from '../../src/model/file.js';

const file = (path: string, language: FileRecord['language'], extra: Partial<FileRecord> = {}): FileRecord => ({ path, language, bytes: 1, lines: 1, codeLines: 1, hash: '0', executable: false, ...extra });

const manualOf = (files: FileRecord[]) => new Map(rootsByTier(files, [], []).find(([tier]) => tier === 'manual')![1].map((r) => [r.file, r.evidence]));

test('rootsByTier: a .wsgi script is run by path by a WSGI server; a plain module with nothing runnable is not a root', () => {
  const manual = manualOf([
    file('usr/share/radicale/radicale.wsgi', 'python'),
    file('radicale/app.py', 'python'),
    file('notes/app.wsgi.txt', 'text'),
    file('tools/run.py', 'python', { runnable: ['main-guard'] }),
  ]);
  assert.deepEqual([...manual.keys()].sort(), ['tools/run.py', 'usr/share/radicale/radicale.wsgi']);
  assert.match(manual.get('usr/share/radicale/radicale.wsgi')!, /is a WSGI script, which a server .* loads by its path/);
});
