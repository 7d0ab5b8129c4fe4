/** The tanstack-route-trees reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('tanstack-route-trees');
test('tanstack-route-trees: has its fixtures', () => {
  for (const name of ['missing', 'no-dependency', 'tree-present', 'typed-router', 'typed-router-loaded', 'two-roots']) assert.ok(cases.includes(`tanstack-route-trees-${name}`), name);
});
for (const name of cases) test(`tanstack-route-trees: ${name}`, () => checkFrameworkFixture(name));

test('tanstack-route-trees: a file importing the tree many times draws each route once, from its first import (imports x routes edges before)', async () => {
  const repo = mkdtempSync(join(tmpdir(), 'census-tanstack-imports-'));
  try {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'app', dependencies: { '@tanstack/react-router': '^1.0.0' } }),
      'src/routes/__root.tsx': "import { createRootRoute } from '@tanstack/react-router';\nexport const Route = createRootRoute({});\n",
      'src/router.tsx': `${Array.from({ length: 30 }, (_, i) => `import { routeTree as t${i} } from './routeTree.gen';\n`).join('')}export const all = [];\n`,
    };
    for (let i = 0; i < 10; i++) files[`src/routes/page${i}.tsx`] = `import { createFileRoute } from '@tanstack/react-router';\nexport const Route = createFileRoute('/p${i}')({});\n`;
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    const { audit } = await scanDir(repo);
    const toRoutes = audit.edges.filter((e) => e.from === 'src/router.tsx' && e.to !== null && e.to.startsWith('src/routes/'));
    assert.equal(toRoutes.length, 11, 'the root and ten pages, once each');
    assert.deepEqual([...new Set(toRoutes.map((e) => e.line))], [1]);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
