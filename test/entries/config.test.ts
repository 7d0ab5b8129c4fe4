import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCensusConfig } from '../../src/config/load.js';
import { configRules } from '../../src/config/rules.js';
import { configInputs } from '../../src/entries/config.js';
import { detectEntries } from '../../src/entries/run.js';
import { ConfigError } from '../../src/util/errors.js';
import { Manifests } from '../../src/manifests/store.js';

const files = (map: Record<string, string>) => (path: string): string | null => map[path] ?? null;

const configError = (map: Record<string, string>, message: string | RegExp) =>
  assert.throws(() => loadCensusConfig(files(map)), (e: unknown) => {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });

test('config: none at the root is no config', () => {
  assert.equal(loadCensusConfig(files({ 'package.json': '{"name": "x"}', 'pyproject.toml': '[project]\nname = "x"\n' })), null);
});

test('config: census.config.json wins over pyproject.toml, which wins over package.json', () => {
  const all = {
    'census.config.json': '{"ignore": ["from-json/**"]}',
    'pyproject.toml': '[tool.census]\nignore = ["from-toml/**"]\n',
    'package.json': '{"census": {"ignore": ["from-package/**"]}}',
  };
  assert.deepEqual(loadCensusConfig(files(all))?.config.ignore, ['from-json/**']);
  // An empty census.config.json is still the config census was given: an error, not a fall-through.
  configError({ ...all, 'census.config.json': '' }, /^census\.config\.json:1: invalid JSON/);
  const { 'census.config.json': _json, ...withoutJson } = all;
  assert.equal(loadCensusConfig(files(withoutJson))?.file, 'pyproject.toml');
  const { 'pyproject.toml': _toml, ...onlyPackage } = withoutJson;
  assert.equal(loadCensusConfig(files(onlyPackage))?.file, 'package.json');
});

test('config: a valid config is read whole', () => {
  const loaded = loadCensusConfig(files({
    'census.config.json': JSON.stringify({
      $schema: './node_modules/census/census.schema.json',
      entries: [
        { path: './ops/rotate_keys.py', kind: 'production' },
        { module: 'lakehouse.jobs.compact', kind: 'tooling' },
        { command: 'python manage.py rebuild_index', kind: 'production', cwd: 'site' },
      ],
      production: ['deploy/**'],
      tooling: ['.github/workflows/release.yml'],
      test: ['qa/**/*.py'],
      ignore: ['vendor'],
    }, null, 2),
  }));
  assert.deepEqual(loaded?.config, {
    entries: [
      { path: 'ops/rotate_keys.py', kind: 'production' },
      { module: 'lakehouse.jobs.compact', kind: 'tooling' },
      { command: 'python manage.py rebuild_index', kind: 'production', cwd: 'site' },
    ],
    production: ['deploy/**'],
    tooling: ['.github/workflows/release.yml'],
    test: ['qa/**/*.py'],
    ignore: ['vendor'],
  });
});

test('config: every invalid key is named, as written in its file', () => {
  const entries = (list: unknown[]) => ({ 'census.config.json': JSON.stringify({ entries: list }) });
  configError(entries([{ path: 'a.py', kind: 'production' }, { path: 'b.py', kind: 'tooling' }, { path: 'c.py', kind: 'prod' }]), 'census.config.json: "entries[2].kind" must be one of production, tooling, test');
  configError(entries([{ path: 'a.py' }]), 'census.config.json: "entries[0].kind" is required: one of production, tooling, test');
  configError(entries([{ kind: 'test' }]), 'census.config.json: "entries[0]" must have exactly one of path, module, command');
  configError(entries([{ path: 'a.py', module: 'a', kind: 'test' }]), 'census.config.json: "entries[0]" must have exactly one of path, module, command (has path, module)');
  configError(entries([{ path: 'a.py', kind: 'test', cwd: 'x' }]), 'census.config.json: "entries[0].cwd" is only allowed with a command');
  configError(entries([{ path: '../outside.py', kind: 'test' }]), 'census.config.json: "entries[0].path" must be a path relative to the scanned root, inside it');
  configError(entries([{ module: 'not a module', kind: 'test' }]), 'census.config.json: "entries[0].module" must be a dotted Python module name (pkg.mod)');
  configError(entries([{ path: 'a.py', kind: 'test', when: 'always' }]), /^census\.config\.json: "entries\[0\]\.when" is not an entry key/);
  configError({ 'census.config.json': '{"entries": {}}' }, 'census.config.json: "entries" must be a list, not a table/object');
  configError({ 'census.config.json': '{"productoin": []}' }, /^census\.config\.json: "productoin" is not a census config key/);
  configError({ 'census.config.json': '{"ignore": "vendor"}' }, 'census.config.json: "ignore" must be a list of globs, not string "vendor"');
  configError({ 'census.config.json': '{"test": ["ok/**", ""]}' }, 'census.config.json: "test[1]" must be a non-empty glob string, not string ""');
  configError({ 'census.config.json': '[]' }, 'census.config.json: the config must be an object, not a list');
  configError({ 'pyproject.toml': '[tool.census]\ntooling = "scripts"\n' }, 'pyproject.toml: "tool.census.tooling" must be a list of globs, not string "scripts"');
  configError({ 'pyproject.toml': '[tool.census]\n$schema = 1\n' }, /^pyproject\.toml:2: invalid TOML/);
  configError({ 'package.json': '{"census": {"entries": [{"command": "make all", "kind": 3}]}}' }, 'package.json: "census.entries[0].kind" must be one of production, tooling, test');
  configError({ 'package.json': '{"census": {"$schema": "x"}}' }, /^package\.json: "census\.\$schema" is not a census config key/);
});

