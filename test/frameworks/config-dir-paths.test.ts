/** Stop 59: files a config names beside itself through a folder variable the code expands (tuned's `script=${i:PROFILE_DIR}/script.sh`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('config-dir-paths');
// script.sh runs (app/profiles.py:11 re.sub's `${i:PROFILE_DIR}`); installed.sh (${DESTDIR}: no code expands it), named.sh
// (${i:PROFILE_NAME}: no folder) and hook.sh (${i:HOOK_DIR}: only a log message names it) stay dead.
// Stop 59 review: app/convert.py, a converter nothing runs, also expands ${i:PROFILE_DIR} and sorts first; script.sh
// still runs through app/profiles.py (it was dead while only the first expander in path order counted).
test('config-dir-paths: has a basic fixture', () => assert.ok(cases.includes('config-dir-paths-basic')));
for (const name of cases) test(`config-dir-paths: ${name}`, () => checkFrameworkFixture(name));
