/**
 * census's glob matcher: the same answers as picomatch (dot: true) on ordinary patterns, checked
 * on generated patterns and paths; and bounded work on the patterns that make picomatch's
 * backtracking regular expressions run for minutes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { compileGlob, compileGlobs, compileRepoGlob, GlobError, globDepth, isGlob, segmentTextBothWays } from '../../src/util/glob.js';

test('ordinary globs match as picomatch does', () => {
  const cases: [string, string, boolean][] = [
    ['*.py', 'a.py', true],
    // A literal folder past the head must occur in the path (the inner prefilter), with or without a name after it.
    ['**/__tests__/**/*.ts', '__tests__/a.ts', true],
    ['**/__tests__/**/*.ts', 'x/__tests__/y/a.ts', true],
    ['**/__tests__/**/*.ts', 'x/__tests__.ts', false],
    ['**/__tests__/**/*.ts', 'x/__tests__x/a.ts', false],
    ['**/__tests__/**/*.ts', 'x/a__tests__/a.ts', false],
    ['**/tests/**', 'a/tests', true],
    ['**/tests/**', 'tests', true],
    ['a/*/int/**/*.spec.ts', 'a/b/int/c/d.spec.ts', true],
    ['a/*/int/**/*.spec.ts', 'a/b/intx/d.spec.ts', false],
    ['*.py', 'dir/a.py', false],
    ['**/*.py', 'dir/sub/a.py', true],
    ['**/*.py', 'a.py', true],
    ['src/**', 'src/a/b.ts', true],
    ['src/**/test_*.py', 'src/test_a.py', true],
    ['*.{js,ts}', 'x.ts', true],
    ['*.{js,ts}', 'x.tsx', false],
    ['file{1..3}.txt', 'file2.txt', true],
    ['[abc].py', 'b.py', true],
    ['?.py', 'ab.py', false],
    ['*', '.hidden', true],
    ['**/__tests__/**/*.[jt]s?(x)', 'src/__tests__/a.jsx', true],
    ['**/?(*.)+(spec|test).[jt]s?(x)', 'src/a.test.tsx', true], // Jest's default testMatch
    ['**/?(*.)+(spec|test).[jt]s?(x)', 'spec.js', true],
    ['**/?(*.)+(spec|test).[jt]s?(x)', 'src/a.tests.ts', false],
  ];
  // POSIX negated classes: picomatch reads `[!abc]` as the characters !, a, b, c unless told posix.
  assert.equal(compileGlob('[!abc].py')('b.py'), false);
  assert.equal(compileGlob('[!abc].py')('d.py'), true);
  for (const [glob, path, expected] of cases) {
    assert.equal(compileGlob(glob)(path), expected, `${glob} ~ ${path}`);
    assert.equal(picomatch(glob, { dot: true })(path), expected, `picomatch agrees: ${glob} ~ ${path}`);
  }
});

test('a name pattern after **: the last segment decides first, for every alternative of the glob', () => {
  // vitest's own kinds: 24 alternatives, a class before the literal tail, matched against every file.
  const cases: [string, string, boolean][] = [
    ['**/*.{bench,benchmark}.?(c|m)[jt]s?(x)', 'a/b/c.bench.ts', true],
    ['**/*.{bench,benchmark}.?(c|m)[jt]s?(x)', 'c.benchmark.mjsx', true],
    ['**/*.{bench,benchmark}.?(c|m)[jt]s?(x)', 'a/c.bench.ps', false],
    ['**/*.{bench,benchmark}.?(c|m)[jt]s?(x)', 'a/bench.ts', false],
    ['**/*.{bench,benchmark}.?(c|m)[jt]s?(x)', 'a.bench.ts/b.ts', false],
    ['src/**/[^_]*.py', 'src/a/b.py', true],
    ['src/**/[^_]*.py', 'src/a/_b.py', false],
    ['**/__tests__/**/*.[jt]s', 'a/__tests__/b/c.ts', true],
    ['**/__tests__/**/*.[jt]s', 'a/__tests__.ts', false],
  ];
  for (const [glob, path, expected] of cases) {
    assert.equal(compileGlob(glob)(path), expected, `${glob} ~ ${path}`);
    assert.equal(picomatch(glob, { dot: true })(path), expected, `picomatch agrees: ${glob} ~ ${path}`);
  }
});

test('a negated pattern, the implied folder and ./ prefixes', () => {
  assert.equal(compileGlob('!**/*.py')('a.js'), true);
  assert.equal(compileGlob('!**/*.py')('a.py'), false);
  const m = compileGlobs(['./scripts', 'docs/']);
  assert.equal(m('scripts/run.sh'), true);
  assert.equal(m('scripts'), true);
  assert.equal(m('docs/a/b.md'), true);
  assert.equal(m('src/scripts.py'), false);
  assert.equal(isGlob('src/**'), true);
  assert.equal(isGlob('src/app'), false);
});

test('extended globs census cannot match safely are refused with a reason', () => {
  assert.throws(() => compileGlob('!(a|aa)b'), GlobError);
  assert.throws(() => compileGlobs(['{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}']), /glob ".*": expands to more than 256/);
  const reasons: string[] = [];
  const never = compileRepoGlob('!(x)', (r) => reasons.push(r));
  assert.equal(never('y'), false);
  assert.match(reasons[0], /glob "!\(x\)" is not read: the extended glob !\(…\) is not supported/);
  // compiled patterns are kept: a refused one is refused again with its reason, every time
  compileRepoGlob('!(x)', (r) => reasons.push(r));
  assert.equal(reasons[1], reasons[0]);
  assert.throws(() => compileGlob('!(a|aa)b'), GlobError);
});

