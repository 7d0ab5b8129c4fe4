/**
 * Path constants through imports (package-paths' pathConstants). Stop 56: when no `from` import of
 * any file names a constant a module builds from `__file__`, each module's constants are its own
 * and its imports are not walked; held here to the walk's answers, which a tree with one more
 * module importing such a constant by name makes the scan take.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileFacts, ImportFact } from '../../src/model/facts.js';
import type { FrameworkContext } from '../../src/frameworks/types.js';
import { pathConstants } from '../../src/frameworks/python/package-paths.js';
import { repoPathOf } from '../../src/languages/python/sys-path.js';

const from = (specifier: string, ...names: string[]): ImportFact => ({ specifier, syntax: 'from', line: 1, names: names.map((name) => ({ name })), guard: null });

/** A context over `texts`, each file's facts its `from` imports and whether its text names `__file__`. */
const contextOf = (texts: Record<string, string>, imports: Record<string, ImportFact[]>): FrameworkContext => {
  const files = new Set(Object.keys(texts));
  const facts = new Map(Object.entries(texts).map(([path, text]) => [path, { imports: imports[path] ?? [], mentionsFile: text.includes('__file__') } as unknown as FileFacts]));
  const readText = (path: string): string | null => texts[path] ?? null;
  return { files, readText, facts: (path: string) => facts.get(path), commands: [], entries: [], module: () => [] } as unknown as FrameworkContext;
};

const TREE: Record<string, string> = {
  'pkg/__init__.py': '',
  'pkg/paths.py': "import os\nHERE = os.path.dirname(__file__)\nDATA = os.path.join(HERE, 'data')\n",
  // Imports a module that has constants, by a name that is not one of them: nothing of its own.
  'pkg/user.py': 'from .paths import helper\nfrom . import paths\n',
  // Names __file__ and imports the module above: its own constants only.
  'pkg/tool.py': "import os\nfrom .user import x\nROOT = os.path.dirname(__file__)\n",
};
const IMPORTS: Record<string, ImportFact[]> = {
  'pkg/user.py': [from('.paths', 'helper'), from('.', 'paths')],
  'pkg/tool.py': [from('.user', 'x')],
};

/** Each module's constants as repo paths, asked in `order`. */
const answers = (ctx: FrameworkContext, order: string[]): Record<string, Record<string, string | null>> =>
  Object.fromEntries(order.map((f) => [f, Object.fromEntries([...pathConstants(ctx, f)].map(([name, value]) => [name, repoPathOf(value)]))]));

test('pathConstants: with no constant imported by name, the same answers as the walk, in any order', () => {
  const order = ['pkg/tool.py', 'pkg/user.py', 'pkg/paths.py', 'pkg/__init__.py'];
  const alone = answers(contextOf(TREE, IMPORTS), order);
  assert.deepEqual(alone, {
    'pkg/tool.py': { ROOT: 'pkg' },
    'pkg/user.py': {},
    'pkg/paths.py': { HERE: 'pkg', DATA: 'pkg/data' },
    'pkg/__init__.py': {},
  });
  assert.deepEqual(answers(contextOf(TREE, IMPORTS), [...order].reverse()), alone);
  // One module importing DATA by name: every module is walked, and the others answer as before.
  const walked = answers(contextOf({ ...TREE, 'pkg/late.py': 'from .paths import DATA\n' }, { ...IMPORTS, 'pkg/late.py': [from('.paths', 'DATA')] }), [...order, 'pkg/late.py']);
  assert.deepEqual(walked, { ...alone, 'pkg/late.py': { DATA: 'pkg/data' } });
});

test('pathConstants: a constant imported by name from a .py module (the import index) or a script without the suffix (walked) walks every module', () => {
  const order = ['pkg/tool.py', 'pkg/user.py', 'pkg/paths.py'];
  const alone = answers(contextOf(TREE, IMPORTS), order);
  // The index answers for .py files: the alone shortcut would give late.py nothing of its own.
  const py = answers(contextOf({ ...TREE, 'pkg/late.py': 'from .paths import DATA\n' }, { ...IMPORTS, 'pkg/late.py': [from('.paths', 'DATA')] }), ['pkg/late.py', ...order]);
  assert.deepEqual(py, { ...alone, 'pkg/late.py': { DATA: 'pkg/data' } });
  // A script (no .py suffix) is not in the index: it is walked.
  const script = answers(contextOf({ ...TREE, 'pkg/late': 'from .paths import DATA\n' }, { ...IMPORTS, 'pkg/late': [from('.paths', 'DATA')] }), ['pkg/late', ...order]);
  assert.deepEqual(script, { ...alone, 'pkg/late': { DATA: 'pkg/data' } });
});
