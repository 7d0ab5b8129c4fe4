/** string-place: where a string literal stands, read backwards from its quote. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringPlace } from '../../src/frameworks/js/string-place.js';
import { quotedSpans } from '../../src/languages/javascript/text-skips.js';

const placeOf = (text: string, literal: string) => stringPlace(text, quotedSpans(text), text.lastIndexOf(literal));

test('string-place: list elements, property values and call arguments, and what is none of them', () => {
  assert.deepEqual(placeOf("const audits = ['viewport', 'seo/a']", "'seo/a'"), { kind: 'element' });
  assert.deepEqual(placeOf("x = [\n  'seo/a',\n]", "'seo/a'"), { kind: 'element' });
  assert.deepEqual(placeOf("const a = ['x', f('(', ')'), { k: ']' }, 'seo/a']", "'seo/a'"), { kind: 'element' });
  assert.deepEqual(placeOf("({ id: 'Robots', gatherer: 'seo/a' })", "'seo/a'"), { kind: 'value' });
  assert.deepEqual(placeOf("requireAudit('seo/a')", "'seo/a'"), { kind: 'argument', callee: 'requireAudit' });
  assert.deepEqual(placeOf("this.requireAudit(x, 'seo/a')", "'seo/a'"), { kind: 'argument', callee: 'requireAudit' });
  assert.deepEqual(placeOf("res.render('seo/a')", "'seo/a'"), { kind: 'argument', callee: null });
  for (const other of ["titles['seo/a'] = 1", "const k = 'seo/a'", "if (x === 'seo/a') y()", "return 'seo/a'", "{ a: 1, 'seo/a' }"])
    assert.deepEqual(placeOf(other, "'seo/a'"), { kind: 'other' }, other);
});

test('string-place: a property of an object handed straight to a call is that call\'s argument', () => {
  assert.deepEqual(placeOf("fetch({ url: 'seo/a' })", "'seo/a'"), { kind: 'argument', callee: 'fetch' });
  assert.deepEqual(placeOf("request(opts, { method: 'GET', path: 'seo/a' })", "'seo/a'"), { kind: 'argument', callee: 'request' });
  assert.deepEqual(placeOf("this.load({ name: 'seo/a' })", "'seo/a'"), { kind: 'argument', callee: 'load' });
  // An object in a list, nested in another object, held by a name or only parenthesized stays a value.
  for (const value of ["f([{ gatherer: 'seo/a' }])", "f({ artifacts: { gatherer: 'seo/a' } })", "const c = { gatherer: 'seo/a' }", "({ gatherer: 'seo/a' })"])
    assert.deepEqual(placeOf(value, "'seo/a'"), { kind: 'value' }, value);
  // A call that returns the object it is handed keeps a table; another library's freeze does not.
  for (const value of ["Object.freeze({ gatherer: 'seo/a' })", "Object.assign({}, base, { gatherer: 'seo/a' })", "defineConfig({ gatherer: 'seo/a' })"])
    assert.deepEqual(placeOf(value, "'seo/a'"), { kind: 'value' }, value);
  assert.deepEqual(placeOf("this.freeze({ url: 'seo/a' })", "'seo/a'"), { kind: 'argument', callee: 'freeze' });
});

test('string-place: a long list is read once through the siblings already placed', () => {
  const text = `module.exports = [${"'seo/a', ".repeat(20_000)}]`;
  const spans = quotedSpans(text);
  const openers = new Map<number, number>();
  let last = { kind: 'other' } as ReturnType<typeof stringPlace>;
  for (let at = text.indexOf("'"); at >= 0; at = text.indexOf("'seo/a'", at + 1)) last = stringPlace(text, spans, at, openers);
  assert.deepEqual(last, { kind: 'element' });
  // Far past the window, only the siblings lead back to the opener.
  assert.deepEqual(stringPlace(text, spans, text.lastIndexOf("'seo/a'")), { kind: 'other' });
});

test('string-place: the values of a long object are read once through the siblings already placed', () => {
  // 200,000 values: a scan back to the `{` per value (10,000 characters each) took minutes.
  const text = `load(opts, {${"k: 'seo/a', ".repeat(200_000)}})`;
  const spans = quotedSpans(text);
  const openers = new Map<number, number>();
  const kinds = new Map<string, number>();
  for (let at = text.indexOf("'"); at >= 0; at = text.indexOf("'seo/a'", at + 1)) {
    const place = stringPlace(text, spans, at, openers);
    const key = place.kind === 'argument' ? `argument ${place.callee}` : place.kind;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  // As a scan of its own reads it: within the window of the `{` a value is the call's argument, past it a value.
  const brace = text.indexOf('{');
  const near = [...text.matchAll(/'seo\/a'/g)].filter((m) => (m.index ?? 0) - brace <= 10_000).length;
  assert.deepEqual(Object.fromEntries(kinds), { 'argument load': near, value: 200_000 - near });
  assert.deepEqual(stringPlace(text, spans, text.indexOf("'seo/a'")), { kind: 'argument', callee: 'load' });
  assert.deepEqual(stringPlace(text, spans, text.lastIndexOf("'seo/a'")), { kind: 'value' });
});
