/** Stop 60: modules imported by a name an environment variable sets, by its literal default (graphite-web's local_settings). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('python-env-default-imports');
// etc/app/local_settings.py runs (settings.py's default, found on the /etc/app folder it puts on sys.path);
// app/other_backend.py stays dead (the name is assigned again between the read and the load).
test('env-default-imports: has a basic fixture', () => assert.ok(cases.includes('python-env-default-imports-basic')));
for (const name of cases) test(`env-default-imports: ${name}`, () => checkFrameworkFixture(name));
