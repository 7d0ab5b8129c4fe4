/** tool-configs: every fixture test/fixtures/entries/tool-configs-<case>/ against its expected.json. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import detector, { toolOfConfig } from '../../src/entries/tool-configs.js';
import { detectorCases } from '../helpers/run-detector.js';

const cases = detectorCases(detector);

for (const c of cases) test(`${detector.id}: ${c.name}`, c.check);

test(`${detector.id}: has a basic fixture`, () => {
  assert.ok(cases.some((c) => c.name === `${detector.id}-basic`), `test/fixtures/entries/${detector.id}-basic/ is missing`);
});

// toolOfConfig tests a name against its patterns only after a cheap guard (a substring, one union
// of the fixed names ignoring case): each guard must let through every name its pattern accepts.
test('toolOfConfig: names behind each guard, with their case rules', () => {
  const cases: [string, string | null][] = [
    ['Gulpfile.babel.js', 'gulp'],
    ['GRUNTFILE.TS', 'grunt'],
    ['Jakefile.cjs', 'jake'],
    ['dangerfile.ts', 'danger'],
    ['Dangerfile.ts', null],
    ['KNIP.ts', null],
    ['web/knip.mts', 'knip'],
    ['vitest.workspace.ts', 'vitest'],
    ['gatsby-node.tsx', 'gatsby'],
    ['.pnpmfile.cjs', 'pnpm'],
    ['.xo-config.js', 'xo'],
    ['.release-it.ts', 'release-it'],
    ['stryker.conf.mjs', 'stryker'],
    ['.eleventy.js', 'eleventy'],
    ['.eslintrc.cjs', 'eslint'],
    ['.prettierrc', null],
    ['app/.storybook/main.ts', 'storybook'],
    ['.storybook/preview.tsx', 'storybook'],
    ['app/x.storybook/main.ts', null],
    ['app/.storybook/other.ts', null],
    ['vite.config.ts', 'vite'],
    ['sentry.client.config.ts', 'sentry'],
    ['src/index.ts', null],
    ['src/configure.ts', null],
  ];
  for (const [path, tool] of cases) assert.equal(toolOfConfig(path), tool, path);
  // An unknown tool's `x.config.*` counts beside a package.json only.
  assert.equal(toolOfConfig('pkg/foo.config.ts', new Set(['pkg/package.json'])), 'foo');
  assert.equal(toolOfConfig('pkg/foo.config.ts', new Set(['package.json'])), null);
});
