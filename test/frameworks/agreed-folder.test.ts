/** agreedFolder: the one folder every assignment of a name names (env-folders, property-folder). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreedFolder } from '../../src/frameworks/js/agreed-folder.js';

const named = (folder: string | null, why: string) => ({ folder, why: () => why });

test('agreed-folder: the folder all name, with the first evidence', () => {
  assert.deepEqual(agreedFolder([named('lib', 'a.js:1'), named('lib', 'b.js:2')]), { folder: 'lib', why: 'a.js:1' });
});

test('agreed-folder: none, one unread or two that differ name nothing', () => {
  assert.equal(agreedFolder([]), null);
  assert.equal(agreedFolder([named('lib', 'a.js:1'), named(null, 'b.js:2')]), null);
  assert.equal(agreedFolder([named('lib', 'a.js:1'), named('src', 'b.js:2')]), null);
});

test('agreed-folder: stops at the first that settles it (later files are not read)', () => {
  const asked: string[] = [];
  function* files() {
    for (const f of ['a', 'b', 'c']) {
      asked.push(f);
      yield named(f === 'b' ? null : 'lib', f);
    }
  }
  assert.equal(agreedFolder(files()), null);
  assert.deepEqual(asked, ['a', 'b']);
});
