/** Manual roots: what makes a file runnable on its own when no entry names it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rootsByTier } from '../../src/classify/roots.js';
import type { FileRecord } from '../../src/model/file.js';

const file = (path: string, language: FileRecord['language'], extra: Partial<FileRecord> = {}): FileRecord => ({ path, language, bytes: 1, lines: 1, codeLines: 1, hash: '0', executable: false, ...extra });

const manualOf = (files: FileRecord[]) => new Map(rootsByTier(files, [], []).find(([tier]) => tier === 'manual')![1].map((r) => [r.file, r.evidence]));

test('rootsByTier: a .wsgi script is run by path by a WSGI server; a plain module with nothing runnable is not a root', () => {
  const manual = manualOf([
    file('usr/share/radicale/radicale.wsgi', 'python'),
    file('radicale/app.py', 'python'),
    file('notes/app.wsgi.txt', 'text'),
    file('tools/run.py', 'python', { runnable: ['main-guard'] }),
  ]);
  assert.deepEqual([...manual.keys()].sort(), ['tools/run.py', 'usr/share/radicale/radicale.wsgi']);
  assert.match(manual.get('usr/share/radicale/radicale.wsgi')!, /is a WSGI script, which a server .* loads by its path/);
});

test('rootsByTier: a JS main guard reads as `require.main === module`, a Python one as `if __name__ == "__main__"` (review s56-rm4)', () => {
  const manual = manualOf([
    file('scripts/seed.js', 'javascript', { runnable: ['main-guard'] }),
    file('scripts/migrate.ts', 'typescript', { runnable: ['shebang', 'main-guard'], executable: true }),
    file('tools/run.py', 'python', { runnable: ['main-guard'] }),
  ]);
  assert.equal(manual.get('scripts/seed.js'), 'scripts/seed.js is runnable on its own: it has a `require.main === module` guard (or its ES module form)');
  assert.equal(manual.get('scripts/migrate.ts'), 'scripts/migrate.ts is runnable on its own: it has a shebang line, it has a `require.main === module` guard (or its ES module form) (executable)');
  assert.equal(manual.get('tools/run.py'), 'tools/run.py is runnable on its own: it has an `if __name__ == "__main__"` guard');
});

test('rootsByTier: an entry that only types its file (tsconfig-augmentations) is tried after the roots that run files', async () => {
  const { classify } = await import('../../src/classify/verdicts.js');
  const files = [file('test/a.spec.ts', 'typescript'), file('test/payload-types.ts', 'typescript'), file('test/other-types.ts', 'typescript')];
  const edges = [{ from: 'test/a.spec.ts', to: 'test/payload-types.ts', kind: 'import' as const, line: 1, specifier: './payload-types', names: ['Post'], guard: null }];
  const entries = [
    { file: 'test/a.spec.ts', kind: 'test' as const, detector: 'tests', source: 'vitest.config.ts', evidence: 'vitest include' },
    { file: 'test/payload-types.ts', kind: 'tooling' as const, detector: 'tsconfig-augmentations', source: 'tsconfig.json', evidence: 'include at tsconfig.json:2: in the TypeScript program' },
    { file: 'test/other-types.ts', kind: 'tooling' as const, detector: 'tsconfig-augmentations', source: 'tsconfig.json', evidence: 'include at tsconfig.json:2: in the TypeScript program' },
  ];
  const { verdicts } = classify(files, edges, entries);
  // Imported by a test: it keeps the test's chain, though the typing entry is tooling (a tier before test).
  assert.equal(verdicts.get('test/payload-types.ts')!.verdict, 'test');
  assert.match(verdicts.get('test/payload-types.ts')!.evidence.join('\n'), /imported by test\/a\.spec\.ts:1/);
  // Reached by nothing else: the typing entry decides.
  assert.equal(verdicts.get('test/other-types.ts')!.verdict, 'tooling');
  assert.match(verdicts.get('test/other-types.ts')!.evidence[0], /in the TypeScript program/);
});

test('rootsByTier: a typing root claims only its own file: what it imports is not reached through it (review 3 #1)', async () => {
  const { classify } = await import('../../src/classify/verdicts.js');
  const { allChains } = await import('../../src/classify/explain.js');
  // A store file that types `window.__STORE__` with a `declare global`, imported by nothing: its imports stay dead.
  const files = [file('src/legacy/store.ts', 'typescript'), file('src/legacy/create-store.ts', 'typescript'), file('src/legacy/reducers.ts', 'typescript')];
  const edge = (from: string, to: string) => ({ from, to, kind: 'import' as const, line: 1, specifier: `./${to}`, names: ['x'], guard: null });
  const edges = [edge('src/legacy/store.ts', 'src/legacy/create-store.ts'), edge('src/legacy/store.ts', 'src/legacy/reducers.ts')];
  const entries = [{ file: 'src/legacy/store.ts', kind: 'tooling' as const, detector: 'tsconfig-augmentations', source: 'tsconfig.json', evidence: 'include at tsconfig.json:2: in the TypeScript program' }];
  const { verdicts } = classify(files, edges, entries);
  assert.equal(verdicts.get('src/legacy/store.ts')!.verdict, 'tooling');
  assert.equal(verdicts.get('src/legacy/create-store.ts')!.verdict, 'dead');
  assert.equal(verdicts.get('src/legacy/reducers.ts')!.verdict, 'dead');
  // census explain shows no chain through it either.
  assert.deepEqual(allChains({ files, edges, entries }, 'src/legacy/create-store.ts', 5), []);
});

test('rootsByTier: of equally short chains, a service manager\'s program beats an installed command, which beats any other root, whatever their paths (stop 55)', async () => {
  const { classify } = await import('../../src/classify/verdicts.js');
  const files = ['aaa/filter.py', 'zz/init.d/svc', 'usr/bin/svc-status', 'pkg/svc.py', 'pkg/db.py'].map((p) => file(p, 'python'));
  const edge = (from: string, to: string) => ({ from, to, kind: 'import' as const, line: 1, specifier: to, names: [], guard: null });
  const entry = (f: string, detector: string) => ({ file: f, kind: 'production' as const, detector, source: f, evidence: `${f}: by ${detector}` });
  const edges = [edge('aaa/filter.py', 'pkg/db.py'), edge('usr/bin/svc-status', 'pkg/db.py'), edge('zz/init.d/svc', 'pkg/svc.py'), edge('usr/bin/svc-status', 'pkg/svc.py'), edge('aaa/filter.py', 'pkg/svc.py')];
  const run = (detectors: [string, string, string]) => classify(files, edges, [entry('aaa/filter.py', detectors[0]), entry('usr/bin/svc-status', detectors[1]), entry('zz/init.d/svc', detectors[2])]).verdicts;
  const verdicts = run(['paste-deploy', 'installed-commands', 'init-scripts']);
  assert.equal(verdicts.get('pkg/svc.py')!.evidence[0], 'zz/init.d/svc: by init-scripts');
  assert.equal(verdicts.get('pkg/db.py')!.evidence[0], 'usr/bin/svc-status: by installed-commands');
  // Roots of one kind go by path, as before.
  assert.equal(run(['paste-deploy', 'package-json', 'tests']).get('pkg/db.py')!.evidence[0], 'aaa/filter.py: by paste-deploy');
});

test('rootsByTier: one file\'s roots go by detector, not by their sentences\' wording (stop 55: "the entry point" moved glance\'s ties)', () => {
  const entries = (a: string, b: string) => [
    { file: 'pkg/api/__init__.py', kind: 'production' as const, detector: 'paste-deploy', source: 'etc/api-paste.ini', evidence: a },
    { file: 'pkg/api/__init__.py', kind: 'production' as const, detector: 'installed-entry-points', source: 'pkg.egg-info/entry_points.txt', evidence: b },
  ];
  const first = (a: string, b: string) => rootsByTier([file('pkg/api/__init__.py', 'python')], [], entries(a, b))[0][1][0].detector;
  // The PasteDeploy app loads the file; the metadata only names it: first, whatever either sentence says.
  assert.equal(first('PasteDeploy config etc/api-paste.ini [app:api]', 'entry point [oslo.policy.enforcer] x = pkg.api:f'), 'paste-deploy');
  assert.equal(first('z PasteDeploy config', 'entry point [oslo.policy.enforcer] x = pkg.api:f'), 'paste-deploy');
  assert.equal(first('PasteDeploy config', 'a entry point'), 'paste-deploy');
});

test('rootsByTier: among one file\'s roots of one rank, a declared command, then a command line, then the rest (Stop 58, Entry.startedBy)', () => {
  const files = [file('bin/hubot', 'javascript'), file('app.js', 'javascript'), file('lib/other.js', 'javascript'), file('usr/bin/svc', 'python')];
  const entry = (f: string, detector: string, evidence: string, startedBy?: 'command-line' | 'declared-command') => ({ file: f, kind: 'production' as const, detector, source: 'package.json', evidence, ...(startedBy ? { startedBy } : {}) });
  const entries = [
    entry('app.js', 'package-json', 'package.json main'),
    entry('app.js', 'package-json', 'package.json script "start"', 'command-line'),
    entry('bin/hubot', 'package-json', 'package.json script "start"', 'command-line'),
    entry('bin/hubot', 'package-json', 'package.json bin "hubot"', 'declared-command'),
    // Another file is not a tie: paths keep their order, so lib/other.js's main stays after app.js and bin/hubot.
    entry('lib/other.js', 'package-json', 'package.json main'),
    // The rank still comes first: the unit's line (rank 0) before the installed command (rank 1) that it runs.
    entry('usr/bin/svc', 'installed-commands', 'usr/bin/svc: an installed command', 'declared-command'),
    entry('usr/bin/svc', 'systemd', 'systemd x.service ExecStart', 'command-line'),
  ];
  const production = rootsByTier(files, [], entries).find(([tier]) => tier === 'production')![1];
  assert.deepEqual(
    production.map((r) => `${r.file} ${r.evidence.replace(/^.* (?=package|usr|systemd)/, '')}`),
    [
      'usr/bin/svc systemd x.service ExecStart',
      'usr/bin/svc usr/bin/svc: an installed command',
      'app.js package.json script "start"',
      'app.js package.json main',
      'bin/hubot package.json bin "hubot"',
      'bin/hubot package.json script "start"',
      'lib/other.js package.json main',
    ],
  );
});
