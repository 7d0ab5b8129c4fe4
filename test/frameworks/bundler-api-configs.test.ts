/**
 * The bundler-api-configs reader on a fixture repo: a webpack config the package's own code requires
 * and builds through webpack's Node API is read like a root config (apidoc's template), and where it
 * stops (a module that only reads the config, the user's config from the working folder or by its
 * file name alone, another package's config, a call in a comment or a string). -stops (review rm4 of
 * stop 57): a module that binds the bundler but only reads members off it, the working folder through a
 * name, a config outside the folder a join's leading parts settle; the bundler bound by name still runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('bundler-api-configs');
test('bundler-api-configs: has a basic fixture', () => assert.ok(cases.includes('bundler-api-configs-basic')));
for (const name of cases) test(`bundler-api-configs: ${name}`, () => checkFrameworkFixture(name));
