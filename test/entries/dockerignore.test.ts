import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDockerIgnore } from '../../src/entries/support/dockerignore.js';
import { mapAbsolute, mapAbsoluteVia } from '../../src/commandline/paths.js';
import { Manifests } from '../../src/manifests/store.js';
import { compileRepoGlob } from '../../src/util/glob.js';

const files: Record<string, string> = {
  'svc/.dockerignore': '# comment line\n/docs\n**/*.local.py\ntmp*\n!docs/keep.md\n\n',
  'svc/Dockerfile.special.dockerignore': 'secret\n',
};
const store = (all: Record<string, string>) => new Manifests({ files: new Set(Object.keys(all)), readText: (p) => all[p] ?? null });
const read = store(files);

test('dockerignore: Docker syntax relative to the context, last match wins, a folder covers what is below it', () => {
  const ig = readDockerIgnore('svc', 'svc/Dockerfile', read);
  assert.ok(ig);
  assert.equal(ig.file, 'svc/.dockerignore');
  assert.ok(ig.reincludes);
  for (const p of ['svc/docs/a.md', 'svc/docs', 'svc/app/x.local.py', 'svc/x.local.py', 'svc/tmp1/y.py']) assert.ok(ig.ignored(p), p);
  // `# comment line` is no pattern; `!docs/keep.md` re-includes; `tmp*` is top-level only; paths outside the context are not its business.
  for (const p of ['svc/docs/keep.md', 'svc/comment line', 'svc/app/tmp1.py', 'svc/app/main.py', 'other/docs/a.md']) assert.ok(!ig.ignored(p), p);
});

test('dockerignore: <Dockerfile>.dockerignore wins over the context file; no file means nothing is left out', () => {
  const special = readDockerIgnore('svc', 'svc/Dockerfile.special', read);
  assert.equal(special?.file, 'svc/Dockerfile.special.dockerignore');
  assert.ok(special?.ignored('svc/secret/key.txt'));
  assert.ok(!special?.ignored('svc/docs/a.md'));
  assert.equal(readDockerIgnore('', 'Dockerfile', read), null);
});

test('dockerignore: a mapping excluding a folder maps none of its files, and the rest still maps', () => {
  const map = [{ from: '/app', to: 'svc', excluded: ['svc/docs', 'svc/app/x.local.py'] }];
  assert.equal(mapAbsolute('/app/docs/a.md', map), null);
  assert.equal(mapAbsolute('/app/app/x.local.py', map), null);
  assert.equal(mapAbsolute('/app/app/main.py', map), 'svc/app/main.py');
  assert.equal(mapAbsolute('/app/docsite/index.html', map), 'svc/docsite/index.html');
});

test('dockerignore: the pattern that leaves a path out is named; a refused pattern leaves nothing out and is a warning with its line, once', () => {
  const long = `${'a'.repeat(1100)}*`;
  const manifests = store({ '.dockerignore': `local\n${long}\n!local/keep.py\n` });
  const ig = readDockerIgnore('', 'Dockerfile', manifests);
  assert.equal(ig?.ignoredBy('local/check.py'), '.dockerignore:1 "local"');
  assert.equal(ig?.ignoredBy('local/keep.py'), null);
  readDockerIgnore('', 'other/Dockerfile', manifests);
  assert.deepEqual(
    manifests.diagnostics().map((d) => `${d.location?.file}:${d.location?.line} ${d.id}`),
    ['.dockerignore:2 dockerignore/refused-pattern'],
  );
});

test('dockerignore: an excluded path names its pattern and the COPY line', () => {
  const map = [{ from: '/app', to: '', label: 'Dockerfile:3 COPY . /app', excluded: ['local'], excludedBy: { local: '.dockerignore:1 "local"' } }];
  assert.deepEqual(mapAbsoluteVia('/app/local/check.py', map), { path: null, excluded: { path: 'local/check.py', by: '.dockerignore:1 "local"' }, label: 'Dockerfile:3 COPY . /app' });
});

test('dockerignore: the answer per path is the old rule-by-rule walk (every rule against the path and each folder above it, the last match deciding), in any order of asking', () => {
  const patterns = ['.*', '**/*.pyc', '*.sqlite', 'media', 'node_modules', 'static', 'a/b', 'a/*/c.py', '!a/b/keep.py', '{x,y/z}', '**/tmp', 'a/**/d', '!**/*.md', 'docs', '?', '[ab]*/c.py', 'a/', '/static/x'];
  const paths = [
    '.env', '.github/workflows/a.yml', 'a/.hidden', 'x.pyc', 'a/b/c.pyc', 'db.sqlite', 'a/db.sqlite', 'media', 'media/p.png', 'a/media/p.png', 'node_modules/x/i.js',
    'static/x', 'static/x/y.css', 'a/b', 'a/b/keep.py', 'a/b/c.py', 'a/q/c.py', 'a/q/r/c.py', 'x', 'x/1', 'y/z', 'y/z/w', 'y', 'tmp', 'a/tmp/f', 'a/d', 'a/e/d', 'a/e/d/f',
    'docs/r.md', 'docs/r.txt', 'b/c.py', 'ab/c.py', 'c/c.py', 'q', 'q/r', 'readme.md', 'a', 'a/x',
  ];
  const old = (rules: string[], rel: string): string | null => {
    const compiled = rules.map((raw, i) => {
      const negated = raw.startsWith('!');
      const cleaned = (negated ? raw.slice(1) : raw).replace(/^\/+/, '').replace(/\/+$/, '');
      return { negated, matches: compileRepoGlob(cleaned), line: i + 1, raw };
    });
    const folders = rel.split('/').slice(0, -1).map((_, i, all) => all.slice(0, i + 1).join('/'));
    let decided: string | null = null;
    for (const rule of compiled) if (folders.some((f) => rule.matches(f)) || rule.matches(rel)) decided = rule.negated ? null : `svc/.dockerignore:${rule.line} "${rule.raw}"`;
    return decided;
  };
  // Subsets of the patterns, each in two orders, asked in sorted and in shuffled order.
  for (let n = 1; n <= patterns.length; n++) {
    for (const rules of [patterns.slice(0, n), patterns.slice(patterns.length - n)]) {
      const ig = readDockerIgnore('svc', 'svc/Dockerfile', store({ 'svc/.dockerignore': `${rules.join('\n')}\n` }));
      assert.ok(ig);
      const asked = n % 2 === 0 ? [...paths].sort() : [...paths].reverse();
      for (const p of asked) assert.equal(ig.ignoredBy(`svc/${p}`), old(rules, p), `${rules.join(' ')} | ${p}`);
    }
  }
});
