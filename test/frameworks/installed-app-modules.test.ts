/**
 * Stop 49: per-installed-app module loads (a loop over INSTALLED_APPS importing `<app>.<name>`,
 * autodiscover_modules) and apps a settings fragment adds (ADD_INSTALLED_APPS read by the
 * project's code), on fixture repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('installed-app-modules');
test('installed-app-modules: has the basic and configs fixtures', () => {
  assert.ok(cases.includes('installed-app-modules-basic'));
  assert.ok(cases.includes('installed-app-modules-configs'));
});
for (const name of cases) test(`installed-app-modules: ${name}`, () => checkFrameworkFixture(name));
