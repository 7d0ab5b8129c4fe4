/** Stop 59: a path finder over a package's own folder (poezio's themes: `find_spec(theme_name, path=load_path)` with `poezio_themes.__path__` in load_path). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('finder-package-paths');
// app_themes/dark.py and light.py are found by name through load_path; app_themes/_base.py (private), app_widgets/button.py
// (a probe: nothing loads what find_spec finds) and app_extras/thing.py (imported, not searched: the list holds the user's folder) stay dead.
// Stop 59 review: probe.py also has a commented-out finder that loads and another def that loads a file by its path;
// button.py stays dead (it was manual while any load call anywhere in the file counted).
test('finder-package-paths: has a basic fixture', () => assert.ok(cases.includes('finder-package-paths-basic')));
for (const name of cases) test(`finder-package-paths: ${name}`, () => checkFrameworkFixture(name));
