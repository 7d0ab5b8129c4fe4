/** The census config's `check` key: read from each config file kind, strictly validated, the key named in every error. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCensusConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/util/errors.js';

const files = (map: Record<string, string>) => (path: string): string | null => map[path] ?? null;

const configError = (map: Record<string, string>, message: RegExp) =>
  assert.throws(() => loadCensusConfig(files(map)), (e: unknown) => {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
    assert.match(e.message, message);
    return true;
  });

test('check thresholds are read from census.config.json, pyproject.toml and package.json', () => {
  const json = loadCensusConfig(files({ 'census.config.json': JSON.stringify({ check: { maxNew: { dead: 2 }, max: { 'broken-internal': 0 }, allowIncomplete: true } }) }));
  assert.deepEqual(json?.config.check, { maxNew: { dead: 2 }, max: { 'broken-internal': 0 }, allowIncomplete: true });
  const toml = loadCensusConfig(files({ 'pyproject.toml': '[tool.census.check]\nallowIncomplete = true\n\n[tool.census.check.max]\n"missing-name" = 0\n' }));
  assert.deepEqual(toml?.config.check, { maxNew: {}, max: { 'missing-name': 0 }, allowIncomplete: true });
  const pkg = loadCensusConfig(files({ 'package.json': JSON.stringify({ census: { check: { maxNew: { 'duplicate-near': 1 } } } }) }));
  assert.deepEqual(pkg?.config.check, { maxNew: { 'duplicate-near': 1 }, max: {}, allowIncomplete: false });
});

test('a config without check has no check key (the default thresholds apply)', () => {
  assert.equal(loadCensusConfig(files({ 'census.config.json': '{"ignore": ["vendor"]}' }))?.config.check, undefined);
});

test('an unknown category, check key or bad number is an error that names the key', () => {
  configError({ 'census.config.json': '{"check": {"max": {"brokn-internal": 0}}}' }, /^census\.config\.json: "check\.max\.brokn-internal" is not a finding category \(expected one of: dead, broken-internal/);
  configError({ 'package.json': '{"census": {"check": {"maxnew": {}}}}' }, /^package\.json: "census\.check\.maxnew" is not a check key/);
  configError({ 'census.config.json': '{"check": {"maxNew": {"dead": -1}}}' }, /"check\.maxNew\.dead" must be a whole number of 0 or more, not -1/);
  configError({ 'census.config.json': '{"check": {"maxNew": {"dead": 1.5}}}' }, /"check\.maxNew\.dead" must be a whole number/);
  configError({ 'census.config.json': '{"check": {"allowIncomplete": "yes"}}' }, /"check\.allowIncomplete" must be true or false/);
  configError({ 'census.config.json': '{"check": []}' }, /"check" must be an object/);
  configError({ 'pyproject.toml': '[tool.census.check]\nmax = 3\n' }, /^pyproject\.toml: "tool\.census\.check\.max" must be an object/);
});
