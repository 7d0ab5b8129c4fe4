/** The Python environment model on fixture repos: detection, site-packages, manifests, interpreters. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fixturePath, expectedFor } from '../helpers/fixtures.js';
import { readDeclaredDependencies } from '../../src/languages/python/env/declared.js';
import { detectEnvironment } from '../../src/languages/python/env/detect.js';
import { describeInterpreter } from '../../src/languages/python/env/interpreter.js';
import { readSitePackages } from '../../src/languages/python/env/site-packages.js';
import { describeImportName, importNameStatus, loadPythonEnvironment } from '../../src/languages/python/env/index.js';
import { poetryEnvNamePrefix } from '../../src/languages/python/env/poetry-env.js';
import { Manifests } from '../../src/manifests/store.js';

const AREA = 'python-env';
const FAKE_VENV = fixturePath(AREA, 'fake-venv');
const SITE = join(FAKE_VENV, '.venv/lib/python3.11/site-packages');
const interpreter = (name: string): string => fixturePath(AREA, `interpreters/${name}`);
/**
 * For interpreters expected to answer (or fail) by themselves: the probe's 5 s default deadline is
 * a product limit a busy machine can hit, so these tests wait up to ten minutes, a hang guard.
 */
const NO_DEADLINE = { timeoutMs: 600_000 };

/** Repo files of a fixture, as discovery would list them (environments excluded). */
const repoFiles = (root: string): string[] => {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.venv') continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(root, p).split('\\').join('/'));
    }
  };
  walk(root);
  return out;
};
const readerOf = (root: string) => (path: string): string | null => {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return null;
  }
};
const manifestsOf = (root: string): Manifests => new Manifests({ files: new Set(repoFiles(root)), readText: readerOf(root) });
const load = (root: string, extra: Partial<Parameters<typeof loadPythonEnvironment>[0]> = {}) =>
  loadPythonEnvironment({ rootAbs: root, files: repoFiles(root), manifests: manifestsOf(root), env: {}, ...extra });

