/** The Celery reader: an app module's include/imports lists, beat_schedule tasks and config module, on fixture repos with expected verdicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('celery');
test('celery: has an app fixture', () => assert.ok(cases.includes('celery-app')));
for (const name of cases) test(`celery: ${name}`, () => checkFrameworkFixture(name));
