/** The payload reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';

const cases = frameworkCases('payload');
test('payload: has an app, a computed-paths and a monorepo fixture', () => assert.deepEqual(cases, ['payload-app', 'payload-computed-paths', 'payload-monorepo']));
for (const name of cases) test(`payload: ${name}`, () => checkFrameworkFixture(name));

test('payload: a component path with a computed last segment names the files of its literal folder that fit; a computed folder is a warning', async () => {
  const { audit } = await scanDir(fixturePath('frameworks', 'payload-computed-paths'));
  const verdict = (path: string) => audit.files.find((f) => f.path === path)?.verdict;
  assert.equal(verdict('src/views/light.tsx'), 'production', '`./views/${theme}.js` allows light.tsx');
  assert.equal(verdict('src/views/dark.tsx'), 'production', '… and dark.tsx');
  assert.equal(verdict('src/views/light.test.tsx'), 'test', 'a test beside the views is not a view');
  assert.equal(verdict('src/widgets/lightWidget.tsx'), 'production', '`@/widgets/${theme}Widget` through the tsconfig paths');
  assert.equal(verdict('src/widgets/Legacy.tsx'), 'dead', 'a name that does not end in Widget does not fit');
  assert.equal(verdict('src/themes/Logo.tsx'), 'production', 'a literal path with a computed export name is the literal path');
  assert.equal(verdict('src/panels/dark/Banner.tsx'), 'dead', 'a computed folder is not guessed');
  const warning = audit.warnings.find((w) => w.id === 'payload/not-static');
  assert.deepEqual(warning?.location, { file: 'src/payload.config.ts', line: 25 });
});
