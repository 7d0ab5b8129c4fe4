/**
 * Modules loaded by a computed import over literal dotted strings in the same file (a registry
 * loop), on fixture repos with expected verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';

const cases = frameworkCases('string-modules');
test('string-modules: has a registry fixture', () => assert.ok(cases.includes('string-modules-registry')));
test('string-modules: has a loader-functions fixture', () => assert.ok(cases.includes('string-modules-loaders')));
test('string-modules: has a prefixed-wrapper fixture', () => assert.ok(cases.includes('string-modules-prefixed-wrapper')));
test('string-modules: has a re-export chain fixture (two hops, the middle module sorting last)', () => assert.ok(cases.includes('string-modules-reexport-chain')));
test('string-modules: has an oslo importutils fixture (a literal list fed to import_class, a literal path in pieces)', () => assert.ok(cases.includes('string-modules-oslo')));
test('string-modules: has an oslo.db backend_mapping fixture (a module-level dict named by from_config, an inline one in DBAPI())', () => assert.ok(cases.includes('string-modules-oslo-db')));
test('string-modules: has a kombu symbol_by_name fixture (an alias dict beside the call; a dotted string in a file with no loader, one in a comment)', () => assert.ok(cases.includes('string-modules-kombu')));
test('string-modules: has an own-callers fixture (a file calling its own loader over a setting imported by name)', () => assert.ok(cases.includes('string-modules-own-callers')));
for (const name of cases) test(`string-modules: ${name}`, () => checkFrameworkFixture(name));
