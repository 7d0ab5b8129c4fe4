/**
 * Stop 60: a relative import that names a listed file (`./a.js` → a.ts) is answered from the file
 * list (resolution/listed-relative.ts) instead of oxc. It must answer what oxc answers or leave the
 * import to oxc: a file on disk that the census does not list (excluded), a folder named like a
 * candidate, a listed link, a path through a folder link, a query — each falls back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportFact } from '../../src/model/facts.js';
import type { ResolveContext } from '../../src/resolve/types.js';
import { Manifests } from '../../src/manifests/store.js';
import { createJavaScriptResolver } from '../../src/languages/javascript/resolve.js';
import { listedRelative, throughFolderLink, type ListedRelativeContext } from '../../src/languages/javascript/resolution/listed-relative.js';
import { fixtureCases, fixturePath } from '../helpers/fixtures.js';
import { languageFromPath } from '../../src/discover/language.js';
import { languageRecord } from '../../src/languages/registry.js';
import { pathExists } from '../../src/util/fs.js';
import fc from 'fast-check';
import { assertProperty } from '../helpers/property.js';

const importOf = (specifier: string): ImportFact => ({ specifier, syntax: 'import', line: 1, names: [], typeOnly: false, guard: null }) as unknown as ImportFact;

/** A scratch repo: `files` written, `excluded` written but not listed, `folders` made, `links` (path → target) made as symlinks and listed. */
const scratch = (files: string[], excluded: string[], folders: string[], links: Record<string, string>) => {
  const root = mkdtempSync(join(tmpdir(), 'census-listed-relative-'));
  for (const f of [...files, ...excluded]) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'export const x = 1;\n');
  }
  for (const d of folders) mkdirSync(join(root, d), { recursive: true });
  for (const [link, target] of Object.entries(links)) symlinkSync(target, join(root, link));
  const listed = new Set([...files, ...Object.keys(links)]);
  return { root, listed, linked: new Set(Object.keys(links)) };
};

const resolverOf = (root: string, listed: ReadonlySet<string>, linked: ReadonlySet<string> | undefined) => {
  const manifests = new Manifests({ files: listed, readText: () => null });
  const ctx: ResolveContext = { rootAbs: root, files: manifests.files, manifests, ...(linked ? { linkedFiles: linked } : {}) };
  return createJavaScriptResolver(ctx);
};

