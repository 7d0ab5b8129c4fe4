/**
 * The heat-templates reader: the files a Heat template that a live module reads sends by get_file,
 * through nested templates (`type: master.yaml`), are used by that module. Stops: a commented
 * get_file, a URL, a YAML file without heat_template_version (cloud-init), a template only a
 * dead module reads, a template only an environment's resource_registry names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('heat-templates');
test('heat-templates: has a basic fixture', () => assert.ok(cases.includes('heat-templates-basic')));
for (const name of cases) test(`heat-templates: ${name}`, () => checkFrameworkFixture(name));
