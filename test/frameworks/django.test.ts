/**
 * The Django reader: settings discovery, dotted strings in settings, installed apps' conventional
 * modules, migrations and management commands, each on a fixture repo with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { calledCommands, managementCommands, runnerSettings } from '../../src/frameworks/python/django-commands.js';
import { settingStrings } from '../../src/frameworks/python/setting-strings.js';
import django from '../../src/frameworks/python/django.js';
import { Manifests } from '../../src/manifests/store.js';
import type { FrameworkContext } from '../../src/frameworks/types.js';

const cases = frameworkCases('django');
test('django: has a basic fixture', () => assert.ok(cases.includes('django-basic')));
for (const name of cases) test(`django: ${name}`, () => checkFrameworkFixture(name));

test('django: management commands on a command line', () => {
  assert.deepEqual(managementCommands('python manage.py migrate --noinput && python manage.py collectstatic'), ['migrate', 'collectstatic']);
  assert.deepEqual(managementCommands('django-admin --settings=x.y check'), ['check']);
  assert.deepEqual(managementCommands('python -m django makemigrations'), ['makemigrations']);
  assert.deepEqual(managementCommands('python mymanage.py migrate'), []);
});

test('django: call_command names its command positionally or as command_name= (stop 61)', () => {
  assert.deepEqual(calledCommands('call_command("migrate", verbosity=0)\ncall_command(command_name="flush")\n').map((c) => c.name), ['migrate', 'flush']);
  assert.deepEqual(calledCommands('call_command(name, "migrate")\n').map((c) => c.name), []);
});

test('django: --settings names a settings module only on a command that runs Django (stop 61)', () => {
  assert.equal(runnerSettings('django-admin test --settings hyperkitty.tests.settings_test hyperkitty'), 'hyperkitty.tests.settings_test');
  assert.equal(runnerSettings('python manage.py runserver --settings=site.dev'), 'site.dev');
  assert.equal(runnerSettings('hyperkitty-archiver --settings hyperkitty.tests.settings_unused import'), null);
  assert.equal(runnerSettings('python manage.py check && mytool --settings other.conf'), null);
  assert.equal(runnerSettings('mytool --settings other.conf; ./manage.py test --settings=site.test'), 'site.test');
  assert.equal(runnerSettings('python -m django check --settings site.prod'), 'site.prod');
  assert.equal(runnerSettings('mymanage.py check --settings site.prod'), null);
});

test('django: a docs line of many manage.py words and no option ends (review of stop 61: the pattern was quadratic)', { timeout: 120_000 }, () => {
  assert.equal(runnerSettings(`${'manage.py '.repeat(200_000)}--settingsx`), null);
  assert.equal(runnerSettings(`${'manage.py '.repeat(200_000)}--settings site.x`), 'site.x');
});

test('django: setting strings carry the setting they belong to', () => {
  const text = 'A = "x.y"\nif DEBUG:\n    MIDDLEWARE += ["dbg.M"]\nLOGGING["handlers"] = {"()": "f.F"}\nMIDDLEWARE.insert(0, "m.N")\nelse_ = 1\nprint("p.q")\n';
  assert.deepEqual(settingStrings(text).map((s) => `${s.setting}=${s.value}@${s.line}`), ['A=x.y@1', 'MIDDLEWARE=dbg.M@3', 'LOGGING=handlers@4', 'LOGGING=()@4', 'LOGGING=f.F@4', 'MIDDLEWARE=m.N@5', 'null=p.q@7']);
});

/** A context over texts alone: the Django reader's gate reads paths and texts, nothing else. */
const textsContext = (texts: Record<string, string>): FrameworkContext => {
  const manifests = new Manifests({ files: new Set(Object.keys(texts)), readText: (path) => texts[path] ?? null });
  return { files: manifests.files, readText: manifests.text, manifests, facts: () => undefined, commands: [], entries: [], module: () => [] };
};

test('django: a repo without a .py file is no Django project, whatever a Dockerfile sets', () => {
  // Stop 60: the gate that spares a JS repo the walk of every path (a settings module is a .py file).
  const env = 'FROM node:20\nENV DJANGO_SETTINGS_MODULE=site.settings\n';
  assert.equal(django.enabledBy(textsContext({ Dockerfile: env, 'src/index.js': 'x()' })), null);
  // With a .py file the Dockerfile's declaration still enables the reader.
  assert.equal(django.enabledBy(textsContext({ Dockerfile: env, 'tools/run.py': 'print(1)\n' })), 'DJANGO_SETTINGS_MODULE in Dockerfile:2');
});
test('django: has a fixture whose systemd unit runs a management command through a wrapper of execute_from_command_line', () => assert.ok(cases.includes('django-wrapper-command')));

test('django: has a fixture whose test settings only a docs command names, its URLconf documented with it, an unnamed one\'s not', () => assert.ok(cases.includes('django-documented-settings')));
test('django: has a fixture whose TemplateCommand names its template folder by a package\'s __path__, one by a computed name, and a join outside a TemplateCommand (stop 61)', () => assert.ok(cases.includes('django-template-command')));
// Review of stop 61: the fixture's startaliased.py binds `dash` to the site package (dash/conf/other_template stays dead), and
// startlocal.py's head is os.path.dirname(os.path.abspath(__file__)) (its local_template/views.py is a template): see its expected.json.
