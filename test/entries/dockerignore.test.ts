import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDockerIgnore } from '../../src/entries/support/dockerignore.js';
import { mapAbsolute, mapAbsoluteVia } from '../../src/commandline/paths.js';
import { Manifests } from '../../src/manifests/store.js';

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
