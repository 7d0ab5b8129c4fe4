/**
 * The paste-deploy reader: an api-paste.ini's factories and dotted keyword arguments are imported
 * when the app is built; with the uwsgi-ini entry detector, a Debian-like tree's uWSGI config
 * (`wsgi-file = /usr/share/svc/app.wsgi`, an absolute path of the tree) reaches the WSGI script.
 * Example configs under docs/ deploy nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('paste-deploy');
test('paste-deploy: has a basic fixture', () => assert.ok(cases.includes('paste-deploy-basic')));
for (const name of cases) test(`paste-deploy: ${name}`, () => checkFrameworkFixture(name));
