/** Compose/Dockerfile interpolation: every operator, nesting, `$$`, and what stays unknown. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpolate } from '../../src/entries/support/interpolate.js';

const vars: Record<string, string> = { A: '/app', EMPTY: '' };
const run = (text: string, dollarEscape = false) => interpolate(text, (n) => vars[n], { dollarEscape });

test('interpolate: the operators as POSIX and compose define them', () => {
  const cases: [string, string, string[]][] = [
    ['$A/x ${A}/y', '/app/x /app/y', []],
    ['${A:-d} ${EMPTY:-d} ${EMPTY-d} ${NOPE-d}', '/app d  d', []],
    ['${A:+alt} ${EMPTY:+alt} ${EMPTY+alt} ${NOPE:+alt}', 'alt  alt ', []],
    ['${A:?err} ${NOPE:?set it} ${EMPTY?x}', '/app ${NOPE:?set it} ', ['NOPE']],
    ['${NOPE:-${A}/lib}', '/app/lib', []],
    ['$NOPE and ${NOPE}', '$NOPE and ${NOPE}', ['NOPE', 'NOPE']],
    ['${A unclosed', '${A unclosed', []],
  ];
  for (const [text, want, unknown] of cases) assert.deepEqual(run(text), { text: want, unknown }, text);
});

test('interpolate: $$ is a literal $ in compose, not in a Dockerfile', () => {
  assert.deepEqual(run('python $$HOOK ${A}', true), { text: 'python $HOOK /app', unknown: [] });
  assert.deepEqual(run('python $$HOOK'), { text: 'python $$HOOK', unknown: ['HOOK'] });
});
