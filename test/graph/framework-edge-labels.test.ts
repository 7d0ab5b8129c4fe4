/** Framework references: a package above the named module says why it runs (framework-edges.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFrameworkEdges } from '../../src/graph/framework-edges.js';
import type { TargetResolver } from '../../src/graph/targets.js';

// As targets.ts answers: the named module's file first, then the package inits above it.
const MODULES: Record<string, string[]> = {
  'shop.plugins.stripe.plugin': ['shop/plugins/stripe/plugin.py', 'shop/__init__.py', 'shop/plugins/__init__.py', 'shop/plugins/stripe/__init__.py'],
  'shop.auth': ['shop/auth/__init__.py', 'shop/__init__.py'],
  // A resolver answer holding a package's __main__.py (stop 61: only a command's `python -m shop.cli` gives one now): it comes second, and it is no package init.
  'shop.cli': ['shop/cli/__init__.py', 'shop/cli/__main__.py', 'shop/__init__.py'],
};
const targets = { module: (name: string) => MODULES[name] ?? [], file: (path: string) => (path === 'shop/__init__.py' ? path : null) } as unknown as TargetResolver;
const labels = (target: string, targetKind: 'module' | 'module-attr' | 'file') =>
  Object.fromEntries(buildFrameworkEdges([{ from: 'shop/settings.py', target, targetKind, line: 9, label: `named in shop/settings.py:9 as "${target}"`, reader: 'django' }], targets).map((e) => [e.to, e.label]));

test('framework edges: the packages above a named module run first, and their sentences say so; the module itself is only named', () => {
  const got = labels('shop.plugins.stripe.plugin.StripePlugin', 'module-attr');
  assert.equal(got['shop/plugins/stripe/plugin.py'], 'shop/plugins/stripe/plugin.py is named in shop/settings.py:9 as "shop.plugins.stripe.plugin.StripePlugin"');
  assert.equal(got['shop/plugins/__init__.py'], 'shop/plugins/__init__.py is named in shop/settings.py:9 as "shop.plugins.stripe.plugin.StripePlugin" (Python runs a package before its modules)');
  assert.match(got['shop/__init__.py'], /\(Python runs a package before its modules\)$/);
});

test('framework edges: a named package is its own __init__.py (no note); the packages above it get one; a file named by path gets none', () => {
  const got = labels('shop.auth', 'module');
  assert.equal(got['shop/auth/__init__.py'], 'shop/auth/__init__.py is named in shop/settings.py:9 as "shop.auth"');
  assert.match(got['shop/__init__.py'], /runs a package before its modules/);
  assert.doesNotMatch(labels('shop/__init__.py', 'file')['shop/__init__.py'], /runs a package/);
});

test('framework edges: a package\'s __main__.py beside its __init__.py is named, not run first', () => {
  const got = labels('shop.cli', 'module');
  assert.equal(got['shop/cli/__init__.py'], 'shop/cli/__init__.py is named in shop/settings.py:9 as "shop.cli"');
  assert.equal(got['shop/cli/__main__.py'], 'shop/cli/__main__.py is named in shop/settings.py:9 as "shop.cli"');
  assert.match(got['shop/__init__.py'], /\(Python runs a package before its modules\)$/);
});

test('framework edges: a reader\'s sentence that ends in a parenthetical takes the package note inside it', () => {
  const edges = buildFrameworkEdges([{ from: 'shop/tests/t.py', target: 'shop.auth', targetKind: 'module', line: 4, label: 'named in shop/tests/t.py:4 (mock.patch imports shop.auth to patch its attribute)', reader: 'mock-patch' }], targets);
  assert.equal(edges.find((e) => e.to === 'shop/__init__.py')!.label, 'shop/__init__.py is named in shop/tests/t.py:4 (mock.patch imports shop.auth to patch its attribute; Python runs a package before its modules)');
});
