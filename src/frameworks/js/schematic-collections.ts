/**
 * Angular schematics, Angular builders and Nx generators/executors are loaded by the tool's engine
 * from a collection file, never imported: `collection.json` maps each name to its code,
 * `{ "schematics": { "update": { "factory": "./index#updateFn", "schema": "./schema.json" } } }`
 * (builders and executors say `implementation`), and the engine requires that path (`#name` is the
 * export it calls) relative to the collection's folder. A collection is read only where something
 * names it:
 * - a package.json field the Angular CLI or Nx reads from every installed package (`schematics`,
 *   `builders`, `generators`, `executors`, `ng-update.migrations`, `nx-migrations`): each factory is
 *   a production entry, as the CLI runs it in its users' projects;
 * - a module that spells out its path (`path.join(__dirname, 'schematic/collection.json')`, as the
 *   Angular CLI's `ng update` hands its own collection to the engine; `require.resolve('./x.json')`):
 *   each factory is a reference from that module, so it lives when the module does. Only files with
 *   a collection's conventional name are looked for in code (collection.json, builders.json, …);
 *   comments name nothing, the path must resolve to that very file, and a plain `require` of it
 *   reads the JSON as data, which loads no factory.
 * A factory in any other key, a collection nobody names, a value naming another package
 * (`"@schematics/angular/collection.json"`), or a bare factory path (`utils/index#b`, `@scope/x`)
 * in a collection only Angular reads (its engine resolves that as a package) is not read.
 */
import { isRecord, JSON_MANIFEST, valueAt, type JsonDocument } from '../../manifests/json.js';
import { lineAt } from '../../util/lines.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { escapeRegExp } from '../../util/regexp.js';
import { folderOf } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { jsCodeFiles, jsPackages, resolveToolPath } from './support.js';
import { blankedText } from './blanked-texts.js';
import { pathsNamedLike } from '../../util/file-index.js';

/** The sections of a collection and the member keys that name code in them. */
const SECTIONS = ['schematics', 'builders', 'generators', 'executors'];
/** Nx executors also load `batchImplementation` (a batch run) and `hasher` (the task's hash). */
const CODE_KEYS = ['factory', 'implementation', 'batchImplementation', 'hasher'];
/** Sections Nx reads: it joins a bare path (`src/gen/index`) onto the collection's folder, where Angular resolves it as a package. */
const NX_SECTIONS = new Set(['generators', 'executors']);
/** package.json fields holding a collection's path: [path in the manifest, what reads it, whether Nx does]. */
const FIELDS: readonly [readonly string[], string, boolean][] = [
  [['schematics'], 'the Angular CLI', false],
  [['builders'], 'the Angular CLI', false],
  [['generators'], 'Nx', true],
  [['executors'], 'Nx', true],
  [['ng-update', 'migrations'], "the Angular CLI's ng update", false],
  [['nx-migrations'], "Nx's migrate", true],
  [['nx-migrations', 'migrations'], "Nx's migrate", true],
];
const CONVENTIONAL = /^(?:collection|builders|generators|executors|migrations?|migration-collection|schematics)\.json$/;
const CONVENTIONAL_STEMS = ['collection', 'builders', 'generators', 'executors', 'migration', 'migrations', 'migration-collection', 'schematics'];

interface Factory {
  file: string;
  /** "update" factory "./index#default" */
  what: string;
  line: number;
}

/**
 * The code each member of a collection's sections names, resolved from the collection's folder.
 * Angular's engine (ExportStringRef) joins only a `./`/`../` path onto the folder and resolves any
 * other as a package, so a bare one is read only where Nx reads it (`nx`: a field of Nx named the
 * collection, or the section is Nx's own).
 */
