/** The browserify reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('browserify');
test('browserify: has a basic fixture', () => assert.ok(cases.includes('browserify-basic')));
for (const name of cases) test(`browserify: ${name}`, () => checkFrameworkFixture(name));

test('browserify: a long word between the function and its bundling call is read once (review 2 of stop 54 #2)', { timeout: 60_000 }, async () => {
  // A 400,000-character data URL in the wrapper: the arrow search retried a name at every
  // character of it (27 s for half of this; the hang guard above is the check).
  const dir = mkdtempSync(join(tmpdir(), 'census-bw-long-'));
  try {
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'client'));
    writeFileSync(join(dir, 'package.json'), '{ "name": "long", "scripts": { "build": "node scripts/build.js" }, "devDependencies": { "browserify": "^16.0.0" } }\n');
    writeFileSync(join(dir, 'client/main.js'), 'module.exports = 1\n');
    const icon = `data:image/png;base64,${'A'.repeat(400_000)}`;
    writeFileSync(join(dir, 'scripts/build.js'), `const browserify = require('browserify')\nfunction bundle (inPath) {\n  const icon = "${icon}"\n  return browserify(inPath).bundle()\n}\nbundle('client/main.js')\n`);
    const { audit } = await scanDir(dir);
    assert.equal(audit.files.find((f) => f.path === 'client/main.js')?.verdict, 'tooling');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