/** A throwaway folder tree: { 'a/b.txt': 'text' }. */
const tempTree = (files: Record<string, string>): string => {
  const root = mkdtempSync(join(tmpdir(), 'census-pyenv-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
};
const METADATA = (name: string, version = '1.0'): string => `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`;

test('site-packages: distributions, import names, bare modules, editable .pth, malformed METADATA', () => {
  const inst = readSitePackages([SITE], { rootAbs: FAKE_VENV, pythonVersion: '3.11' });
  assert.deepEqual([...inst.distributions.keys()], ['ledger-sync', 'numpy', 'protobuf', 'pyyaml']);
  assert.deepEqual(inst.distributions.get('pyyaml'), {
    name: 'PyYAML', version: '6.0.1', topLevel: ['_yaml', 'yaml'], editable: false,
    metadata: '.venv/lib/python3.11/site-packages/PyYAML-6.0.1.dist-info',
  });
  assert.deepEqual(inst.distributions.get('numpy')?.topLevel, ['numpy'], 'RECORD without top_level.txt');
  assert.equal(inst.distributions.get('ledger-sync')?.editable, true);
  assert.deepEqual(Object.fromEntries(inst.importNameToDistributions), {
    _yaml: ['pyyaml'], brokenpkg: [], google: ['protobuf'], 'google.protobuf': ['protobuf'], numpy: ['numpy'],
    vendored_helper: [], yaml: ['pyyaml'],
  });
  assert.deepEqual([...inst.namespacePackages], ['google']);
  assert.deepEqual(inst.editablePaths, ['src'], 'the .pth line ../../../../src points into the repo');
  assert.deepEqual(inst.sitePackages, ['.venv/lib/python3.11/site-packages']);
  assert.deepEqual(inst.diagnostics, [{
    id: 'python-env/malformed-metadata', severity: 'warning',
    message: 'distribution metadata has no valid Name header; distribution skipped',
    location: { file: '.venv/lib/python3.11/site-packages/brokenpkg-1.0.dist-info/METADATA', line: 1 },
  }]);
});

test('site-packages: unreadable metadata, egg-info, egg-link, editable finder, guessed names', (t) => {
  const root = tempTree({
    'repo/src/ledger_cli/__init__.py': '',
    'site/unreadable-1.0.dist-info/RECORD': 'unreadable/__init__.py,,\n',
    'site/unreadable/__init__.py': '',
    'site/nometa-1.0.dist-info/RECORD': '',
    'site/Legacy_Tool-0.9-py3.11.egg-info/PKG-INFO': METADATA('Legacy-Tool', '0.9'),
    'site/Legacy_Tool-0.9-py3.11.egg-info/installed-files.txt': '../legacy_tool/__init__.py\nPKG-INFO\n',
    'site/legacy_tool/__init__.py': '',
    'site/old_single_file-2.0.egg-info': METADATA('old-single-file', '2.0'),
    'site/old_single_file.py': '',
    'site/ledger-cli.egg-link': '../repo/src\n.\n',
    'site/ledger_sync-0.2.dist-info/METADATA': METADATA('ledger-sync', '0.2'),
    'site/ledger_sync-0.2.dist-info/RECORD': '__editable__.ledger_sync-0.2.pth,,\n__editable___ledger_sync_0_2_finder.py,,\n',
    'site/__editable__.ledger_sync-0.2.pth': 'import __editable___ledger_sync_0_2_finder; __editable___ledger_sync_0_2_finder.install()\n',
    'site/python_slugify-8.0.dist-info/METADATA': METADATA('python-slugify', '8.0'),
    'site/slugify/__init__.py': '',
    'outside/shared_ui/__init__.py': '',
    'site/shared-ui.pth': '../outside\n',
  });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'site/unreadable-1.0.dist-info/METADATA')); // a folder where a file should be: unreadable
  writeFileSync(join(root, 'site/__editable___ledger_sync_0_2_finder.py'), `MAPPING = {'ledger_sync': '${join(root, 'repo/src/ledger_sync')}'}\n`);
  const inst = readSitePackages([join(root, 'site')], { rootAbs: join(root, 'repo') });
  assert.deepEqual([...inst.distributions.keys()], ['ledger-cli', 'ledger-sync', 'legacy-tool', 'old-single-file', 'python-slugify']);
  assert.deepEqual(inst.distributions.get('legacy-tool')?.topLevel, ['legacy_tool']);
  assert.deepEqual(inst.distributions.get('old-single-file')?.topLevel, ['old_single_file'], 'guessed from the name, present on disk');
  assert.deepEqual(inst.distributions.get('python-slugify')?.topLevel, ['slugify'], 'no RECORD: guessed, present on disk');
  assert.deepEqual(inst.distributions.get('ledger-sync')?.topLevel, ['ledger_sync'], 'from the editable finder MAPPING');
  assert.equal(inst.distributions.get('ledger-cli')?.editable, true);
  assert.deepEqual(inst.editablePaths, ['src', 'src/ledger_sync']);
  assert.deepEqual(inst.importNameToDistributions.get('shared_ui'), [], 'a package on a .pth path outside the repo');
  assert.deepEqual(inst.importNameToDistributions.get('unreadable'), [], 'still present on disk');
  const messages = inst.diagnostics.map((d) => `${d.id} ${d.location?.file.split('/site/')[1]}`).sort();
  assert.deepEqual(messages, [
    'python-env/malformed-metadata nometa-1.0.dist-info/METADATA',
    'python-env/unreadable-metadata unreadable-1.0.dist-info/METADATA',
  ]);
});

test('detect: the repo .venv is found from its layout, without running it', () => {
  const found = detectEnvironment({ rootAbs: FAKE_VENV, env: {}, manifests: manifestsOf(FAKE_VENV) });
  assert.equal(found.detected?.kind, 'venv');
  assert.equal(found.detected?.display, '.venv');
  assert.equal(found.detected?.source, '.venv in the repo root');
  assert.equal(found.detected?.pythonVersion, '3.11.7');
  assert.deepEqual(found.detected?.sitePackages, [SITE]);
  assert.deepEqual(found.diagnostics, []);
});

