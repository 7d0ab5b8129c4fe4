/**
 * The computed-join-loads reader on fixture repos: a `require`/`import` of a path joined from a
 * folder census settles, computed whole parts and a literal file name (netlify-cli's recipes and
 * function templates), and where it stops (a computed part under the module's own folder, a name
 * assigned again, a computed file name, a load in a comment, two folders for one computed part).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('computed-join-loads');
test('computed-join-loads: has a basic fixture', () => assert.ok(cases.includes('computed-join-loads-basic')));
for (const name of cases) test(`computed-join-loads: ${name}`, () => checkFrameworkFixture(name));

test('computed-join-loads: many loads of one held join in one file cost one search each (no quadratic walk)', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-cjl-many-'));
  try {
    mkdirSync(join(dir, 'src/recipes/a'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "name": "many", "main": "src/index.js" }\n');
    writeFileSync(join(dir, 'src/recipes/a/index.js'), 'module.exports = 1\n');
    const loads = Array.from({ length: 5_000 }, (_, i) => `const r${i} = require(p)\nconst q${i} = require(x${i})`).join('\n');
    writeFileSync(join(dir, 'src/index.js'), `const path = require('path')\nconst p = path.join(__dirname, 'recipes', process.env.R, 'index.js')\n${loads}\n`);
    const { audit } = await scanDir(dir);
    assert.equal(audit.files.find((f) => f.path === 'src/recipes/a/index.js')?.verdict, 'production');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Stop 63: Node loads a required folder's package.json `main` when it names a file, not its index.
test('computed-join-loads: a required folder with a package.json main loads that file, not its index', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'computed-join-loads-folder-index'));
  const loads = audit.edges.filter((e) => e.from === 'index.js' && (e.to ?? '').startsWith('lib/versioned/')).map((e) => e.to).sort();
  assert.deepEqual(loads, ['lib/versioned/^1.0.0/index.js', 'lib/versioned/^2.0.0/index.js', 'lib/versioned/^3.0.0/lib/main.js']);
  const main = audit.edges.find((e) => e.to === 'lib/versioned/^3.0.0/lib/main.js');
  assert.match(main?.label ?? '', /read as lib\/versioned\/\^3\.0\.0\/package\.json main, as Node loads the folder lib\/versioned\/\*\/ names/);
});
