/** The settings-class-paths reader: `pkg.mod.Class` strings in a settings module's UPPER_CASE settings, built by a repo loader. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definesTopLevel, isSettingsModule } from '../../src/frameworks/python/settings-class-paths.js';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('settings-class-paths');
test('settings-class-paths: has a basic fixture', () => assert.ok(cases.includes('settings-class-paths-basic')));
for (const name of cases) test(`settings-class-paths: ${name}`, () => checkFrameworkFixture(name));

test('settings-class-paths: settings modules by name or folder', () => {
  assert.ok(isSettingsModule('scrapy/settings/default_settings.py'));
  assert.ok(isSettingsModule('app/settings.py'));
  assert.ok(isSettingsModule('app/settings/base.py'));
  assert.ok(!isSettingsModule('app/settingsview.py'));
  assert.ok(!isSettingsModule('site/migrations/0032_gift_card_settings.py'));
  assert.ok(!isSettingsModule('shop/tests/test_settings.py'));
  assert.ok(!isSettingsModule('e2e/utils/shop_update_settings.py'));
  assert.ok(!isSettingsModule('app/settings.txt'));
});

test('settings-class-paths: a name is defined at the top level by class, def or assignment only', () => {
  const text = 'import x\nclass Retry(Base):\n    inner = 1\ndef load(p):\n    pass\nasync def fetch():\n    pass\nLIMIT: int = 3\nDEFAULT = 1\n';
  for (const name of ['Retry', 'load', 'fetch', 'LIMIT', 'DEFAULT']) assert.ok(definesTopLevel(text, name), name);
  for (const name of ['inner', 'Base', 'x', 'Retr', 'p']) assert.ok(!definesTopLevel(text, name), name);
  assert.ok(!definesTopLevel('DEFAULT == 1\n', 'DEFAULT'));
  assert.ok(!definesTopLevel('class RetryMixin:\n    pass\nRetryX = 1\n', 'Retry'));
  assert.ok(definesTopLevel('x = "Retry"\nclass Retry:\n    pass\n', 'Retry'));
  assert.ok(definesTopLevel('def\tload (p):\n    pass\n', 'load'));
  assert.ok(!definesTopLevel('# class Retry:\n', 'Retry'));
});