test('detect: an env/ folder that is not an environment is ignored; $VIRTUAL_ENV is used instead', (t) => {
  const root = tempTree({ 'env/settings.yaml': 'debug: true\n', 'venv/pyvenv.cfg': 'version = 3.12.0\n' });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const found = detectEnvironment({ rootAbs: root, env: { VIRTUAL_ENV: join(FAKE_VENV, '.venv') }, manifests: manifestsOf(root) });
  assert.equal(found.detected?.source, '$VIRTUAL_ENV');
  assert.deepEqual(found.detected?.sitePackages, [SITE]);
  assert.deepEqual(found.diagnostics.map((d) => d.id), ['python-env/no-site-packages'], 'venv/ has pyvenv.cfg but no site-packages');
  const none = detectEnvironment({ rootAbs: root, env: {}, manifests: manifestsOf(root) });
  assert.equal(none.detected, null);
  assert.ok(none.looked.includes('$VIRTUAL_ENV'));
});

test('detect: Windows layout, conda, PEP 582 and poetry cache environments', (t) => {
  const root = tempTree({
    'win/.venv/pyvenv.cfg': 'version_info = 3.10.11.final.0\n',
    'win/.venv/Lib/site-packages/placeholder.txt': '',
    'conda/env/conda-meta/history': '',
    'conda/env/lib/python3.9/site-packages/placeholder.txt': '',
    'pdm/__pypackages__/3.12/lib/placeholder.txt': '',
    'poetry/project/pyproject.toml': '[tool.poetry]\nname = "Invoice Engine"\nversion = "1.0"\n',
  });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const win = detectEnvironment({ rootAbs: join(root, 'win'), env: {}, manifests: manifestsOf(join(root, 'win')) }).detected;
  assert.deepEqual([win?.pythonVersion, win?.sitePackages], ['3.10.11', [join(root, 'win/.venv/Lib/site-packages')]]);
  const conda = detectEnvironment({ rootAbs: join(root, 'conda'), env: {}, manifests: manifestsOf(join(root, 'conda')) }).detected;
  assert.deepEqual([conda?.kind, conda?.pythonVersion], ['conda', '3.9']);
  const pdm = detectEnvironment({ rootAbs: join(root, 'pdm'), env: {}, manifests: manifestsOf(join(root, 'pdm')) }).detected;
  assert.deepEqual([pdm?.kind, pdm?.pythonVersion], ['pep582', '3.12']);

  const project = join(root, 'poetry/project');
  const envName = `${poetryEnvNamePrefix('Invoice Engine', project)}-py3.11`;
  mkdirSync(join(root, 'poetry/cache', envName, 'lib/python3.11/site-packages'), { recursive: true });
  writeFileSync(join(root, 'poetry/cache', envName, 'pyvenv.cfg'), 'version = 3.11.4\n');
  const poetry = detectEnvironment({ rootAbs: project, env: { POETRY_VIRTUALENVS_PATH: join(root, 'poetry/cache') }, manifests: manifestsOf(project) }).detected;
  assert.deepEqual([poetry?.kind, poetry?.pythonVersion, poetry?.source], ['poetry', '3.11.4', "poetry's environment for this project"]);
});

test('declared: PEP 621, optional groups, build-system, requirements with -r and -c', () => {
  const declared = readDeclaredDependencies({ files: repoFiles(FAKE_VENV), manifests: manifestsOf(FAKE_VENV) });
  const summary = Object.fromEntries([...declared.byName].map(([k, d]) => [k, d.sources.map((s) => `${s.file}:${s.line}${s.group ? ` [${s.group}]` : ''}`)]));
  assert.deepEqual(summary, {
    'hydra-core': ['requirements-dev.txt:3 [dev]'],
    'ledger-client': ['requirements.txt:8'],
    numpy: ['pyproject.toml:10', 'requirements.txt:5'],
    protobuf: ['pyproject.toml:13'],
    pytest: ['requirements-dev.txt:1 [dev]'],
    'python-dateutil': ['requirements.txt:6'],
    pyyaml: ['pyproject.toml:11'],
    requests: ['requirements.txt:7'],
    setuptools: ['pyproject.toml:2 [build-system]'],
    tiktoken: ['pyproject.toml:17 [tokenizers]'],
    torch: ['pyproject.toml:12'],
    wheel: ['pyproject.toml:2 [build-system]'],
  });
  assert.deepEqual([...declared.constraints.keys()], ['urllib3'], 'a -c pin declares nothing');
  assert.deepEqual(declared.manifests, ['pyproject.toml', 'requirements-dev.txt', 'requirements.txt']);
  assert.deepEqual(declared.diagnostics, []);
});

