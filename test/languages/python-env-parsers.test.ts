/** Pure pieces of the Python environment model: names, metadata files, requirement lines. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  KNOWN_IMPORT_NAMES, importNamesForDistribution, knownDistributionsForImport, normalizeDistributionName,
} from '../../src/languages/python/env/known-names.js';
import {
  editableUrlPath, importNamesFromPaths, parseEditableFinderMapping, parsePth, parseTopLevelTxt, readCoreMetadata, recordPaths,
} from '../../src/languages/python/env/metadata.js';
import { requirementName } from '../../src/languages/python/env/requirement.js';
import { groupOfRequirementsFile, isRequirementsFile, logicalLines } from '../../src/languages/python/env/requirements-txt.js';
import { readSetupCfg } from '../../src/languages/python/env/declared-setup.js';
import { DeclaredSink } from '../../src/languages/python/env/declared-sink.js';
import { CONFIGPARSER } from '../../src/manifests/ini.js';
import { readStringList, readStringListDict } from '../../src/languages/python/env/python-literal.js';
import { indexImportNames, lookupImportName } from '../../src/languages/python/env/import-names.js';
import { minPythonOf } from '../../src/languages/python/env/index.js';
import { parsePyvenvCfg } from '../../src/languages/python/env/venv-layout.js';
import { TomlLines } from '../../src/manifests/toml.js';
import { poetryEnvNamePrefix } from '../../src/languages/python/env/poetry-env.js';

test('distribution names normalise as PEP 503 says', () => {
  assert.equal(normalizeDistributionName('Typing_Extensions'), 'typing-extensions');
  assert.equal(normalizeDistributionName('ruamel.yaml'), 'ruamel-yaml');
  assert.equal(normalizeDistributionName('  Django '), 'django');
  assert.equal(normalizeDistributionName('zope..interface__x'), 'zope-interface-x');
});

test('the mismatch table maps common distributions to their import names', () => {
  assert.ok(KNOWN_IMPORT_NAMES.size >= 40, `${KNOWN_IMPORT_NAMES.size} entries`);
  const cases: [string, string][] = [
    ['PyYAML', 'yaml'], ['Pillow', 'PIL'], ['scikit-learn', 'sklearn'], ['opencv-python-headless', 'cv2'],
    ['beautifulsoup4', 'bs4'], ['python-dateutil', 'dateutil'], ['protobuf', 'google.protobuf'], ['attrs', 'attr'],
    ['pyzmq', 'zmq'], ['python-dotenv', 'dotenv'], ['PyJWT', 'jwt'], ['pycryptodome', 'Crypto'], ['msgpack-python', 'msgpack'],
    ['grpcio', 'grpc'], ['psycopg2-binary', 'psycopg2'], ['mysqlclient', 'MySQLdb'], ['typing_extensions', 'typing_extensions'],
    ['google-cloud-storage', 'google.cloud.storage'], ['google-cloud-bigquery-storage', 'google.cloud.bigquery_storage'],
    ['azure-storage-blob', 'azure.storage.blob'], ['hydra-core', 'hydra'],
  ];
  for (const [dist, imp] of cases) assert.ok(importNamesForDistribution(dist).includes(imp), `${dist} → ${imp}`);
});

test('names outside the table are guessed generously', () => {
  assert.deepEqual(importNamesForDistribution('requests'), ['requests']);
  assert.deepEqual(importNamesForDistribution('Django'), ['Django', 'django']);
  assert.ok(importNamesForDistribution('python-slugify').includes('slugify'));
  assert.ok(importNamesForDistribution('huggingface-hub').includes('huggingface_hub'));
  assert.ok(importNamesForDistribution('zope.interface').includes('zope.interface'));
  assert.deepEqual(knownDistributionsForImport('cv2').sort(), [
    'opencv-contrib-python', 'opencv-contrib-python-headless', 'opencv-python', 'opencv-python-headless',
  ]);
  assert.deepEqual(knownDistributionsForImport('google.protobuf.message'), ['protobuf']);
});

test('core metadata: headers stop at the first blank line; no Name means malformed', () => {
  assert.deepEqual(readCoreMetadata('Metadata-Version: 2.1\nName: numpy\nVersion: 1.26.4\n\nName: body-text\n'), { name: 'numpy', version: '1.26.4' });
  assert.equal(readCoreMetadata('Metadata-Version: 2.1\nSummary: x\n'), null);
  assert.equal(readCoreMetadata('\u0000\u0001garbage'), null);
  assert.equal(readCoreMetadata('Name: not a valid name!\n'), null);
});

test('RECORD paths give top-level import names; namespace packages give their children', () => {
  const record = [
    'google/protobuf/__init__.py,sha256=x,1',
    'google/protobuf/message.py,sha256=x,1',
    '"weird,name/__init__.py",sha256=x,1',
    'six.py,sha256=x,1',
    '_cffi_backend.cpython-311-x86_64-linux-gnu.so,sha256=x,1',
    'protobuf-4.25.3.dist-info/RECORD,,',
    'numpy.libs/libopenblas.so,,',
    '../../../bin/protoc,,',
    'google/__pycache__/x.cpython-311.pyc,,',
    'distutils-precedence.pth,,',
  ].join('\n');
  const paths = recordPaths(record);
  assert.equal(paths[2], 'weird,name/__init__.py');
  const r = importNamesFromPaths(paths);
  assert.deepEqual(r.names, ['_cffi_backend', 'google', 'google.protobuf', 'six']);
  assert.deepEqual(r.namespaces, ['google']);
  assert.deepEqual(r.rootFiles, ['distutils-precedence.pth']);
});

test('top_level.txt, .pth lines, editable finders and direct_url.json are read, never run', () => {
  assert.deepEqual(parseTopLevelTxt('yaml\n_yaml\n\ngoogle/protobuf\nnot valid\n'), ['yaml', '_yaml', 'google.protobuf']);
  assert.deepEqual(parsePth('# comment\n/abs/src\n../rel\nimport _virtualenv\n\n'), { paths: ['/abs/src', '../rel'], importLines: ['import _virtualenv'] });
  const finder = "import sys\nMAPPING: dict[str, str] = {'ledger_sync': '/home/dev/ledger/src/ledger_sync', \"ledger_cli\": '/home/dev/ledger/cli'}\nNAMESPACES = {}\n";
  assert.deepEqual([...parseEditableFinderMapping(finder)], [['ledger_sync', '/home/dev/ledger/src/ledger_sync'], ['ledger_cli', '/home/dev/ledger/cli']]);
  assert.equal(editableUrlPath('{"url": "file:///home/dev/my%20proj", "dir_info": {"editable": true}}'), '/home/dev/my proj');
  assert.equal(editableUrlPath('{"url": "file:///home/dev/x", "dir_info": {}}'), null);
  assert.equal(editableUrlPath('{not json'), null);
});

test('requirement names in every form pip accepts', () => {
  const ok: [string, string][] = [
    ['requests', 'requests'],
    ['requests[socks,security]>=2.31', 'requests'],
    ['torch>=2.1; platform_machine != "armv7l"', 'torch'],
    ['numpy (>=1.20)', 'numpy'],
    ['pkg @ https://example.org/pkg-1.0.tar.gz', 'pkg'],
    ['zope.interface==6.0', 'zope.interface'],
    ['git+https://git.example.org/acme/client.git@v1#egg=acme-client', 'acme-client'],
    ['https://files.example.org/requests-2.31.0-py3-none-any.whl', 'requests'],
    ['./vendor/ledger_tools-0.3.1.tar.gz', 'ledger_tools'],
    ['./libs/helper#egg=helper-lib', 'helper-lib'],
  ];
  for (const [spec, name] of ok) assert.deepEqual(requirementName(spec), { name }, spec);
  assert.ok('skip' in requirementName('.'));
  assert.ok('skip' in requirementName('./libs/helper'));
  assert.ok('error' in requirementName('==2.0'));
  assert.ok('error' in requirementName('this is not a requirement'));
});

test('requirements files: continuations join, comments go, #egg stays', () => {
  const lines = logicalLines('# header\npytest>=7 \\\n    --hash=sha256:abc\n\n-e git+https://x/y.git#egg=y  # trailing\nnumpy\n');
  assert.deepEqual(lines, [
    { text: 'pytest>=7     --hash=sha256:abc', line: 2 },
    { text: '-e git+https://x/y.git#egg=y', line: 5 },
    { text: 'numpy', line: 6 },
  ]);
  for (const p of ['requirements.txt', 'requirements-dev.txt', 'dev-requirements.txt', 'requirements/test.txt', 'svc/requirements.in']) {
    assert.equal(isRequirementsFile(p), true, p);
  }
  for (const p of ['constraints.txt', 'notes.txt', 'requirements.md', 'myrequirements.txt']) assert.equal(isRequirementsFile(p), false, p);
  assert.equal(groupOfRequirementsFile('requirements.txt'), undefined);
  assert.equal(groupOfRequirementsFile('requirements-dev.txt'), 'dev');
  assert.equal(groupOfRequirementsFile('test_requirements.txt'), 'test');
  assert.equal(groupOfRequirementsFile('requirements/base.txt'), undefined);
  assert.equal(groupOfRequirementsFile('requirements/lint.txt'), 'lint');
});

test('setup.cfg values and setup.py literals are read without running anything', () => {
  const cfg = '[options]\ninstall_requires =\n    a>=1\n    # comment\n\n    b ; python_version<"3.9"  # why\npython_requires = >=3.8\n';
  const sink = new DeclaredSink();
  readSetupCfg('setup.cfg', CONFIGPARSER.parse(cfg, 'setup.cfg').value!, sink, () => null, new Set());
  assert.deepEqual([...sink.byName.values()], [{ name: 'a', sources: [{ file: 'setup.cfg', line: 3 }] }, { name: 'b', sources: [{ file: 'setup.cfg', line: 6 }] }]);
  const py = 'X = [\n  "a>=1",  # why\n  \'b\',\n  r"c",\n  """d""",\n]\n';
  assert.deepEqual(readStringList(py, py.indexOf('[')), {
    items: [{ value: 'a>=1', line: 2 }, { value: 'b', line: 3 }, { value: 'c', line: 4 }, { value: 'd', line: 5 }],
    literal: true,
  });
  const computed = 'X = ["a"] + read("req.txt")';
  assert.deepEqual(readStringList(computed, computed.indexOf('[')), { items: [{ value: 'a', line: 1 }], literal: false });
  const mixed = 'X = ["a", helper()]';
  assert.equal(readStringList(mixed, mixed.indexOf('[')).literal, false);
  const extras = "E = {'s3': ['boto3'], \"ocr\": ('opencv-python',)}";
  const d = readStringListDict(extras, extras.indexOf('{'));
  assert.deepEqual([...d.groups.keys()], ['s3', 'ocr']);
  assert.deepEqual(d.groups.get('ocr'), [{ value: 'opencv-python', line: 1 }]);
});

test('import-name lookup respects namespace packages', () => {
  const index = indexImportNames([
    ['protobuf', ['google.protobuf']],
    ['google-cloud-storage', ['google.cloud.storage']],
    ['pyyaml', ['yaml', '_yaml']],
  ]);
  assert.deepEqual(lookupImportName(index, 'yaml.constructor'), ['pyyaml']);
  assert.deepEqual(lookupImportName(index, 'google.protobuf.message'), ['protobuf']);
  assert.deepEqual(lookupImportName(index, 'google.cloud.storage.blob'), ['google-cloud-storage']);
  assert.equal(lookupImportName(index, 'google.cloud.bigquery'), null);
  assert.deepEqual(lookupImportName(index, 'google'), ['protobuf', 'google-cloud-storage']);
  assert.equal(lookupImportName(index, 'torch'), null);
});

test('small readers: requires-python, pyvenv.cfg, TOML line finding, poetry env names', () => {
  assert.equal(minPythonOf('>=3.10'), '3.10');
  assert.equal(minPythonOf('^3.9'), '3.9');
  assert.equal(minPythonOf('>=3.8, <4'), '3.8');
  assert.equal(minPythonOf('*'), undefined);
  assert.equal(parsePyvenvCfg('home = /usr/bin\nversion_info = 3.12.1.final.0\n').get('version_info'), '3.12.1.final.0');
  const lines = new TomlLines('[project]\ndependencies = [\n  "numpy",\n]\n[project.optional-dependencies]\ndev = ["numpy", "pytest"]\n');
  assert.equal(lines.locate(['project'], 'dependencies', 'numpy'), 3);
  assert.equal(lines.locate(['project', 'optional-dependencies'], 'dev', 'numpy'), 6);
  assert.equal(lines.locate(['tool', 'missing'], 'x'), 1);
  // Value computed with poetry's own algorithm (re.sub + sha256 + urlsafe base64) in Python.
  assert.equal(poetryEnvNamePrefix('Invoice Engine', '/home/dev/invoice-engine'), 'invoice_engine-ej2P92VI');
});
