/** The span rewriters on their own: each reference form, edited in place, the rest of the text untouched. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Edge } from '../../src/model/edge.js';
import { jsImportSpans, newJsSpecifier } from '../../src/apply/js-refs.js';
import { pathMentionSpans } from '../../src/apply/path-refs.js';
import { pythonImportSpans } from '../../src/apply/python-refs.js';
import { applySpans, binaryText, lineRange, type Span } from '../../src/apply/spans.js';
import { loadPlan } from '../../src/apply/load-plan.js';

const edge = (from: string, line: number, specifier: string, to: string, extra: Partial<Edge> = {}): Edge => ({ from, to, kind: 'import', line, specifier, names: [], guard: null, ...extra });

const edit = (text: string, spans: Span[] | string): string => {
  if (typeof spans === 'string') throw new Error(spans);
  const r = applySpans(Buffer.from(text, 'utf8').toString('latin1'), spans);
  if ('conflict' in r) throw new Error('conflict');
  return Buffer.from(r.text, 'latin1').toString('utf8');
};

const py = (text: string, e: Edge, newTo: string, newFrom = e.from): string => edit(text, pythonImportSpans(binaryText(Buffer.from(text)), { edge: e, newFrom, oldTo: e.to!, newTo }));

test('python: absolute imports follow the module, aliases and bound names kept', () => {
  assert.equal(py('from app.core.util_copy import helper\n', edge('app/main.py', 1, 'app.core.util_copy', 'app/core/util_copy.py'), 'app/core/util.py'), 'from app.core.util import helper\n');
  assert.equal(py('import app.core.old as uc\r\n', edge('app/main.py', 1, 'app.core.old', 'app/core/old.py'), 'app/lib/new.py'), 'import app.lib.new as uc\r\n');
  // `from pkg import mod`: the name the code uses stays bound.
  assert.equal(py('from app.core import util_copy  # keep\n', edge('app/main.py', 1, 'app.core', 'app/core/util_copy.py', { names: ['util_copy'] }), 'app/core/util.py'), 'from app.core import util as util_copy  # keep\n');
  assert.equal(py('from app.core import util_copy as u\n', edge('app/main.py', 1, 'app.core', 'app/core/util_copy.py', { names: ['util_copy'] }), 'app/other/util.py'), 'from app.other import util as u\n');
  // Plain `import a.b.c`: the dotted uses follow, other names that start the same way do not.
  const plain = 'import app.jobs.export\n\napp.jobs.export.run()\napp.jobs.exporter.run()\n';
  assert.equal(py(plain, edge('app/main.py', 1, 'app.jobs.export', 'app/jobs/export.py'), 'app/tasks/export.py'), 'import app.tasks.export\n\napp.tasks.export.run()\napp.jobs.exporter.run()\n');
  // src/ layouts keep their root.
  assert.equal(py('from pkg.a import x\n', edge('src/pkg/m.py', 1, 'pkg.a', 'src/pkg/a.py', { via: 'src-root:src' }), 'src/pkg/sub/a.py'), 'from pkg.sub.a import x\n');
});

test('python: relative imports are recomputed from the importer\'s (new) package', () => {
  assert.equal(py('from .features import normalise\n', edge('backend/ml/training/train.py', 1, '.features', 'backend/ml/training/features.py'), 'backend/ml/features.py'), 'from ..features import normalise\n');
  assert.equal(py('from . import helpers\n', edge('pkg/a.py', 1, '.', 'pkg/helpers.py', { names: ['helpers'] }), 'pkg/helpers.py', 'pkg/sub/a.py'), 'from .. import helpers\n');
  assert.equal(py('from ..util import f\n', edge('pkg/sub/a.py', 1, '..util', 'pkg/util.py'), 'pkg/sub/util.py'), 'from .util import f\n');
  // A bracketed multi-line import: the name is found on a later line.
  assert.equal(py('from .core import (\n    util_copy,\n)\n', edge('app/main.py', 1, '.core', 'app/core/util_copy.py', { names: ['util_copy'] }), 'app/core/util.py'), 'from .core import (\n    util as util_copy,\n)\n');
});

test('python: what cannot be rewritten safely is said, not guessed', () => {
  const two = pythonImportSpans(binaryText(Buffer.from('from app.core import a, b\n')), { edge: edge('m.py', 1, 'app.core', 'app/core/a.py', { names: ['a'] }), newFrom: 'm.py', oldTo: 'app/core/a.py', newTo: 'app/lib/a.py' });
  assert.match(String(two), /split the import by hand/);
  const scriptDir = pythonImportSpans(binaryText(Buffer.from('import helper\n')), { edge: edge('scripts/a.py', 1, 'helper', 'scripts/helper.py', { via: 'script-dir' }), newFrom: 'scripts/a.py', oldTo: 'scripts/helper.py', newTo: 'tools/helper.py' });
  assert.match(String(scriptDir), /not importable the way scripts\/a\.py:1 imports/);
});

const js = (text: string, e: Edge, newTo: string, newFrom = e.from): string => edit(text, jsImportSpans(binaryText(Buffer.from(text)), { edge: e, newFrom, oldTo: e.to!, newTo }));

test('js/ts: relative specifiers keep their style and quotes', () => {
  assert.equal(js("const m = require('../lib/math.js');\n", edge('web/src/index.js', 1, '../lib/math.js', 'web/lib/math.js'), 'web/src/lib/math.js'), "const m = require('./lib/math.js');\n");
  assert.equal(js('import { a } from "./util/format";\n', edge('src/x.ts', 1, './util/format', 'src/util/format.ts'), 'src/shared/fmt.ts'), 'import { a } from "./shared/fmt";\n');
  assert.equal(js("import { a } from './util/format.js';\n", edge('src/x.ts', 1, './util/format.js', 'src/util/format.ts'), 'src/shared/format.ts'), "import { a } from './shared/format.js';\n");
  assert.equal(js('const p = import(`./lazy`);\n', edge('src/x.js', 1, './lazy', 'src/lazy/index.js', { kind: 'dynamic-import' }), 'src/later/index.js'), 'const p = import(`./later`);\n');
  // The importer moves, the target stays.
  assert.equal(js("import x from '../lib/a.js';\n", edge('src/app/main.js', 1, '../lib/a.js', 'src/lib/a.js'), 'src/lib/a.js', 'src/main.js'), "import x from './lib/a.js';\n");
});

test('js/ts: an alias is kept when the new place is under its folder, else the specifier becomes relative', () => {
  const alias = edge('src/app/page.ts', 1, '@/lib/format', 'src/lib/format.ts', { via: 'tsconfig-paths' });
  assert.equal(newJsSpecifier({ edge: alias, newFrom: 'src/app/page.ts', oldTo: 'src/lib/format.ts', newTo: 'src/shared/format.ts' }), '@/shared/format');
  assert.equal(newJsSpecifier({ edge: alias, newFrom: 'src/app/page.ts', oldTo: 'src/lib/format.ts', newTo: 'lib/format.ts' }), '../../lib/format');
  const hash = edge('src/a.js', 1, '#util/x.js', 'src/util/x.js', { via: 'package-imports' });
  assert.equal(newJsSpecifier({ edge: hash, newFrom: 'src/a.js', oldTo: 'src/util/x.js', newTo: 'src/util/y.js' }), '#util/y.js');
});

const mention = (text: string, from: string, oldPath: string, newPath: string, names = false, newFrom = from): string => {
  const t = binaryText(Buffer.from(text));
  const r = lineRange(t, 1)!;
  return edit(text, pathMentionSpans(t, r.start, r.end, { from, newFrom, oldPath, newPath, names }));
};

test('commands, manifests and docs: every form of the mention on the line, nothing that merely looks alike', () => {
  assert.equal(mention('ExecStart=/usr/bin/python3 /opt/app/scripts/sync.py --once\n', 'deploy/x.service', 'scripts/sync.py', 'tools/sync.py'), 'ExecStart=/usr/bin/python3 /opt/app/tools/sync.py --once\n');
  assert.equal(mention('CMD ["python3", "-m", "backend.scripts.export_data"]\n', 'Dockerfile', 'backend/scripts/export_data.py', 'backend/data/export_data.py'), 'CMD ["python3", "-m", "backend.data.export_data"]\n');
  assert.equal(mention('web: uvicorn app.main:app --port 80\n', 'Procfile', 'app/main.py', 'app/api/main.py'), 'web: uvicorn app.api.main:app --port 80\n');
  assert.equal(mention('Run [it](../scripts/sync.py) or `python3 scripts/sync.py`.\n', 'docs/ops.md', 'scripts/sync.py', 'tools/sync.py'), 'Run [it](../tools/sync.py) or `python3 tools/sync.py`.\n');
  assert.equal(mention('"sync": "python3 scripts/sync.py && python3 scripts/sync.pyc scripts/sync.py.bak"\n', 'package.json', 'scripts/sync.py', 'tools/sync.py'), '"sync": "python3 tools/sync.py && python3 scripts/sync.pyc scripts/sync.py.bak"\n');
  assert.equal(mention('exec ./run.sh "$@"\n', 'bin/start.sh', 'bin/run.sh', 'bin/tools/run.sh'), 'exec ./tools/run.sh "$@"\n');
  assert.equal(mention('See sync.py for details.\n', 'docs/a.md', 'scripts/sync.py', 'tools/synchronise.py', true), 'See synchronise.py for details.\n');
});

test('two items that want the same characters are a conflict, not a guess; identical edits count once', () => {
  assert.deepEqual(applySpans('abcdef', [{ start: 1, end: 3, replacement: 'X' }, { start: 1, end: 3, replacement: 'X' }]), { text: 'aXdef' });
  assert.ok('conflict' in applySpans('abcdef', [{ start: 1, end: 3, replacement: 'X' }, { start: 2, end: 4, replacement: 'Y' }]));
});

test('non-UTF-8 bytes around an edit come back unchanged', () => {
  const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nfrom .a import b\n')]);
  const t = binaryText(bytes);
  const spans = pythonImportSpans(t, { edge: edge('p/m.py', 2, '.a', 'p/a.py'), newFrom: 'p/m.py', oldTo: 'p/a.py', newTo: 'p/q/a.py' });
  const r = applySpans(t.text, spans as Span[]);
  assert.ok('text' in r);
  assert.deepEqual(Buffer.from(r.text, 'latin1'), Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nfrom .q.a import b\n')]));
});

test('loadPlan: keep and review items need nothing; acting items are held to the contract', () => {
  const base = { planVersion: 1, tool: { name: 'census', version: '0' }, generatedAt: '2026-01-01T00:00:00Z', root: '.', git: null, archiveDir: 'archive', summary: {} };
  const item = { hash: '0123456789abcdef', verdict: 'dead', reasons: [] };
  const ok = loadPlan(JSON.stringify({ ...base, items: [{ path: 'a.py', action: 'review', ...item }, { path: 'b.py', action: 'delete', ...item }] }), 'p.json');
  assert.ok('plan' in ok && ok.plan.items.length === 2, JSON.stringify(ok));
  // What the sentences do not cover, the schema names by its place.
  const misspelt = loadPlan(JSON.stringify({ ...base, items: [{ path: 'b.py', action: 'delete', ...item, reason: [] }] }), 'p.json');
  assert.match('problems' in misspelt ? misspelt.problems[0] : '', /^p\.json is not a valid census plan: items\[0\]/);
  const bad = loadPlan(JSON.stringify({ ...base, items: [{ path: 'b.py', action: 'delete', hash: 'xyz' }, { path: 'c.py', action: 'move', hash: '0123456789abcdef' }] }), 'p.json');
  assert.deepEqual('problems' in bad ? bad.problems : [], [
    'items[0] (b.py): hash must be the 16 hex digits census records for the file',
    'items[1] (c.py): move needs `to` (the destination)',
  ]);
});
