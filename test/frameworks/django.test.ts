/**
 * The Django reader: settings discovery, dotted strings in settings, installed apps' conventional
 * modules, migrations and management commands, each on a fixture repo with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { managementCommands } from '../../src/frameworks/python/django-commands.js';
import { settingStrings } from '../../src/frameworks/python/setting-strings.js';

const cases = frameworkCases('django');
test('django: has a basic fixture', () => assert.ok(cases.includes('django-basic')));
for (const name of cases) test(`django: ${name}`, () => checkFrameworkFixture(name));

test('django: management commands on a command line', () => {
  assert.deepEqual(managementCommands('python manage.py migrate --noinput && python manage.py collectstatic'), ['migrate', 'collectstatic']);
  assert.deepEqual(managementCommands('django-admin --settings=x.y check'), ['check']);
  assert.deepEqual(managementCommands('python -m django makemigrations'), ['makemigrations']);
  assert.deepEqual(managementCommands('python mymanage.py migrate'), []);
});

test('django: setting strings carry the setting they belong to', () => {
  const text = 'A = "x.y"\nif DEBUG:\n    MIDDLEWARE += ["dbg.M"]\nLOGGING["handlers"] = {"()": "f.F"}\nMIDDLEWARE.insert(0, "m.N")\nelse_ = 1\nprint("p.q")\n';
  assert.deepEqual(settingStrings(text).map((s) => `${s.setting}=${s.value}@${s.line}`), ['A=x.y@1', 'MIDDLEWARE=dbg.M@3', 'LOGGING=handlers@4', 'LOGGING=()@4', 'LOGGING=f.F@4', 'MIDDLEWARE=m.N@5', 'null=p.q@7']);
});
