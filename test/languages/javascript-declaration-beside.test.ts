import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declarationBeside, declarationCandidates } from '../../src/languages/javascript/resolution/declaration-beside.js';

test('declaration beside: TypeScript 5 form first, then the name with a TypeScript extension added', () => {
  assert.deepEqual(declarationCandidates('src/Query.graphql'), ['src/Query.d.graphql.ts', 'src/Query.graphql.ts', 'src/Query.graphql.tsx', 'src/Query.graphql.d.ts']);
  assert.deepEqual(declarationCandidates('a.module.css'), ['a.module.d.css.ts', 'a.module.css.ts', 'a.module.css.tsx', 'a.module.css.d.ts']);
});

test('declaration beside: nothing stands in for a file TypeScript loads itself', () => {
  for (const file of ['x.ts', 'x.tsx', 'x.mjs', 'x.js', 'data.json', 'Makefile']) assert.deepEqual(declarationCandidates(file), []);
});

test('declaration beside: the first candidate that exists', () => {
  const files = new Set(['q.graphql', 'q.graphql.d.ts', 'q.d.graphql.ts']);
  assert.equal(declarationBeside('q.graphql', (p) => files.has(p)), 'q.d.graphql.ts');
  assert.equal(declarationBeside('other.graphql', (p) => files.has(p)), null);
});
