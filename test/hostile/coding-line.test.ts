/** A PEP 263 coding line naming a codec Python does not know: Python refuses the file, census warns and reads on. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../../src/extract/decode.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');

test('an unknown codec is a warning; the imports are still read', () => {
  const d = decode(bytes('# -*- coding: klingon -*-\nimport os\n'), 'python');
  assert.equal(d.text, '# -*- coding: klingon -*-\nimport os\n');
  assert.match('note' in d ? d.note ?? '' : '', /names "klingon", a codec Python does not know: Python refuses to run this file/);
});

test('codecs Python knows, under any of their spellings, are no warning', () => {
  for (const name of ['utf-8', 'UTF8', 'latin-1', 'iso-8859-15', 'cp1252', 'euc_jp', 'utf-8-sig', 'ascii', 'mac-roman']) {
    const d = decode(bytes(`# coding: ${name}\nimport os\n`), 'python');
    assert.equal('note' in d ? d.note : undefined, undefined, name);
  }
});

test('other languages do not read coding lines', () => {
  const d = decode(bytes('# coding: klingon\necho hi\n'), 'shell');
  assert.equal('note' in d ? d.note : undefined, undefined);
});