test('listedRelative: the alias order of the importer kind, and no answer where oxc must decide', () => {
  const { root, listed, linked } = scratch(
    ['src/a.ts', 'src/a.js', 'src/b.js', 'src/c.tsx', 'src/d.js', 'src/e.js', 'src/styles.css', 'src/g.ts', 'lib/h.ts'],
    ['src/d.ts'],
    ['src/e.ts'],
    { 'src/f.ts': 'g.ts' },
  );
  try {
    const ctx: ListedRelativeContext = { files: listed, linkedFiles: linked, folderLinks: undefined, onDisk: (p) => pathExists(join(root, p)) };
    const ask = (joined: string, specifier: string, kind: 'ts' | 'js') => listedRelative(ctx, joined, specifier, kind);
    assert.equal(ask('src/a.js', './a.js', 'ts'), 'src/a.ts', 'a TypeScript importer: .ts before .js');
    assert.equal(ask('src/a.js', './a.js', 'js'), 'src/a.js', 'a JavaScript importer: the .js it names');
    assert.equal(ask('src/b.js', './b.js', 'ts'), 'src/b.js', 'no b.ts or b.tsx on disk: b.js');
    assert.equal(ask('src/c.jsx', './c.jsx', 'ts'), 'src/c.tsx');
    assert.equal(ask('src/styles.css', './styles.css', 'ts'), 'src/styles.css', 'no alias: the file itself');
    assert.equal(ask('src/d.js', './d.js', 'ts'), null, 'd.ts is on disk but not listed: oxc finds it first');
    assert.equal(ask('src/e.js', './e.js', 'ts'), null, 'a folder e.ts: left to oxc');
    assert.equal(ask('src/f.js', './f.js', 'ts'), null, 'a listed link: oxc answers its real path');
    assert.equal(ask('src/a', './a', 'ts'), null, 'no extension: oxc tries extensions and folders');
    assert.equal(ask('src/a.js', './a.js?raw', 'ts'), null, 'a query');
    assert.equal(ask('src/x.js', './x.js', 'ts'), null, 'nothing there');
    const viaLink: ListedRelativeContext = { ...ctx, folderLinks: new Map([['src', 'lib']]) };
    assert.equal(listedRelative(viaLink, 'src/a.js', './a.js', 'ts'), null, 'a path through a folder link');

    // The resolver with the listing answers as oxc alone does, for every case above.
    const fast = resolverOf(root, listed, linked);
    const oxc = resolverOf(root, listed, undefined);
    for (const from of ['src/main.ts', 'src/main.js']) {
      for (const specifier of ['./a.js', './b.js', './c.jsx', './d.js', './e.js', './f.js', './g.js', './styles.css', './a', './a.js?raw', './x.js', '../lib/h.js']) {
        assert.deepEqual(fast.resolve(importOf(specifier), from), oxc.resolve(importOf(specifier), from), `${from} ${specifier}`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

const listFiles = (root: string, dir = ''): string[] =>
  readdirSync(join(root, dir)).sort().flatMap((name) => {
    const rel = dir === '' ? name : `${dir}/${name}`;
    return statSync(join(root, rel)).isDirectory() ? listFiles(root, rel) : [rel];
  });

test('the JS resolution fixtures resolve alike with and without the listing', () => {
  let compared = 0;
  for (const name of fixtureCases('javascript')) {
    const root = fixturePath('javascript', name);
    const files = listFiles(root);
    const listed = new Set(files);
    const readText = (p: string): string | null => {
      try {
        return readFileSync(join(root, p), 'utf8');
      } catch {
        return null;
      }
    };
    const make = (linked: ReadonlySet<string> | undefined) => {
      const manifests = new Manifests({ files: listed, readText });
      return createJavaScriptResolver({ rootAbs: root, files: manifests.files, manifests, ...(linked ? { linkedFiles: linked } : {}) });
    };
    const fast = make(new Set());
    const oxc = make(undefined);
    for (const file of files) {
      const spec = languageRecord(languageFromPath(file) ?? 'other');
      if (spec?.ecosystem !== 'javascript' || !spec.extractor) continue;
      for (const fact of spec.extractor.extract(file, readFileSync(join(root, file), 'utf8')).imports) {
        assert.deepEqual(fast.resolve(fact, file), oxc.resolve(fact, file), `${name}: ${file} ${fact.specifier}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 100, `${compared} imports compared`);
});

/**
 * Review s60-rv3: random trees (files listed, files on disk but not listed, folders named like a
 * file, listed links to a file, a folder or nothing; a tsconfig now and then) and random relative
 * specifiers from TS and JS importers: the listing answers exactly what oxc alone answers.
 */
test('listed relative imports resolve as oxc alone does on random trees (property, seed 60)', () => {
  // Few names in few folders, so that a candidate and the file listed after it meet often.
  const STEMS = ['a', 'x.y', 'index'];
  const EXTS = ['.js', '.ts', '.tsx', '.jsx', '.mjs', '.mts', '.cjs', '.cts', '.d.ts', '.json', '.css', '.vue', '.JS', ''];
  const entry = fc.record({
    dir: fc.constantFrom('src', 'src', 'src/sub', 'lib', ''),
    name: fc.tuple(fc.constantFrom(...STEMS), fc.constantFrom(...EXTS)).map(([s, e]) => s + e),
    how: fc.constantFrom('listed', 'listed', 'listed', 'excluded', 'folder', 'link'),
    target: fc.constantFrom('a.js', 'nowhere.ts', '../lib/a.ts', 'sub'),
  });
  const specifier = fc.tuple(fc.constantFrom('./', './', '../', './sub/', '../src/', '../lib/', './sub/../'), fc.constantFrom(...STEMS), fc.constantFrom('.js', '.jsx', '.mjs', '.cjs', '.ts', '.json', '.css', '.JS', '.d.ts', '')).map((p) => p.join(''));
  const tsconfig = fc.option(fc.constantFrom<Record<string, unknown>>({ allowJs: true }, { moduleSuffixes: ['.ios', ''] }, { rootDirs: ['src', 'lib'] }, { baseUrl: '.', paths: { './*': ['lib/*'] } }));
  assertProperty(
    fc.property(fc.array(entry, { minLength: 1, maxLength: 16 }), tsconfig, fc.array(specifier, { minLength: 1, maxLength: 12 }), (entries, options, specifiers) => {
      const root = mkdtempSync(join(tmpdir(), 'census-listed-relative-prop-'));
      try {
        const listed = new Set<string>();
        const linked = new Set<string>();
        for (const e of entries) {
          const path = e.dir === '' ? e.name : `${e.dir}/${e.name}`;
          if (listed.has(path) || pathExists(join(root, path))) continue;
          mkdirSync(join(root, path, '..'), { recursive: true });
          if (e.how === 'folder') {
            mkdirSync(join(root, path), { recursive: true });
            writeFileSync(join(root, path, 'index.js'), 'export {};\n');
            listed.add(`${path}/index.js`);
          } else if (e.how === 'link') {
            symlinkSync(e.target, join(root, path));
            listed.add(path);
            linked.add(path);
          } else {
            writeFileSync(join(root, path), 'export {};\n');
            if (e.how === 'listed') listed.add(path);
          }
        }
        if (options !== null) {
          writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: options }));
          listed.add('tsconfig.json');
        }
        const readText = (p: string): string | null => (pathExists(join(root, p)) && !statSync(join(root, p)).isDirectory() ? readFileSync(join(root, p), 'utf8') : null);
        const make = (links: ReadonlySet<string> | undefined) => {
          const manifests = new Manifests({ files: listed, readText });
          return createJavaScriptResolver({ rootAbs: root, files: manifests.files, manifests, ...(links ? { linkedFiles: links } : {}) });
        };
        const fast = make(linked);
        const oxc = make(undefined);
        for (const from of ['src/main.ts', 'src/main.js', 'src/sub/m.mts', 'lib/m.cjs', 'm.tsx']) {
          for (const s of specifiers) assert.deepEqual(fast.resolve(importOf(s), from), oxc.resolve(importOf(s), from), `${from} ${s} in ${[...listed].join(' ')}`);
        }
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }),
    { numRuns: 300, seed: 60 },
  );
});

test('listedRelative looks each folder of the path up in the folder links, never walks them all (review s60-rv3)', () => {
  // Walking every link per relative import was quadratic: 5,000 links and 50,000 imports, 850 ms.
  class NoWalk extends Map<string, string> {
    override keys(): MapIterator<string> {
      throw new Error('walked every folder link');
    }
  }
  const links = new NoWalk([['vendor/lib', 'vendor/real'], ['a', 'b']]);
  const ctx: ListedRelativeContext = { files: new Set(['src/x.js', 'vendor/lib/y.js', 'vendor/libz/y.js']), linkedFiles: new Set(), folderLinks: links, onDisk: () => false };
  assert.equal(listedRelative(ctx, 'src/x.js', './x.js', 'js'), 'src/x.js');
  assert.equal(listedRelative(ctx, 'vendor/lib/y.js', './lib/y.js', 'js'), null, 'a path through a folder link');
  assert.equal(listedRelative(ctx, 'vendor/libz/y.js', './libz/y.js', 'js'), 'vendor/libz/y.js', 'a folder whose name only starts with the link\'s');
  // The same answer as `some link L with path.startsWith(L + '/')` on paths of the links' pieces.
  const linked = new Map([['a', 't'], ['a/b', 't'], ['c/d', 't']]);
  const piece = fc.constantFrom('a', 'b', 'c', 'd', 'ab', 'x.js');
  assertProperty(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (parts) => {
      const path = parts.join('/');
      assert.equal(throughFolderLink(path, linked), [...linked.keys()].some((l) => path.startsWith(`${l}/`)), path);
    }),
    { numRuns: 2000, seed: 60 },
  );
});