test('config: a config file that is not valid JSON is an error naming its line', () => {
  configError({ 'census.config.json': '{\n  "ignore": ["vendor"],\n}\n' }, /^census\.config\.json:3: invalid JSON/);
  configError({ 'package.json': '{\n  "census": {"ignore": [}\n}' }, /^package\.json:2: invalid JSON/);
});

test('config: broken manifests that hold no census config are left to their detectors', () => {
  assert.equal(loadCensusConfig(files({ 'package.json': '{"name": "x",}' })), null);
  assert.equal(loadCensusConfig(files({ 'pyproject.toml': '[project\n' })), null);
});

test('config: entries and globs become inputs with the config as evidence', () => {
  const loaded = loadCensusConfig(files({
    'census.config.json': '{\n  "entries": [\n    {"path": "ops/rotate_keys.py", "kind": "production"},\n    {"command": "python manage.py rebuild_index", "kind": "tooling", "cwd": "site"}\n  ],\n  "test": ["qa/**"],\n  "ignore": ["qa/legacy/**"]\n}\n',
  }));
  const inputs = configInputs(loaded, ['qa/smoke_checks.py', 'qa/legacy/old_checks.py', 'ops/rotate_keys.py']);
  assert.deepEqual(inputs, {
    entries: [
      { target: 'ops/rotate_keys.py', targetKind: 'file', kind: 'production', evidence: 'census.config.json entries[0]', line: 3 },
      { target: 'qa/smoke_checks.py', targetKind: 'file', kind: 'test', evidence: 'census.config.json test "qa/**"', line: 6 },
    ],
    commands: [{ command: 'python manage.py rebuild_index', cwd: 'site', kind: 'tooling', evidence: 'census.config.json entries[1]', line: 4 }],
  });
  const rules = configRules(loaded);
  assert.equal(rules.kindOf('qa/x.py'), 'test');
  assert.equal(rules.kindOf('src/x.py'), null);
  assert.ok(rules.ignored('qa/legacy/a.py'));
});

test('config: kind globs re-kind what a manifest declares; ignored manifests declare nothing', () => {
  const repo: Record<string, string> = {
    '.github/workflows/release-notes.yml': 'jobs:\n  notes:\n    steps:\n      - run: python scripts/draft_notes.py\n',
    'legacy/Procfile': 'web: python legacy_server.py\n',
    'Procfile': 'web: python serve_quotes.py\n',
    'census.config.json': '{"tooling": [".github/workflows/release-notes.yml"], "ignore": ["legacy"]}',
  };
  const manifests = new Manifests({ files: new Set(Object.keys(repo)), readText: files(repo) });
  const ctx = { files: manifests.files, manifests };
  const detected = detectEntries(Object.keys(repo).sort(), ctx, loadCensusConfig(files(repo)));
  const commands = detected.commands.map((c) => [c.detector, c.source, c.input.kind, c.input.command]);
  assert.deepEqual(commands, [
    ['github-actions', '.github/workflows/release-notes.yml', 'tooling', 'python scripts/draft_notes.py'],
    ['procfile', 'Procfile', 'production', 'python serve_quotes.py'],
  ]);
  assert.deepEqual(detected.entries.map((e) => [e.detector, e.source, e.input.target, e.input.kind]), [
    ['config', 'census.config.json', '.github/workflows/release-notes.yml', 'tooling'],
  ]);
});
