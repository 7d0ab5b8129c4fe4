/**
 * JS/TS extraction + resolution on fixture repos, one resolution rule per fixture: every file of the
 * JS/TS family (.js, .ts, and the script blocks of .vue, .svelte, .astro) is extracted by its
 * language record's extractor and each import resolved against the fixture's own file list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolveContext } from '../../src/resolve/types.js';
import { languageFromPath } from '../../src/discover/language.js';
import { languageRecord } from '../../src/languages/registry.js';
import { createJavaScriptResolver } from '../../src/languages/javascript/resolve.js';
import { expectedFor, fixtureCases, fixturePath } from '../helpers/fixtures.js';
import { Manifests } from '../../src/manifests/store.js';

/** The extractor of a JS/TS-family file, by its language record. */
const extractorOf = (path: string) => {
  const spec = languageRecord(languageFromPath(path) ?? 'other');
  return spec?.ecosystem === 'javascript' ? spec.extractor : undefined;
};

const listFiles = (root: string, dir = ''): string[] =>
  readdirSync(join(root, dir))
    .sort()
    .flatMap((name) => {
      const rel = dir === '' ? name : `${dir}/${name}`;
      return statSync(join(root, rel)).isDirectory() ? listFiles(root, rel) : [rel];
    });

const readOrNull = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** Imports and commands of every JS/TS file under `root`, resolved against `files`. */
const extractAndResolve = (root: string, files: string[]): { imports: object[]; commands: object[] } => {
  const manifests = new Manifests({ files: new Set(files), readText: (p) => readOrNull(join(root, p)) });
  const ctx: ResolveContext = { rootAbs: root, files: manifests.files, manifests };
  const resolver = createJavaScriptResolver(ctx);
  const imports: object[] = [];
  const commands: object[] = [];
  for (const file of files) {
    const extractor = extractorOf(file);
    if (!extractor) continue;
    const facts = extractor.extract(file, readFileSync(join(root, file), 'utf8'));
    assert.deepEqual(facts.diagnostics, [], `${file} parses cleanly`);
    for (const fact of facts.imports) {
      for (const r of resolver.resolve(fact, file)) {
        imports.push({
          from: file,
          line: fact.line,
          specifier: fact.specifier,
          syntax: fact.syntax,
          ...(fact.typeOnly ? { typeOnly: true } : {}),
          ...(fact.guard ? { guard: fact.guard } : {}),
          to: r.to,
          ...(r.via ? { via: r.via } : {}),
          ...(r.unresolved ? { unresolved: r.unresolved } : {}),
          ...(r.package ? { package: r.package } : {}),
          ...(r.mapping ? { mapping: r.mapping } : {}),
        });
      }
    }
    for (const command of facts.commands) commands.push({ from: file, ...command });
  }
  return { imports, commands };
};

for (const name of fixtureCases('javascript')) {
  test(`javascript resolution: ${name}`, () => {
    const root = fixturePath('javascript', name);
    const actual = extractAndResolve(root, listFiles(root));
    assert.deepEqual(actual, expectedFor('javascript', name, actual));
  });
}

test('javascript resolution: a root reached through a symbolic link gives the same graph (oxc answers real paths)', () => {
  const holder = mkdtempSync(join(tmpdir(), 'census-js-linked-root-'));
  try {
    cpSync(fixturePath('javascript', 'workspaces'), join(holder, 'real'), { recursive: true });
    symlinkSync(join(holder, 'real'), join(holder, 'link'), 'dir');
    const root = join(holder, 'link');
    assert.deepEqual(extractAndResolve(root, listFiles(root)), JSON.parse(readFileSync(`${fixturePath('javascript', 'workspaces')}.expected.json`, 'utf8')));
  } finally {
    rmSync(holder, { recursive: true, force: true });
  }
});

