/** memberValues: an object literal's values for for-in-tables, all or nothing (stop 54). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memberValues, objectMembers } from '../../src/languages/javascript/object-members.js';

test('memberValues: plain members by name, number or quoted key, in order, duplicates kept, a trailing comma ignored', () => {
  assert.deepEqual(memberValues(`{ a: 'x.sh', 1: { f: 'y.sh' }, "b c": 'z', a: 'w', }`), [`'x.sh'`, `{ f: 'y.sh' }`, `'z'`, `'w'`]);
});

test('memberValues: a shorthand, a spread, a method or a computed key makes the table unreadable; an empty one has none', () => {
  for (const literal of [`{ a: 'x', b }`, `{ a: 'x', ...more }`, `{ a: 'x', f() { return 1; } }`, `{ a: 'x', [k]: 'y' }`, '{ }']) assert.equal(memberValues(literal), null, literal);
});

test('objectMembers: a number key is a member too (meshcentral tables are keyed 1, 2, …)', () => {
  assert.equal(objectMembers(`{ 1: 'a', b: 2 }`).get('1'), `'a'`);
});
