/** Stop 59: computed imports whose package comes from the loading class's attributes (tuned's PluginLoader, powerline's renderer_module). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('attribute-templates');
// plugin_cpu/plugin_disk and monitor_disk (a prefix from an imported constant) run through Loader.load in each subclass;
// tty and shell/bash through self.renderer_module; helpers.py, stats.py (not so named), extras/audit.py (a logger's
// name built alike) and unrelated/x_one.py (attributes of a class that is no Loader) stay dead.
// Stop 59 review: legacy/plugin_old.py, named only by a subclass in a file nothing imports (contrib/old_repository.py),
// stays dead: the edge starts at the subclass's file, not the loader's (it was manual before).
// ff93d386's two guards get their case (each fails without its guard): relayed/cached.py, named by relay.py only through
// self.cache._fetch( (another object's method of the loader's name) and through describe()'s local above fetch_other's
// own parameter, stays dead.
test('attribute-templates: has a basic fixture', () => assert.ok(cases.includes('attribute-templates-basic')));
for (const name of cases) test(`attribute-templates: ${name}`, () => checkFrameworkFixture(name));
