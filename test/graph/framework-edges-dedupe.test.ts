/** Framework references: one edge per (from, to, line, name), each name resolved once per folder (framework-edges.ts, file-named-refs.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFrameworkEdges } from '../../src/graph/framework-edges.js';
import type { TargetResolver } from '../../src/graph/targets.js';
import type { ReferenceInput } from '../../src/frameworks/types.js';

const FILES = new Set(['a/static.css', 'b/static.css', 'shop/auth/__init__.py', 'shop/__init__.py']);
const counting = () => {
  const asked: string[] = [];
  const targets = {
    module: (name: string, cwd = '') => {
      asked.push(`${cwd}|${name}`);
      return name === 'shop.auth' ? ['shop/auth/__init__.py', 'shop/__init__.py'] : [];
    },
    file: (path: string) => (FILES.has(path) ? path : null),
  } as unknown as TargetResolver;
  return { targets, asked };
};
const ref = (from: string, target: string, targetKind: ReferenceInput['targetKind'], line: number | undefined): ReferenceInput & { reader: string } => ({
  from,
  target,
  targetKind,
  ...(line === undefined ? {} : { line }),
  label: `named in ${from}:${line}`,
  reader: 'test',
});
const ends = (edges: { from: string; to: string | null; line: number }[]) => edges.map((e) => `${e.from}:${e.line}->${e.to}`);

test('framework edges: a reference repeated on its line gives no second edge; another line, another file or another name does', () => {
  const { targets } = counting();
  const edges = buildFrameworkEdges(
    [
      ref('shop/settings.py', 'shop.auth', 'module', 4),
      ref('shop/settings.py', 'shop.auth', 'module', 4),
      ref('shop/settings.py', 'shop.auth', 'module-attr', 4),
      ref('shop/settings.py', 'shop.auth', 'module', 7),
      ref('shop/urls.py', 'shop.auth', 'module', 4),
    ],
    targets,
  );
  assert.deepEqual(ends(edges), [
    'shop/settings.py:4->shop/auth/__init__.py',
    'shop/settings.py:4->shop/__init__.py',
    'shop/settings.py:7->shop/auth/__init__.py',
    'shop/settings.py:7->shop/__init__.py',
    'shop/urls.py:4->shop/auth/__init__.py',
    'shop/urls.py:4->shop/__init__.py',
  ]);
});

test('framework edges: a reference without a line and one on line 1 stay two edges, as they always were', () => {
  const { targets } = counting();
  const edges = buildFrameworkEdges([ref('a/page.html', './static.css', 'file', undefined), ref('a/page.html', './static.css', 'file', 1), ref('a/page.html', './static.css', 'file', undefined)], targets);
  assert.deepEqual(ends(edges), ['a/page.html:1->a/static.css', 'a/page.html:1->a/static.css']);
});

test('framework edges: a name is resolved once per folder, and a relative path from another folder names that folder\'s file', () => {
  const { targets, asked } = counting();
  const edges = buildFrameworkEdges(
    [
      ref('shop/settings.py', 'shop.auth', 'module', 4),
      ref('shop/urls.py', 'shop.auth', 'module', 9),
      ref('a/page.html', './static.css', 'file', 2),
      ref('b/page.html', './static.css', 'file', 2),
      ref('b/other.html', './missing.css', 'file', 2),
    ],
    targets,
  );
  assert.deepEqual(asked, ['shop|shop.auth']);
  assert.deepEqual(ends(edges).slice(4), ['a/page.html:2->a/static.css', 'b/page.html:2->b/static.css']);
});

test('framework edges: a name a file repeats on many lines gives an edge per line, past the flat pairs, and none twice', () => {
  const { targets } = counting();
  const lines = Array.from({ length: 40 }, (_, i) => i + 1);
  const refs = [...lines, ...lines.slice().reverse()].map((line) => ref('a/page.html', './static.css', 'file', line));
  const edges = buildFrameworkEdges(refs, targets);
  assert.deepEqual(
    ends(edges),
    lines.map((line) => `a/page.html:${line}->a/static.css`),
  );
});