test('javascript resolution: workspaces linked through node_modules give the same graph', () => {
  const root = mkdtempSync(join(tmpdir(), 'census-js-workspaces-'));
  try {
    cpSync(fixturePath('javascript', 'workspaces'), root, { recursive: true });
    mkdirSync(join(root, 'node_modules/@shop'), { recursive: true });
    symlinkSync('../../packages/pricing', join(root, 'node_modules/@shop/pricing'), 'dir');
    symlinkSync('../../packages/legacy-utils', join(root, 'node_modules/@shop/legacy-utils'), 'dir');
    mkdirSync(join(root, 'node_modules/lodash-es'), { recursive: true });
    writeFileSync(join(root, 'node_modules/lodash-es/package.json'), '{ "name": "lodash-es", "main": "lodash.js" }');
    writeFileSync(join(root, 'node_modules/lodash-es/lodash.js'), 'export const groupBy = () => ({});');
    // census lists repo files without node_modules, as discovery does.
    const files = listFiles(root).filter((f) => !f.startsWith('node_modules/'));
    const linked = extractAndResolve(root, files);
    assert.deepEqual(linked, JSON.parse(readFileSync(`${fixturePath('javascript', 'workspaces')}.expected.json`, 'utf8')));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('javascript resolution: importers asked in turn each get their own folder and kind (stop 62: the last importer is remembered)', () => {
  const root = mkdtempSync(join(tmpdir(), 'census-js-importers-'));
  try {
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    // A TypeScript importer reaches the declaration beside a file TypeScript does not load; a JavaScript one does not.
    write('a/q.graphql', 'query { x }');
    write('a/q.graphql.d.ts', 'export {};');
    write('b/q.graphql', 'query { y }');
    write('b/q.graphql.d.ts', 'export {};');
    write('a/x.ts', '');
    write('b/y.js', '');
    const files = listFiles(root);
    const manifests = new Manifests({ files: new Set(files), readText: (p) => readOrNull(join(root, p)) });
    const resolver = createJavaScriptResolver({ rootAbs: root, files: manifests.files, manifests });
    const fact = (specifier: string) => ({ specifier, syntax: 'import' as const, line: 1, names: [], guard: null });
    const targets = (from: string, specifier: string) => resolver.resolve(fact(specifier), from).map((r) => r.to);
    // Asked in turn, and the same question again for each after the other: never the previous importer's answer.
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(targets('a/x.ts', './q.graphql'), ['a/q.graphql', 'a/q.graphql.d.ts']);
      assert.deepEqual(targets('b/y.js', './q.graphql'), ['b/q.graphql']);
      assert.deepEqual(targets('a/x.ts', '../b/q.graphql'), ['b/q.graphql', 'b/q.graphql.d.ts']);
      assert.deepEqual(targets('b/y.js', '../a/q.graphql'), ['a/q.graphql']);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('javascript resolution: a package name is answered once per package scope, apart for a folder under another tsconfig or in another package (stop 63)', () => {
  const root = mkdtempSync(join(tmpdir(), 'census-js-scope-answers-'));
  try {
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('package.json', JSON.stringify({ private: true, workspaces: ['packages/*'] }));
    write('packages/ui/package.json', JSON.stringify({ name: '@acme/ui', exports: { '.': './src/index.ts' } }));
    write('packages/ui/src/index.ts', 'export {};');
    write('packages/ui/src/a/x.ts', '');
    write('packages/ui/src/c/w.ts', '');
    // A folder of the same package whose own tsconfig maps the name elsewhere.
    write('packages/ui/src/b/tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@acme/ui': ['./alt.ts'] } } }));
    write('packages/ui/src/b/alt.ts', 'export {};');
    write('packages/ui/src/b/y.ts', '');
    write('packages/app/package.json', JSON.stringify({ name: 'app' }));
    write('packages/app/src/z.ts', '');
    const files = listFiles(root);
    const manifests = new Manifests({ files: new Set(files), readText: (p) => readOrNull(join(root, p)) });
    const resolver = createJavaScriptResolver({ rootAbs: root, files: manifests.files, manifests });
    const fact = { specifier: '@acme/ui', syntax: 'import' as const, line: 1, names: [], guard: null };
    const fromA = resolver.resolve(fact, 'packages/ui/src/a/x.ts');
    const fromC = resolver.resolve(fact, 'packages/ui/src/c/w.ts');
    // Two folders of one package under one config share the answer itself, not a copy of it.
    assert.equal(fromC, fromA);
    assert.deepEqual(fromA.map((r) => [r.to, r.via]), [['packages/ui/src/index.ts', 'package-exports']]);
    // Another config in the same package, and another package: their own answers.
    assert.deepEqual(resolver.resolve(fact, 'packages/ui/src/b/y.ts').map((r) => [r.to, r.via]), [['packages/ui/src/b/alt.ts', 'tsconfig-paths']]);
    assert.deepEqual(resolver.resolve(fact, 'packages/app/src/z.ts').map((r) => [r.to, r.via]), [['packages/ui/src/index.ts', 'workspace']]);
    // And asked again after them, the first folder's answer is still its own.
    assert.deepEqual(resolver.resolve(fact, 'packages/ui/src/c/w.ts').map((r) => [r.to, r.via]), [['packages/ui/src/index.ts', 'package-exports']]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
