/**
 * Declaration files reached by what TypeScript reads them for: a wildcard `declare module` that
 * types an import, and a `/// <reference path>` directive (fixture wiring/ambient-declarations).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { AMBIENT_MODULE, buildAmbientModuleEdges, hasEmptyExport, wildcardModulesOf } from '../../src/graph/ambient-module-edges.js';
import { lineCounter } from '../../src/util/lines.js';
import type { FactsOfFile } from '../../src/graph/import-edges.js';
import type { Edge } from '../../src/model/edge.js';
import { emptyFacts } from '../../src/model/facts.js';
import { Manifests } from '../../src/manifests/store.js';

test('a wildcard ambient module types the imports that match it and reach no module of their own', async () => {
  const { audit } = await scanDir(fixturePath('wiring', 'ambient-declarations'));
  const ambient = audit.edges.filter((e) => e.via === AMBIENT_MODULE).map((e) => [e.from, e.line, e.specifier, e.to, e.kind]);
  assert.deepEqual(ambient, [
    ['src/app.ts', 1, './logo.png', 'types/assets.d.ts', 'type-import'],
    ['src/app.ts', 2, './blur.glsl?raw', 'types/assets.d.ts', 'type-import'],
    ['src/app.ts', 3, 'virtual:settings', 'types/assets.d.ts', 'type-import'],
    // `export … from` reads it too; `import Url = require()` inside a block leaves the file a script
    ['src/icons.ts', 1, './arrow.svg', 'types/assets.d.ts', 'type-import'],
  ]);
  // the sentence names the declaration's line
  assert.match(audit.edges.find((e) => e.via === AMBIENT_MODULE && e.line === 3)?.label ?? '', /declare module 'virtual:\*' at types\/assets\.d\.ts:14/);
  // media.d.ts types no import; augmenting.d.ts is a module, where a pattern is an augmentation TypeScript rejects
  const verdicts = Object.fromEntries(audit.files.map((f) => [f.path, f.verdict]));
  assert.equal(verdicts['types/media.d.ts'], 'dead');
  assert.equal(verdicts['types/augmenting.d.ts'], 'dead');
});

test('a reference path names a file relative to its own folder; reference types names a package', async () => {
  const { audit } = await scanDir(fixturePath('wiring', 'ambient-declarations'));
  const fromAssets = audit.edges.filter((e) => e.from === 'types/assets.d.ts').map((e) => [e.specifier, e.to, e.kind, e.unresolved ?? null, e.package ?? null]);
  assert.deepEqual(fromAssets, [
    ['build-globals.d.ts', 'types/build-globals.d.ts', 'type-import', null, null],
    ['node', null, 'type-import', 'external', 'node'],
    ['url', null, 'import', 'builtin', null],
  ]);
});

test('an exact ambient module types every import of its name; a module file augments and an unimported name reaches nothing', async () => {
  const { audit } = await scanDir(fixturePath('wiring', 'ambient-exact-modules'));
  const ambient = audit.edges.filter((e) => e.via === AMBIENT_MODULE).map((e) => [e.from, e.line, e.specifier, e.to]);
  assert.deepEqual(ambient, [
    ['src/main.ts', 1, 'virtual:app/routes', 'types/virtual.d.ts'],
    ['src/main.ts', 2, 'untyped-colours', 'types/untyped.d.ts'],
    // the augmenting module's own import of the name is typed by it too (that file stays dead: nothing imports it)
    ['types/augment.d.ts', 2, 'untyped-colours', 'types/untyped.d.ts'],
  ]);
  assert.match(audit.edges.find((e) => e.via === AMBIENT_MODULE && e.line === 1)?.label ?? '', /declare module 'virtual:app\/routes' at types\/virtual\.d\.ts:2/);
  const verdicts = Object.fromEntries(audit.files.map((f) => [f.path, f.verdict]));
  assert.equal(verdicts['types/unused.d.ts'], 'dead');
  assert.equal(verdicts['types/augment.d.ts'], 'dead');
  // `export {}` makes a module of it, whose declare module augments: no import reaches it by name
  assert.equal(verdicts['types/global-components.d.ts'], 'dead');
});

test('the line of each declare module: counted once per file, as counting from the start finds it', () => {
  const text = 'a\n\nb\nc\n\n\nd';
  const naive = (offset: number): number => text.slice(0, offset).split('\n').length;
  const line = lineCounter(text);
  for (let offset = 0; offset <= text.length; offset++) assert.equal(line(offset), naive(offset), `offset ${offset}`);
  // asked out of order, it starts again
  assert.equal(line(2), naive(2));
  assert.equal(line(0), 1);
});

test('imports are set aside by specifier only when no declared name or pattern can match them', () => {
  const texts: Record<string, string> = {
    'package.json': '{}',
    'types/assets.d.ts': "declare module '*.svg';\ndeclare module 'assets:*';\ndeclare module 'virtual:*.js';\ndeclare module 'untyped';\n",
    'pkg/package.json': '{}',
    'pkg/any.d.ts': "declare module '*';\n",
  };
  const manifests = new Manifests({ readText: (p) => texts[p] ?? null, files: new Set([...Object.keys(texts), 'src/a.ts', 'pkg/b.ts']) });
  const file = (path: string): FactsOfFile => ({ path, language: 'typescript', facts: { ...emptyFacts() } });
  const files = [file('types/assets.d.ts'), file('pkg/any.d.ts'), file('src/a.ts'), file('pkg/b.ts')];
  const edge = (from: string, line: number, specifier: string): Edge => ({ from, to: null, kind: 'import', line, specifier, names: [], guard: null, unresolved: 'not-found' });
  const imports = [
    edge('src/a.ts', 1, './logo.svg'), edge('src/a.ts', 2, './logo.png'), edge('src/a.ts', 3, 'assets:x'), edge('src/a.ts', 4, 'virtual:x.js'),
    edge('src/a.ts', 5, 'virtual:x.ts'), edge('src/a.ts', 6, 'untyped'), edge('src/a.ts', 7, ''), edge('pkg/b.ts', 1, ''), edge('pkg/b.ts', 2, 'anything'),
  ];
  const reached = buildAmbientModuleEdges(files, imports, manifests).map((e) => `${e.from}:${e.line} ${e.to}`);
  assert.deepEqual(reached, ['src/a.ts:1 types/assets.d.ts', 'src/a.ts:3 types/assets.d.ts', 'src/a.ts:4 types/assets.d.ts', 'src/a.ts:6 types/assets.d.ts', 'pkg/b.ts:1 pkg/any.d.ts', 'pkg/b.ts:2 pkg/any.d.ts']);
});

test('the declarations found from the line starts of `declare` and `export` are those the expressions find at every offset (seeded texts)', () => {
  // The expressions the scan asked of the whole text before (stop 65), kept here as the reference.
  const WILDCARD = /^[ \t]*declare[ \t]+module[ \t]+(['"])([^'"*\n]*)\*([^'"*\n]*)\1/gm;
  const EXACT = /^[ \t]*declare[ \t]+module[ \t]+(['"])([^'".*\n][^'"*\n]*)\1/gm;
  const EMPTY_EXPORT = /^export[ \t]*\{[ \t]*\}/m;
  const reference = (file: string, text: string) => {
    const wildcardLine = lineCounter(text);
    const exactLine = lineCounter(text);
    return [
      ...[...text.matchAll(WILDCARD)].map((m) => ({ file, line: wildcardLine(m.index ?? 0), prefix: m[2], suffix: m[3] })),
      ...[...text.matchAll(EXACT)].map((m) => ({ file, line: exactLine(m.index ?? 0), prefix: m[2], suffix: '', exact: true as const })),
    ];
  };
  // Pieces that start, break or run a declaration across what `^` takes for a line start (\r, U+2028 too).
  const pieces = ['declare', 'declare module ', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', "'", '"', '*', 'a', '.', 'x.svg', 'module', 'export', 'export {}', '{', '}', 'declaredeclare', ';', '/', 'namespace'];
  let seed = 65;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 3000; round++) {
    let text = '';
    const length = 1 + next(30);
    for (let i = 0; i < length; i++) text += pieces[next(pieces.length)];
    assert.deepEqual(wildcardModulesOf('t.d.ts', text), reference('t.d.ts', text), JSON.stringify(text));
    assert.equal(hasEmptyExport(text), EMPTY_EXPORT.test(text), JSON.stringify(text));
  }
  // A name that runs past a lone \r over a second declaration: the walk does not look inside the first match.
  const across = "declare module 'a\r declare module 'b'";
  assert.equal(wildcardModulesOf('t.d.ts', across).length, 1);
  assert.deepEqual(wildcardModulesOf('t.d.ts', across), reference('t.d.ts', across));
});

test('names and patterns of one code unit are asked under the unit their names end or begin with', () => {
  const texts: Record<string, string> = {
    'package.json': '{}',
    'types/short.d.ts': "declare module 'q';\ndeclare module '*s';\ndeclare module 'z*';\ndeclare module '*.css';\n",
  };
  const manifests = new Manifests({ readText: (p) => texts[p] ?? null, files: new Set([...Object.keys(texts), 'src/a.ts']) });
  const file = (path: string): FactsOfFile => ({ path, language: 'typescript', facts: { ...emptyFacts() } });
  const edge = (line: number, specifier: string): Edge => ({ from: 'src/a.ts', to: null, kind: 'import', line, specifier, names: [], guard: null, unresolved: 'not-found' });
  const imports = [edge(1, 'q'), edge(2, 's'), edge(3, 'xq'), edge(4, './m.js'), edge(5, 'z'), edge(6, 'a.css'), edge(7, 'css'), edge(8, 'zq')];
  const reached = buildAmbientModuleEdges([file('types/short.d.ts'), file('src/a.ts')], imports, manifests).map((e) => `${e.line} ${e.specifier}`);
  // `./m.js` ends in s (`*s`), `zq` begins with z; `xq` is not the exact name `q`
  assert.deepEqual(reached, ['1 q', '2 s', '4 ./m.js', '5 z', '6 a.css', '7 css', '8 zq']);
});
