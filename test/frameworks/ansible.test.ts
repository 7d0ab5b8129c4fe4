/**
 * The ansible reader: a playbook folder (ansible.cfg or a YAML list of plays) runs the library/
 * modules its tasks name (also ansible.cfg `library =` folders and a role's own library/), the
 * callback plugins ansible.cfg enables by name, and the scripts `script:` tasks name (the role's
 * files/, then the playbook's folder). A standalone role (tasks/main.yml) runs its own. Unused
 * modules, callbacks and scripts stay as they were; a playbook under docs/ deploys nothing; a
 * broken playbook is a warning and the run goes on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('ansible');
test('ansible: has a basic fixture', () => assert.ok(cases.includes('ansible-basic')));
for (const name of cases) test(`ansible: ${name}`, () => checkFrameworkFixture(name));
