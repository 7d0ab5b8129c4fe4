/**
 * The package conditions a repo's tools add (resolution/conditions.ts): read from Vite configs,
 * knip configs and node flags in scripts, each for the files of its project folder, with where it
 * is declared. Resolution under them is pinned by test/fixtures/wiring/declared-conditions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Manifests } from '../../src/manifests/store.js';
import { declaredConditions } from '../../src/languages/javascript/resolution/conditions.js';

const repo = (files: Record<string, string>) => new Manifests({ files: new Set(Object.keys(files)), readText: (p) => files[p] ?? null });

test('declared conditions: Vite resolve.conditions (spread defaults kept apart), knip conditions and node flags, each for its own folder', () => {
  const manifests = repo({
    'package.json': JSON.stringify({ name: 'root', scripts: { dev: 'NODE_OPTIONS="--conditions=development" node server.js', start: 'node -C staging server.js', build: 'echo --conditions=nope' } }),
    'knip.json': JSON.stringify({ entry: ['server.js'], conditions: ['source', 'import', 'default'] }),
    'apps/web/package.json': JSON.stringify({ name: 'web' }),
    'apps/web/vite.config.ts': "import { defineConfig, defaultClientConditions } from 'vite';\nexport default defineConfig({\n  resolve: { conditions: [...defaultClientConditions, 'web-src'] },\n});\n",
  });
  const names = (dir: string) => declaredConditions(manifests).for(dir).map((c) => `${c.name} <- ${c.why}`);
  assert.deepEqual(names(''), [
    'source <- knip.json conditions',
    'development <- package.json script "dev" (--conditions=development)',
    'staging <- package.json script "start" (-C staging)',
  ]);
  assert.deepEqual(names('apps/web/src'), ['web-src <- apps/web/vite.config.ts:3 resolve.conditions', ...names('')]);
});
