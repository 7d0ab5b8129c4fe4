/**
 * The text marks extraction records for readers that pre-test every code file (text-marks.ts):
 * each mark is exactly "the text holds this substring" (`glob` one not starting `global`),
 * overlapping ones included, so a reader that skips a file without the mark skips only files its
 * own test would have skipped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TEXT_MARKS, textMarksOf } from '../../src/languages/javascript/text-marks.js';
import { javascriptExtractor } from '../../src/languages/javascript/extract.js';

test('text marks: the words a file holds, in comments and strings too', () => {
  assert.deepEqual(textMarksOf(`const p = path.join(__dirname, 'jobs/a.js'); // glob`), ['dirname', 'glob']);
  assert.deepEqual(textMarksOf(`app.use(serveStatic(dir)); app.use(express.static(x))`), ['tatic(']);
  assert.deepEqual(textMarksOf(`import x from 'y'`), []);
  // Stop 59: NestJS's useStaticAssets(, whose folder need not spell dirname.
  assert.deepEqual(textMarksOf(`app.useStaticAssets({ root: resolve(process.env.ROOT, 'public') })`), ['StaticAssets']);
  assert.deepEqual(textMarksOf(`const m = await import('./' + name); require(\`./\${n}\`)`), ['require(', 'import(']);
});

test('text marks: overlapping marks are each found (readdirname holds readdir and dirname)', () => {
  assert.deepEqual(textMarksOf('readdirname'), ['dirname', 'readdir']);
});

test('text marks: a mark at the very start or end of the text, or the whole text, is found', () => {
  assert.deepEqual(textMarksOf('Worker'), ['Worker']);
  assert.deepEqual(textMarksOf('views'), ['views']);
  assert.deepEqual(textMarksOf('Glob'), ['glob']);
  assert.deepEqual(textMarksOf('declare x; new Worker'), ['Worker', 'declare']);
  assert.deepEqual(textMarksOf('x = glob'), ['glob']);
  // a character past ASCII shares the pair table's slot of an ASCII one, and is told apart by the check
  assert.deepEqual(textMarksOf('dir\u00eeame Wor\u00eber'), []);
});

test('text marks: recorded by the JS/TS extractors for the whole text, even when extraction fails on it', () => {
  assert.deepEqual(javascriptExtractor.extract('a.js', 'fs.readdirSync(__dirname).forEach((f) => require(`./${f}`))').textMarks, ['dirname', 'readdir', 'require(']);
  assert.deepEqual(javascriptExtractor.extract('b.js', 'const = = ( glob').textMarks, ['glob']);
});

test('text marks: global is no glob mark, but a glob beside or inside it is', () => {
  assert.deepEqual(textMarksOf('globalThis.x = global.y'), []);
  assert.deepEqual(textMarksOf('const files = globSync("*.js", { cwd: __dirname }); global.x = 1'), ['dirname', 'glob']);
  assert.deepEqual(textMarksOf('globalglob(x)'), ['glob']);
  assert.deepEqual(textMarksOf('glob.sync("a"); glob ("b"); glob'), ['glob']);
});

/** What the `glob` mark means: the substring, where it does not start `global`. */
const holdsMark = (text: string, mark: string): boolean => (mark === 'glob' ? /[gG]lob(?!al)/.test(text) : text.includes(mark));

test('text marks: a mark is recorded exactly when the text includes it', () => {
  const seed = Date.now() % 100000;
  console.log(`text marks property seed ${seed}`);
  // The search checks a window where its last two characters end some mark's first six: the marks'
  // pieces, and characters past ASCII that fold onto a mark's (U+0164 onto `d`, U+00F7 onto `w`).
  const pieces = fc.constantFrom(...TEXT_MARKS, 'dir', 'name', 'read', 'st', 'atic(', 'requ', 'ire(', 'imp', 'ort(', 'gl', 'ob', 'al', 'a', 'global', ' ', '\n', 'x', 'Glob', 'Globa', 'Work', 'thre', 'ads', 'endF', 'Stati', 'pathsTo', 'impor', 'Scripts', 'decl', 'vie', 'ws', '\u0164', '\u00f7', 'ir\u00eeame');
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(textMarksOf(text), TEXT_MARKS.filter((m) => holdsMark(text, m)));
    }),
    { seed, numRuns: 300 },
  );
});
