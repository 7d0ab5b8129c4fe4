/** Framework references: a package above the named module says why it runs (framework-edges.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFrameworkEdges } from '../../src/graph/framework-edges.js';
import type { TargetResolver } from '../../src/graph/targets.js';

// As targets.ts answers: the named module's file first, then the package inits above it.
const MODULES: Record<string, string[]> = {
  'shop.plugins.stripe.plugin': ['shop/plugins/stripe/plugin.py', 'shop/__init__.py', 'shop/plugins/__init__.py', 'shop/plugins/stripe/__init__.py'],
  'shop.auth': ['shop/auth/__init__.py', 'shop/__init__.py'],
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
