/**
 * The ember-blueprints reader on fixture repos: an Ember addon's `blueprints/<name>/index.js`
 * (loaded by `ember generate <name>`), an `ember-blueprint` package's index.js, the templates below
 * each blueprint's `files/`, and where it stops (a folder without index.js, a package ember-cli
 * never looks up).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('ember-blueprints');
test('ember-blueprints: has a basic fixture', () => assert.ok(cases.includes('ember-blueprints-basic')));
for (const name of cases) test(`ember-blueprints: ${name}`, () => checkFrameworkFixture(name));
