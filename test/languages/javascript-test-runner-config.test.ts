/** What a test runner's config collects (languages/javascript/test-runner-config.ts), on config values read from text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonConfigValue, readConfigFile } from '../../src/languages/javascript/config-value.js';
import fc from 'fast-check';
import { GENERIC_TESTS, GLOB_NEEDS, JEST_DEFAULTS, RSTEST_DEFAULTS, VITEST_DEFAULTS, avaPatterns, jestPatterns, testFilesOf, testMatcher, vitestPatterns } from '../../src/languages/javascript/test-runner-config.js';
import { compileRepoGlob } from '../../src/util/glob.js';
import { assertProperty } from '../helpers/property.js';

const files = (...paths: string[]): ReadonlySet<string> => new Set(paths);
const collected = (p: Parameters<typeof testFilesOf>[1], set: ReadonlySet<string>) => testFilesOf(set, p, testMatcher()).map((t) => t.file);

test('jest: rootDir is relative to the config folder, and testRegex is matched against the path as jest does', () => {
  const read = jestPatterns(jsonConfigValue('{ "rootDir": ".", "testRegex": ".e2e-spec.ts$" }'), 'test/jest-e2e.json', 'test');
  assert.equal(read.patterns.root, 'test');
  assert.deepEqual(collected(read.patterns, files('test/app.e2e-spec.ts', 'e2e/other.e2e-spec.ts', 'test/helper.ts')), ['test/app.e2e-spec.ts']);
});

test('jest: roots narrow where testMatch looks; <rootDir> is stripped', () => {
  const { value } = readConfigFile('jest.config.js', "module.exports = { roots: ['<rootDir>/checks'], testMatch: ['<rootDir>/**/*.check.js'] };");
  const read = jestPatterns(value, 'jest.config.js', '');
  assert.deepEqual(read.patterns.roots, ['checks']);
  assert.deepEqual(collected(read.patterns, files('checks/a.check.js', 'src/b.check.js')), ['checks/a.check.js']);
});

test('jest: a testRegex that could backtrack without end is refused, and a computed testMatch is unread, both with their line', () => {
  const { value } = readConfigFile('jest.config.js', "module.exports = {\n  testRegex: '(a+)+$',\n};");
  assert.deepEqual(jestPatterns(value, 'jest.config.js', '').refused, [{ line: 2, text: '(a+)+$' }]);
  const computed = readConfigFile('jest.config.js', 'module.exports = {\n  testMatch: shared.globs,\n};').value;
  const read = jestPatterns(computed, 'jest.config.js', '');
  assert.deepEqual(read.unread.map((u) => [u.key, u.line]), [['testMatch', 2]]);
  assert.equal(read.patterns.key, 'defaults');
});

test('vitest: include is relative to test.root, and exclude removes', () => {
  const { value } = readConfigFile('vitest.config.ts', "export default { test: { root: './tests', include: ['**/*.flow.ts'], exclude: ['slow/**'] } };");
  const read = vitestPatterns(value, 'vitest.config.ts', '');
  assert.equal(read.patterns.root, 'tests');
  assert.deepEqual(collected(read.patterns, files('tests/a.flow.ts', 'tests/slow/b.flow.ts', 'src/c.flow.ts')), ['tests/a.flow.ts']);
});

test("ava: its defaults, never its helpers, fixtures or _-prefixed files; extensions from the config", () => {
  const all = files('test/a.js', 'test/helpers/h.js', 'test/fixtures/f.js', 'test/_util.js', 'test/_shared/s.js', '__tests__/__helpers__/x.cjs', '__tests__/b.cjs', 'src/c.test.ts', 'test.js');
  assert.deepEqual(collected(avaPatterns(null, null, '', false).patterns, all), ['__tests__/b.cjs', 'test.js', 'test/a.js']);
  const ts = avaPatterns(jsonConfigValue('{ "files": ["src/**/*"], "extensions": { "ts": "module" } }'), 'package.json', '', false);
  assert.deepEqual(collected(ts.patterns, all), ['src/c.test.ts']);
});

// GLOB_NEEDS lets a default glob see only paths holding one of its substrings: each entry must be
// implied by its glob, over fixture-like paths and generated names built from the words the
// default globs look for (a prefilter that rejected a match would lose a test file).
test('GLOB_NEEDS: every path a default glob matches holds one of its substrings', () => {
  const words = ['test', 'tests', 'spec', '__tests__', '__test__', 'src', 'a', 'e2e', 'int', 'x.test', 'my-test', 'test-utils', '.test', 'spec.test'];
  const exts = ['js', 'ts', 'tsx', 'jsx', 'mjs', 'cjs', 'mts', 'cts', 'd.ts', 'json', 'md', 'test', 'spec'];
  const seps = ['.', '-', '_', '/', ''];
  const segment = fc.tuple(fc.constantFrom(...words), fc.array(fc.tuple(fc.constantFrom(...seps), fc.constantFrom(...words, ...exts)), { maxLength: 3 }))
    .map(([w, rest]) => w + rest.map(([s, x]) => s + x).join(''));
  const pathArb = fc.tuple(fc.array(segment, { maxLength: 4 }), segment, fc.constantFrom(...exts)).map(([dirs, name, ext]) => [...dirs, `${name}.${ext}`].join('/'));
  const compiled = [...GLOB_NEEDS].map(([glob, needs]) => ({ glob, needs, match: compileRepoGlob(glob) }));
  const check = (path: string) => {
    for (const { glob, needs, match } of compiled) if (match(path)) assert.ok(needs.some((n) => path.includes(n)), `${glob} matches ${path}, which holds none of ${needs.join(' ')}`);
  };
  for (const path of ['a.test.ts', 'src/__tests__/x.tsx', 'test.js', 'spec.ts', 'a/b.spec.mjs', 'a.spec.test.cts', 'x/testtest.ts', '__tests__/a.js']) check(path);
  let matched = 0;
  assertProperty(
    fc.property(pathArb, (path) => {
      if (compiled.some((c) => c.match(path))) matched++;
      check(path);
    }),
    { numRuns: 20_000 },
  );
  // The property must have seen matches, or it tested nothing.
  assert.ok(matched > 500, `${matched} generated paths matched a default glob`);
  for (const glob of [...VITEST_DEFAULTS, ...JEST_DEFAULTS, ...RSTEST_DEFAULTS, ...GENERIC_TESTS]) assert.ok(GLOB_NEEDS.has(glob), glob);
});
