/** The pack format: round trip, and every kind of damage is refused or costs only the damaged entry. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { decodePack, deserializeValue, encodePack, packBlob, serializeValue, MAX_ENTRY_BYTES } from '../../src/cache/pack.js';

const join = (pieces: Uint8Array[]) => Buffer.concat(pieces);
const H1 = '0123456789abcdef';
const H2 = 'fedcba9876543210';
const sample = () => join(encodePack('flav', [
  { key: 'a.py', hash: H1, blob: serializeValue({ n: 1, t: new Uint32Array([1, 2, 3]) }) },
  { key: 'b.py', hash: H2, blob: serializeValue({ n: 2 }) },
]));

/** Re-seals a pack whose header was edited, so the checksum is right and only the index is wrong. */
const reseal = (header: unknown, body: Uint8Array): Buffer => {
  const h = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(h.length);
  const sum = createHash('sha256').update(len).update(h).update(body).digest();
  return Buffer.concat([Buffer.from('CENSUSFC', 'latin1'), sum, len, h, body]);
};

test('a pack round-trips its entries, typed arrays included', () => {
  const pack = decodePack(sample());
  assert.ok(!('invalid' in pack));
  assert.equal(pack.flavour, 'flav');
  const a = deserializeValue(packBlob(pack, 'a.py', H1)!) as { n: number; t: Uint32Array };
  assert.equal(a.n, 1);
  assert.ok(a.t instanceof Uint32Array);
  assert.deepEqual([...a.t], [1, 2, 3]);
  assert.equal(packBlob(pack, 'a.py', H2), undefined, 'another content hash is a miss');
  assert.equal(packBlob(pack, 'c.py', H1), undefined);
});

test('truncated, flipped, foreign or empty bytes are not a pack', () => {
  const good = sample();
  for (const [what, bytes] of [
    ['truncated', good.subarray(0, good.length - 3)],
    ['cut in the header', good.subarray(0, 50)],
    ['empty', Buffer.alloc(0)],
    ['JSON', Buffer.from('{"flavour":"flav","entries":[]}')],
    ['bit flipped', (() => { const b = Buffer.from(good); b[b.length - 1] ^= 1; return b; })()],
  ] as const) {
    assert.ok('invalid' in decodePack(bytes), what);
  }
});

test('index rows that point outside the body, or are not rows, are skipped one by one', () => {
  const body = Buffer.from(serializeValue({ ok: true }));
  const pack = decodePack(reseal({
    flavour: 'f',
    entries: [
      ['good', H1, 0, body.length],
      ['past-end', H1, 0, body.length + 1],
      ['negative', H1, -1, 2],
      ['huge', H1, 0, MAX_ENTRY_BYTES + 1],
      ['bad-hash', 'xyz', 0, 1],
      ['not-a-number', H1, '0', 1],
      'not a row',
      null,
    ],
  }, body));
  assert.ok(!('invalid' in pack));
  assert.deepEqual([...pack.index.keys()], ['good']);
});

test('a header of the wrong shape is refused; an entry that does not deserialize is undefined', () => {
  assert.ok('invalid' in decodePack(reseal({ flavour: 3, entries: [] }, Buffer.alloc(0))));
  assert.ok('invalid' in decodePack(reseal([1, 2], Buffer.alloc(0))));
  const junk = Buffer.from([0xff, 0x0f, 0x41, 0x99, 0x99, 0x99, 0x99, 0x0f]);
  const pack = decodePack(reseal({ flavour: 'f', entries: [['x', H1, 0, junk.length]] }, junk));
  assert.ok(!('invalid' in pack));
  assert.equal(deserializeValue(packBlob(pack, 'x', H1)!), undefined);
});
