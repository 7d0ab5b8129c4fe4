import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDockerIgnore } from '../../src/entries/support/dockerignore.js';
import { mapAbsolute } from '../../src/commandline/paths.js';

const files: Record<string, string> = {
  'svc/.dockerignore': '# comment line\n/docs\n**/*.local.py\ntmp*\n!docs/keep.md\n\n',
  'svc/Dockerfile.special.dockerignore': 'secret\n',
};
const read = (p: string) => files[p] ?? null;

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
