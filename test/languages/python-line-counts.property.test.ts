/**
 * The Python scan counts lines and code lines on its own walk (tokenize.ts), so scan-file.ts does
 * not walk the text again: on random texts built from what moves a line start (breaks inside
 * strings, f-string fields and brackets, continuations, comments, blank lines, BOMs, form feeds,
 * unterminated strings), its counts must be countLines' exactly. A text with a CR is left to
 * countLines (the scan reads CRLF as LF).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';
import { tokenize } from '../../src/languages/python/tokenize.js';
import { countLines } from '../../src/extract/metrics.js';
import { sysPathFolders } from '../../src/languages/python/sys-path.js';

const PIECES = [
  '\ufeff', ' ', '  ', '\t', '\x0c', '\x0b', '\x00', '\n', '\n\n', '#', '# c\n', 'x', 'import a\n', 'def f():\n', '  pass\n',
  '(', ')', '[', ']', '{', '}', ',', ':', '=', '\\', '\\\n', "'", '"', "'''", '"""', "f'", 'f"', "f'''", 'f"""', 'rb"', "u'",
  '{x', '}', '\n#', '\n  #', 'é', '1', '.5',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

const countsOf = (source: string): { lines: number; codeLines: number } => {
  const t = tokenize(source);
  return { lines: t.lineCount, codeLines: t.codeLineCount };
};

test('python scan: its line counts are countLines\' on any text without a CR', () => {
  assertProperty(
    fc.property(text, (source) => {
      assert.deepEqual(countsOf(source), countLines(source, 'python'), JSON.stringify(source));
    }),
    { numRuns: 5000 },
  );
});

test('python scan: fixed cases, and a CR leaves the counting to countLines', () => {
  for (const source of ['', '\n', 'x', 'x\n', '\ufeff', '\ufeff\n', '\ufeff# c\n\n', '  ', '#', '"""\n\n# in a docstring\n  x\n"""\n', 'a = (1,\n\n  # c\n 2)\n', 'x = 1 \\\n\n', "f'''{a\n# c\n}'''\n", "'unterminated\n\n"]) {
    assert.deepEqual(countsOf(source), countLines(source, 'python'), JSON.stringify(source));
  }
  for (const source of ['x\r\ny\r\n', 'a\rb']) assert.deepEqual(countsOf(source), { lines: -1, codeLines: -1 });
});

const SYS_PIECES = [...PIECES, 'sys.path.insert(0, "lib")', 'sys.path.append("src")', 'sys', '.path', ' sys.path.insert(0, os.path.dirname(__file__))', 'x = 1; sys.path.append("y")', '\ufeffsys.path.append("b")\n'];
const sysText = fc.array(fc.constantFrom(...SYS_PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

test('python scan: every text that puts a folder on sys.path has a line the scan saw start with sys.path.', () => {
  assertProperty(
    fc.property(sysText, (source) => {
      const seen = tokenize(source).sysPathLine;
      if (sysPathFolders(source, 'pkg/m.py').length > 0) assert.ok(seen, JSON.stringify(source));
    }),
    { numRuns: 5000 },
  );
});
