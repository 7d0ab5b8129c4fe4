/** The flask-static reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('flask-static');
test('flask-static: has a basic fixture', () => assert.ok(cases.includes('flask-static-basic')));
for (const name of cases) test(`flask-static: ${name}`, () => checkFrameworkFixture(name));

test('flask-static: a static_folder made at run time is a warning naming the file and line', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'flask-static-basic'));
  const warnings = audit.warnings.filter((w) => w.id === 'flask/not-static');
  assert.deepEqual(warnings.map((w) => [w.location?.file, w.location?.line]), [['tools/preview.py', 5]]);
  assert.match(warnings[0].message, /os\.environ\.get\("PREVIEW_STATIC", "static"\)/);
});