const factoriesOf = (ctx: FrameworkContext, collection: string, nx: boolean): Factory[] => {
  const doc: JsonDocument | null | undefined = ctx.manifests.get(collection, JSON_MANIFEST);
  if (!doc || !isRecord(doc.value)) return [];
  const out: Factory[] = [];
  for (const section of SECTIONS) {
    const members = doc.value[section];
    if (!isRecord(members)) continue;
    for (const [name, member] of Object.entries(members)) {
      if (!isRecord(member)) continue;
      for (const key of CODE_KEYS) {
        const spec = member[key];
        if (typeof spec !== 'string') continue;
        if (!/^\.\.?\//.test(spec) && !(nx || NX_SECTIONS.has(section))) continue;
        const file = resolveToolPath(ctx, dirname(collection), spec.split('#')[0]);
        if (file !== null && file !== collection) out.push({ file, what: `"${name}" ${key} "${spec}"`, line: doc.lineOf([section, name, key]) });
      }
    }
  }
  return out;
};

/** The callee text right before `(` at `open` (`path.join`, `require.resolve`), or ''. */
const calleeBefore = (text: string, open: number): string => /([\w$.\s]*)$/.exec(text.slice(Math.max(0, open - 80), open))?.[1].replace(/\s+/g, '') ?? '';

/** The repo path a literal naming a JSON file stands for in its call, or null when census cannot say. */
const pathNamed = (file: string, text: string, at: number, value: string): string | null => {
  // The innermost call that holds the literal: the nearest `(` before it whose group reaches past it.
  for (let i = at - 1, depth = 0; i >= 0 && at - i < 400; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(' && depth-- === 0) {
      const callee = calleeBefore(text, i);
      // A plain require reads the JSON as data (a help text listing descriptions): only a path handed on loads factories.
      if (callee === 'require') return null;
      if (callee === 'require.resolve') return /^\.\.?\//.test(value) ? joinRepo(dirname(file), value) : null;
      if (!/(?:^|\.)(?:join|resolve)$/.test(callee)) return null;
      const args = balancedText(text, i);
      return args === null ? null : folderOf(`${callee}${args}`, file, text);
    } else if (c === ';' || c === '{' || c === '}') return null;
  }
  return null;
};

interface Found {
  entries: FrameworkOutput['entries'];
  references: FrameworkOutput['references'];
}

const found = perScan((ctx): Found => {
  const out: Found = { entries: [], references: [] };
  const named = new Set<string>();
  for (const pkg of jsPackages(ctx)) {
    for (const [path, reader, nx] of FIELDS) {
      const value = valueAt(pkg.json, path);
      if (typeof value !== 'string' || !value.endsWith('.json')) continue;
      const collection = resolveToolPath(ctx, pkg.dir, value.startsWith('.') ? value : `./${value}`);
      if (collection === null || collection.includes('node_modules/')) continue;
      named.add(collection);
      const line = ctx.manifests.get(pkg.manifest, JSON_MANIFEST)?.lineOf([...path]) ?? 1;
      for (const f of factoriesOf(ctx, collection, nx)) {
        out.entries.push({ source: pkg.manifest, target: f.file, targetKind: 'file', kind: 'production', line, evidence: `${pkg.manifest}:${line} "${path.join('.')}": "${value}", then ${collection}:${f.line} ${f.what} (${reader} loads it in the projects that install the package)` });
      }
    }
  }
  // Only a file that says `"factory"`/`"implementation"` is parsed: a stray migrations.json is no collection, nor a warning.
  const mayName = (f: string): boolean => { const t = ctx.readText(f); return t !== null && CODE_KEYS.some((k) => t.includes(`"${k}"`)); };
  const collections = pathsNamedLike(ctx.files, { stems: CONVENTIONAL_STEMS }, 'sorted').filter((f) => CONVENTIONAL.test(basename(f)) && !f.includes('node_modules/') && !named.has(f) && mayName(f));
  if (collections.length === 0) return out;
  const factories = new Map(collections.map((c) => [c, factoriesOf(ctx, c, false)] as const).filter(([, fs]) => fs.length > 0));
  const names = [...new Set([...factories.keys()].map((c) => basename(c)))];
  if (names.length === 0) return out;
  const literal = new RegExp(String.raw`(['"\`])([^'"\`\n$]*(?:${names.map(escapeRegExp).join('|')}))\1`, 'g');
  for (const file of jsCodeFiles(ctx)) {
    const raw = ctx.readText(file);
    if (raw === null || !names.some((n) => raw.includes(n))) continue;
    const text = blankedText(ctx, file, raw);
    for (const m of text.matchAll(literal)) {
      const target = pathNamed(file, text, m.index, m[2]);
      const fs = target === null ? undefined : factories.get(target);
      if (!fs) continue;
      const line = lineAt(text, m.index);
      for (const f of fs) out.references.push({ from: file, target: f.file, targetKind: 'file', line, label: `${file}:${line} names ${target}, whose ${f.what} (line ${f.line}) the schematics engine loads` });
    }
  }
  return out;
});

const schematicCollections: FrameworkReader = {
  id: 'schematic-collections',
  title: 'Angular schematics and builders, Nx generators and executors (collection.json factories)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const { entries, references } = found(ctx);
    return entries[0]?.evidence ?? references[0]?.label ?? null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const { entries, references } = found(ctx);
    out.entries.push(...entries);
    out.references.push(...references);
    return out;
  },
};

export default schematicCollections;