test('a pattern compiled again is the same matcher, negated or not', () => {
  assert.equal(compileGlob('src/**/*.{ts,tsx}'), compileGlob('src/**/*.{ts,tsx}'));
  assert.equal(compileGlob('!src/**')('lib/a.ts'), true);
  assert.equal(compileGlob('!src/**')('src/a.ts'), false);
  assert.equal(compileGlob('src/**')('src/a.ts'), true);
});

test('patterns that backtrack exponentially in a regex engine finish at once', () => {
  // picomatch takes about 51 s for the first on one 30-character name; here each is microseconds.
  const names = ['a'.repeat(200), `${'a'.repeat(100)}/${'a'.repeat(100)}`];
  for (const glob of ['*a*a*a*a*a*a*a*a*a*a*a*a*b', '**/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b/**', '**/**/**/**/**/**/**/**/**/**/b']) {
    const m = compileGlob(glob);
    for (const name of names) assert.equal(m(name), false);
  }
});

test('generated globs and paths: the same answer as picomatch', () => {
  const segment = fc.array(fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '{a,b}'), { minLength: 1, maxLength: 4 }).map((t) => t.join(''));
  const glob = fc.array(fc.oneof(segment, fc.constant('**')), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
  // Real file and folder names; names ending in '.' hit picomatch quirks (`*.*` !~ `a.`) nobody relies on.
  const path = fc.array(fc.constantFrom('a', 'b', 'ab', 'ba', 'a.b', '.a', 'b.a.a', 'aa.ab'), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
  fc.assert(
    fc.property(glob, path, (g, p) => {
      // '.' and '..' segments are path syntax, not names: picomatch special-cases them, census never sees them.
      fc.pre(!p.split('/').some((s) => s === '.' || s === '..'));
      // picomatch lets a trailing /** match nothing after a literal folder (a/** ~ a) but not after a
      // wildcard one (*/** !~ a); census lets it match nothing after either.
      fc.pre(!g.endsWith('/**'));
      // `**` beside other characters is `*` in bash and census; picomatch lets it cross folders.
      // picomatch reads `***` as `**` in some places and not in others (`***` !~ a/a, a/*** ~ a/b/c).
      fc.pre(!/\*\*[^/]|[^/]\*\*|\*{3}/.test(g));
      // `.` and `..` folders inside a pattern are not normalised the same way; nobody writes them.
      fc.pre(!g.replace(/^(\.\/)+/, '').split('/').some((s) => s === '.' || s === '..'));
      assert.equal(compileGlob(g)(p), picomatch(g, { dot: true })(p), `${g} ~ ${p}`);
    }),
    { numRuns: 3000 }, // fast-check's failure message names the seed and path to replay
  );
});

test('a segment\'s literal text read off its spelling is the one its tokens give (stop 62: compiled once per segment)', () => {
  // Escapes, an unclosed class and a trailing backslash are literal by their tokens, not by their spelling.
  for (const [spelled, text] of [['src', 'src'], ['a\\*b', 'a*b'], ['[ab', '[ab'], ['a\\', 'a\\'], ['[ab]', null], ['*.ts', null], ['**', null], ['a?', null], ['', '']] as const) {
    assert.deepEqual(segmentTextBothWays(spelled), { spelled: text, tokens: text }, spelled);
  }
  const spelled = fc.array(fc.constantFrom('a', 'b', '.', '-', '*', '?', '[', ']', '[ab]', '\\', '!', '{', '}', '(', ')', '@'), { maxLength: 6 }).map((t) => t.join(''));
  fc.assert(
    fc.property(spelled, (s) => {
      const both = segmentTextBothWays(s);
      assert.equal(both.spelled, both.tokens, s);
    }),
    { numRuns: 5000, seed: 62 },
  );
});

test('globDepth: every path a glob matches has that many segments; null only where depths vary', () => {
  assert.equal(globDepth('media'), 1);
  assert.equal(globDepth('a/*/c.py'), 3);
  assert.equal(globDepth('./a/b'), 2);
  assert.equal(globDepth('{a,b}/c'), 2);
  for (const g of ['**/*.pyc', 'a/**', '{a,b/c}', '!a', '!(a)', 'x'.repeat(2000)]) assert.equal(globDepth(g), null, g);
  const segment = fc.array(fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '{a,b}', '{a,b/a}', '@(a|b)', '?(a)'), { minLength: 1, maxLength: 4 }).map((t) => t.join(''));
  const glob = fc.array(fc.oneof(segment, fc.constant('**')), { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
  const path = fc.array(fc.constantFrom('a', 'b', 'ab', 'ba', 'a.b', '.a', 'b.a.a', 'aa.ab'), { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));
  fc.assert(
    fc.property(glob, path, (g, p) => {
      const depth = globDepth(g);
      if (depth !== null && compileRepoGlob(g)(p)) assert.equal(p.split('/').length, depth, `${g} ~ ${p}`);
    }),
    { numRuns: 5000 },
  );
});
