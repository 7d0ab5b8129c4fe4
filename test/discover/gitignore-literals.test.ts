/**
 * The literal first test of a .gitignore's rules (gitignore-literals.ts): it rules a path out only
 * when the `ignore` library would answer neither ignored nor re-included, and it does rule out the
 * paths that hold no rule's text (what the walk outside git saves).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ignore } from 'ignore';
import { gitignoreLiteralFilter } from '../../src/discover/gitignore-literals.js';
import { walkFiles } from '../../src/discover/walk.js';
import { scratchDir } from '../helpers/scratch.js';

const ignore = (): Ignore => (createRequire(import.meta.url)('ignore') as typeof import('ignore'))();

const RULES = [
  '*.log', '/build/', 'packages/ui/esbuild', '!keep.log', '[Dd]esktop.ini', '*.py[cod]', '*\\.egg*', 'a\\-b', '\\!important',
  '\\#hash', 'x[]y]z', 'q[ab', 'foo/**/bar', '**/node_modules', 'Media/', 'trailing   ', 'tab\t', '.env*', 'dist',
  '\uFEFFbom.txt', 'crlf.txt\r', 'sp\\ ace', '#comment words', 'gen/', '!gen/keep/',
];
const PATHS = [
  'app.log', 'src/keep.log', 'build/', 'build/x.js', 'src/build/', 'packages/ui/esbuild', 'packages/ui/esbuild/x.js', 'Desktop.ini',
  'desktop.ini', 'a/x.pyc', 'x.py', 'pkg.egg-info/', 'pkg.egg-info/PKG-INFO', 'a-b', '!important', 'important', '#hash', 'xyz', 'x]yz',
  'qa', 'q[ab', 'foo/bar', 'foo/a/b/bar', 'node_modules/', 'a/node_modules/b.js', 'media/', 'MEDIA/x.png', 'trailing', 'tab\t', '.env',
  '.env.local', 'src/dist/', 'bom.txt', 'crlf.txt', 'sp ace', 'comment', 'words', 'gen/', 'gen/keep/', 'gen/keep/k.ts', 'gen/x.ts',
  'src/app.ts', 'README.md', 'DIST/', 'deep/a/b/c/Dist/f.ts',
];

test('gitignore literals: whatever the library matches (ignored or re-included, by a rule or by a folder) is let through', () => {
  // Every rule alone, then runs of neighbours (the last matching rule decides; negations after positives).
  const texts = [...RULES.map((r) => r), ...RULES.map((_, i) => RULES.slice(i, i + 4).join('\n')), RULES.join('\n'), RULES.join('\r\n')];
  let matched = 0;
  for (const text of texts) {
    const filter = gitignoreLiteralFilter(text);
    const rules = ignore().add(text);
    for (const path of PATHS) {
      const result = rules.test(path);
      if (!result.ignored && !result.unignored) continue;
      matched++;
      assert.ok(filter === null || filter(path), `${JSON.stringify(text)} matches ${JSON.stringify(path)}, the filter ruled it out`);
    }
  }
  assert.ok(matched > 100, `the cases match paths (${matched})`);
});

test('gitignore literals: a path that holds no rule text is ruled out; a rule without literal text rules nothing out', () => {
  const filter = gitignoreLiteralFilter('# build output\n*.log\n/build/\npackages/ui/esbuild\n[Dd]esktop.ini\n*\\.egg*\n');
  assert.ok(filter !== null);
  assert.equal(filter('src/app.ts'), false);
  assert.equal(filter('packages/ui/src/index.ts'), false, 'the last run of a path rule, not its first folder');
  assert.equal(filter('output/x.js'), false, 'a comment holds no rule');
  assert.equal(filter('desktop.ini'), true);
  assert.equal(filter('pkg.EGG-info/'), true, 'letters case-insensitively');
  assert.equal(filter('a/b/BUILD/'), true);
  assert.equal(gitignoreLiteralFilter('*.log\n*\n'), null);
  assert.equal(gitignoreLiteralFilter('dist\n!\n'), null, 'a lone ! is left to the library');
  assert.equal(gitignoreLiteralFilter('\\*\n'), null, 'an escaped wildcard is no run');
  assert.equal(gitignoreLiteralFilter('# only a comment\n\n   \n')?.('anything'), false);
});

test('walkFiles with the literal filter: a folder one .gitignore ignores and a nested one re-includes keeps its files ignored as before', () => {
  const root = scratchDir('walk-gitignore-literals');
  const write = (path: string, text = 'x\n'): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('.gitignore', 'gen/\n[Dd]esktop.ini\n*\\.egg*\n');
  write('pkg/.gitignore', '!gen/\n');
  write('pkg/gen/x.ts');
  write('pkg/src/a.ts');
  write('pkg/Desktop.ini');
  write('pkg/x.egg-info/PKG-INFO');
  write('gen/y.ts');
  assert.deepEqual(walkFiles(root, true).sort(), ['.gitignore', 'pkg/.gitignore', 'pkg/src/a.ts']);
});

test('gitignore literals: a .gitignore of more distinct runs than one expression is built from is asked rule by rule', () => {
  const many = Array.from({ length: 1001 }, (_, i) => `generated-${i}.txt`).join('\n');
  assert.equal(gitignoreLiteralFilter(many), null);
  assert.notEqual(gitignoreLiteralFilter(Array.from({ length: 1000 }, (_, i) => `generated-${i}.txt`).join('\n')), null);
});
