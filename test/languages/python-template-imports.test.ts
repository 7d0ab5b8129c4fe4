/**
 * The extractor's gate for code-templates.ts: the lines of triple-quoted strings that hold an
 * import line at their column 0, and nothing for an indented example, a one-line string or the
 * file's own imports past a docstring's end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pythonExtractor } from '../../src/languages/python/extract.js';
import { holdsImportLine } from '../../src/languages/python/template-imports.js';

const lines = (source: string): number[] | undefined => pythonExtractor.extract('pkg/mod.py', source).codeTemplateLines;

test('stop 53: a triple-quoted template with a column-0 import is noted at its line', () => {
  const source = 'import os\n\nTAC = [\n    """\nimport os\nfrom app.bot import Worker\n""", """\ns = Worker()\n"""]\n';
  assert.deepEqual(lines(source), [4]);
});

test('stop 53: an indented example, an import after the string ends, a one-line string are not noted', () => {
  assert.equal(lines('"""Usage:\n\n    from app.example import x\n"""\nimport os\nfrom app import y\n'), undefined);
  assert.equal(lines("MSG = 'from app.x import y'\n"), undefined);
  assert.equal(lines('"""from"""\nimport os\n'), undefined);
});

test('stop 53: holdsImportLine reads the string from its first character and stops at its end', () => {
  const text = '"""from a import b"""';
  assert.equal(holdsImportLine(text, 3, text.length - 3), true);
  const after = '"""doc"""\nimport os\n';
  assert.equal(holdsImportLine(after, 3, 6), false);
  assert.equal(holdsImportLine('"""\nimporter = 1\nfromage\n"""', 3, 24), false);
  assert.equal(holdsImportLine('"""\n\timport x"""', 3, 13), false);
});
