/**
 * Package managers that pick workspace packages (`pnpm --filter`, `pnpm -r`, `npm -w`,
 * `npm --workspaces`, `yarn workspace`): the command reaches the script of each package the
 * selection picks, by the manager's own rules, and of no other; nothing is left unresolved.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

/** `file ← command` for the entries of the detectors that read deploy and CI files. */
const reached = async (name: string, detectors: string[]) => {
  const { audit } = await scanDir(fixturePath('wiring', name));
  const entries = audit.entries.filter((e) => detectors.includes(e.detector)).map((e) => `${e.file} ← ${e.command}`).sort();
  const unresolved = audit.warnings.filter((w) => w.id === 'entry/unresolved-command').map((w) => w.message);
  return { entries, unresolved };
};

test('pnpm --filter: names (scope optional), name... with its workspace dependencies, !exclusions with -r, folders outside the workspace not picked', async () => {
  const { entries, unresolved } = await reached('pnpm-workspace-filters', ['dockerfile', 'github-actions']);
  assert.deepEqual(unresolved, []);
  assert.deepEqual(entries, [
    'packages/api/src/build.mjs ← pnpm install --frozen-lockfile && pnpm --filter "@acme/api..." build',
    "packages/api/src/check.mjs ← pnpm -r --filter '!@tools/*' check",
    'packages/api/src/server.mjs ← pnpm --filter api start',
    'packages/ui/build.mjs ← pnpm install --frozen-lockfile && pnpm --filter "@acme/api..." build',
    "packages/ui/check.mjs ← pnpm -r --filter '!@tools/*' check",
    'tools/releaser/src/release.js ← pnpm --filter releaser release --tag latest',
  ]);
});

test('npm -w (a folder), npm --workspaces and yarn workspace <name> reach the script in each picked workspace', async () => {
  const { entries, unresolved } = await reached('npm-yarn-workspaces', ['procfile']);
  assert.deepEqual(unresolved, []);
  assert.deepEqual(entries, [
    'apps/api/src/migrate.js ← npm run migrate --workspaces',
    'apps/api/src/worker.js ← yarn workspace @shop/api run worker',
    'apps/web/server.js ← npm -w apps/web run serve',
  ]);
});

test('npm run <an Object member> (constructor, toString) is a missing script, not Object.prototype\'s function', async () => {
  const { scratchDir } = await import('../helpers/scratch.js');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const dir = scratchDir('census-proto-script-');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'h', version: '1.0.0', scripts: { build: 'node build.js' } }));
  writeFileSync(join(dir, 'build.js'), "console.log('b');\n");
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(dir, '.github', 'workflows', 'ci.yml'), 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run constructor\n      - run: npm run toString\n      - run: npm run build\n');
  const { audit } = await scanDir(dir);
  assert.deepEqual(audit.warnings.filter((w) => w.id === 'entry/unresolved-command').map((w) => w.message), []);
  const unresolved = audit.entries.flatMap((e) => (e.unresolvedReason === undefined ? [] : [e.unresolvedReason])).sort();
  assert.deepEqual(unresolved, ['npm run constructor: no script "constructor" in package.json', 'npm run toString: no script "toString" in package.json']);
  assert.equal(audit.files.find((f) => f.path === 'build.js')?.verdict, 'tooling');
});