test('declared: poetry, dependency-groups, setup.cfg, setup.py, Pipfile, requirements/ folder', () => {
  const root = fixturePath(AREA, 'declared-manifests');
  const declared = readDeclaredDependencies({ files: repoFiles(root), manifests: manifestsOf(root) });
  const actual = {
    byName: Object.fromEntries(declared.byName),
    diagnostics: declared.diagnostics,
  };
  assert.deepEqual(actual, expectedFor(AREA, 'declared-manifests', actual));
});

test('declared: a malformed pyproject gives its file and line (once, from the manifest store); the other manifests still count', async () => {
  const root = fixturePath(AREA, 'malformed-pyproject');
  const manifests = manifestsOf(root);
  const env = await load(root, { manifests });
  assert.deepEqual(env.declared.diagnostics, []);
  const problems = manifests.diagnostics();
  assert.deepEqual(problems.map((d) => [d.id, d.location]), [['manifest/invalid-toml', { file: 'pyproject.toml', line: 7 }]]);
  assert.match(problems[0].message, /^invalid TOML: /);
  assert.deepEqual([...env.declared.byName.keys()], ['jinja2']);
  assert.equal(importNameStatus(env, 'jinja2'), 'declared');
});

test('interpreter: a hanging interpreter is stopped at the timeout with a clear message', async () => {
  // The fake sleeps 30 s and then exits without answering, so only the deadline gives this message.
  const r = await describeInterpreter(interpreter('hanging-python'), { timeoutMs: 300 });
  assert.equal(r.info, null);
  assert.equal(r.diagnostics.length, 1);
  assert.match(r.diagnostics[0].message, /did not answer within 0\.3 s and was stopped; census falls back to the repo's manifests only$/);
});

test('interpreter: failing, garbled and missing interpreters each say what went wrong', async () => {
  const failing = await describeInterpreter(interpreter('failing-python'), NO_DEADLINE);
  assert.match(failing.diagnostics[0].message, /exited with code 3 \(Fatal Python error: init_fs_encoding: failed to get the Python codec\)/);
  const garbled = await describeInterpreter(interpreter('garbled-python'), NO_DEADLINE);
  assert.match(garbled.diagnostics[0].message, /answer was not understood \(Welcome to the ACME Python wrapper 2\.0\); is it Python 3\?/);
  const missing = await describeInterpreter(join(FAKE_VENV, 'no-such-python'), NO_DEADLINE);
  assert.match(missing.diagnostics[0].message, /no such interpreter/);
  for (const r of [failing, garbled, missing]) assert.equal(r.info, null);
});

const hasPython3 = spawnSync('python3', ['-c', 'pass']).status === 0;

test('interpreter: the real python3 answers the probe', { skip: !hasPython3 && 'python3 not on PATH' }, async () => {
  const r = await describeInterpreter('python3', NO_DEADLINE);
  assert.deepEqual(r.diagnostics, []);
  assert.match(r.info?.version ?? '', /^3\.\d+\.\d+$/);
  assert.ok(r.info && r.info.sysPath.length > 0);
  assert.ok(r.info?.sitePackages.every((p) => /(site|dist)-packages$/.test(p)));
});

test('environment: the fake .venv answers installed / declared-not-installed / undeclared / stdlib', async () => {
  const env = await load(FAKE_VENV);
  assert.equal(env.mode, 'venv');
  assert.equal(env.note, 'virtual environment .venv (.venv in the repo root, Python 3.11.7; read from its files, not run): 4 distributions installed');
  const status = (m: string): string => importNameStatus(env, m);
  assert.equal(status('numpy'), 'installed');
  assert.equal(status('yaml'), 'installed');
  assert.equal(status('google.protobuf.message'), 'installed');
  assert.equal(status('vendored_helper'), 'installed');
  assert.equal(status('torch'), 'declared-not-installed');
  assert.equal(status('hydra'), 'declared-not-installed');
  assert.equal(status('dateutil'), 'declared-not-installed');
  assert.equal(status('google.cloud.storage'), 'undeclared');
  assert.equal(status('urllib3'), 'undeclared');
  assert.equal(status('os.path'), 'stdlib');
  assert.equal(status('distutils'), 'stdlib', 'still stdlib in 3.11');
  assert.deepEqual(describeImportName(env, 'tiktoken'), {
    status: 'declared-not-installed', distributions: ['tiktoken'], declaredIn: [{ file: 'pyproject.toml', line: 17, group: 'tokenizers' }],
  });
  assert.deepEqual(env.diagnostics.map((d) => d.id), ['python-env/malformed-metadata']);
});

test('environment: --no-env checks manifests only and says so', async () => {
  const env = await load(FAKE_VENV, { noEnv: true });
  assert.equal(env.mode, 'manifests-only');
  assert.equal(env.installed, undefined);
  assert.match(env.note, /^--no-env: imports are checked against the declared dependencies only \(3 manifests, 12 distributions\)/);
  assert.equal(importNameStatus(env, 'numpy'), 'declared');
  assert.equal(importNameStatus(env, 'yaml'), 'declared');
  assert.equal(importNameStatus(env, 'urllib3'), 'undeclared');
});

test('environment: --python that hangs falls back to manifests only, and says so', async () => {
  const env = await load(FAKE_VENV, { python: interpreter('hanging-python'), interpreterTimeoutMs: 300 });
  assert.equal(env.mode, 'manifests-only');
  assert.match(env.note, /could not be used \(see the warning\): imports are checked against the declared dependencies only/);
  assert.ok(env.diagnostics.some((d) => d.id === 'python-env/interpreter' && /did not answer within/.test(d.message)));
  assert.equal(importNameStatus(env, 'torch'), 'declared');
});

test('environment: --python that answers is used for site-packages', async () => {
  const env = await load(FAKE_VENV, { python: interpreter('venv-python'), interpreterTimeoutMs: NO_DEADLINE.timeoutMs });
  assert.equal(env.mode, 'interpreter');
  assert.equal(env.pythonVersion, '3.11.7');
  assert.match(env.note, /^Python 3\.11\.7 from --python .*venv-python \(asked for its paths; no repo code run\): 4 distributions installed in \.venv\/lib\/python3\.11\/site-packages$/);
  assert.equal(importNameStatus(env, 'yaml'), 'installed');
  assert.equal(importNameStatus(env, 'torch'), 'declared-not-installed');
});

test('environment: stdlib modules removed in the target Python, and setuptools bringing distutils back', async (t) => {
  const root = tempTree({
    'pyproject.toml': '[project]\nname = "mailer"\nrequires-python = ">=3.12"\ndependencies = ["setuptools"]\n',
    '.venv/pyvenv.cfg': 'version = 3.12.3\n',
    '.venv/lib/python3.12/site-packages/setuptools-69.0.0.dist-info/METADATA': METADATA('setuptools', '69.0.0'),
    '.venv/lib/python3.12/site-packages/setuptools-69.0.0.dist-info/top_level.txt': '_distutils_hack\npkg_resources\nsetuptools\n',
  });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const env = await load(root);
  assert.equal(env.pythonVersion, '3.12.3');
  assert.deepEqual(describeImportName(env, 'asyncore'), { status: 'stdlib-removed', distributions: [], declaredIn: [], removedIn: '3.12' });
  assert.equal(importNameStatus(env, 'distutils.core'), 'installed');
  assert.equal(importNameStatus(env, 'tomllib'), 'stdlib');
  const manifestsOnly = await load(root, { noEnv: true });
  assert.equal(manifestsOnly.minPythonVersion, '3.12');
  assert.equal(importNameStatus(manifestsOnly, 'imp'), 'stdlib-removed', 'requires-python >=3.12 already rules imp out');
  assert.equal(importNameStatus(manifestsOnly, 'telnetlib'), 'stdlib', 'removed only in 3.13: not certain from >=3.12');
});
