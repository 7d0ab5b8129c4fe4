/**
 * Payload configs as Payload itself finds them, read statically: a file whose default export is
 * `buildConfig({...})` (or a repo helper such as `buildConfigWithDefaults(...)`, directly or
 * through a const), the files it imports within its package (collections, globals, fields: they
 * carry component paths too), and the folder literals Payload reads from it — the import map's
 * `admin.importMap.baseDir`, `typescript.outputFile`, a db adapter's `migrationDir`, the custom bin
 * scripts' `bin[].scriptPath` — when they are `path.resolve(dirname, 'x')` of the file's own folder.
 */
import { buildLineTable } from '../../languages/javascript/line-table.js';
import { matchPathPattern, pathCandidates, tsconfigIndexOf } from '../../languages/javascript/resolution/tsconfig.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { isFolder } from '../../util/file-index.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext } from '../types.js';
import { jsCodeFiles, jsPackages, mayHold, resolveToolPath, type JsPackage } from './support.js';
import { perScan } from '../per-scan.js';
import { OWN_FOLDER_DECLARATION } from '../../languages/javascript/static-value.js';

export const CODE = /\.[cm]?[jt]sx?$/;

/** A folder or file a config names as a literal, with where it says so. */
export interface NamedPath {
  path: string;
  file: string;
  line: number;
  /** For a `bin[].scriptPath`: the entry's `key`, the command `payload <key>`. */
  binKey?: string;
}

export interface PayloadConfig {
  file: string;
  /** The nearest package.json's folder: Payload's cwd when a script in it runs `payload`. */
  pkg: JsPackage | null;
  /** The config first, then what it imports (breadth first) inside its package. */
  files: string[];
  /** `admin.importMap.baseDir` when literal, else the config's folder. */
  baseDir: NamedPath | null;
  outputFile: NamedPath | null;
  migrationDir: NamedPath | null;
  /** `bin: [{ key, scriptPath }]`: scripts `payload <key>` imports and runs (packages/payload/src/bin). */
  binScripts: NamedPath[];
}

const BUILDER = /^build\w*Config\w*$/;
const DEFAULT_CALL = /^export\s+default\s+(?:await\s+)?(\w+)\s*(?:<[^>()]*>)?\(/m;
const DEFAULT_NAME = /^export\s+default\s+(\w+)\s*;?\s*$/m;
/** Files a config's import walk visits at most: a guard against a config that imports a whole package tree. */
const MAX_WALK = 3000;

/** A folder expression Payload configs use: `path.resolve(dirname)`, `path.join(__dirname, 'x')`, `dirname`. */
const FOLDER = String.raw`(?:(?:path\s*\.\s*)?(?:resolve|join)\(\s*(\w+)\s*(?:,\s*(['"])([^'"\n]*)\2\s*)?\)|(\w+)\b(?!\s*[.(]))`;
const KEY = (key: string, op = ':'): RegExp => new RegExp(String.raw`\b${key}\s*${op}\s*${FOLDER}`, 'g');
const BASE_DIR = KEY('baseDir');
const OUTPUT_FILE = KEY('outputFile');
const MIGRATION_DIR = KEY('migrationDir', '[:=]');
const SCRIPT_PATH = KEY('scriptPath');
const BIN_KEY = /\bkey\s*:\s*(['"`])([^'"`\n]+)\1/;

/** True when `name` holds the file's own folder: `__dirname`, or `const dirname = path.dirname(fileURLToPath(import.meta.url))`-like. */
const ownFolder = (text: string, name: string): boolean => {
  if (name === '__dirname') return true;
  const decl = new RegExp(String.raw`\b(?:const|let|var)\s+${name}\s*(?::\s*string\s*)?=\s*([^\n;]+)`).exec(text)?.[1]?.trim();
  return decl !== undefined && OWN_FOLDER_DECLARATION.test(decl);
};

/**
 * The literal folders a file names under `key` (`baseDir: path.resolve(dirname)` → the file's
 * folder); a value census cannot read is a warning naming the line.
 */
export const folderLiterals = (file: string, text: string, key: LiteralKey, diagnostics: Diagnostic[] | null): NamedPath[] => {
  if (!text.includes(key)) return [];
  const out: NamedPath[] = [];
  const lines = buildLineTable(text);
  const re = key === 'baseDir' ? BASE_DIR : key === 'outputFile' ? OUTPUT_FILE : key === 'migrationDir' ? MIGRATION_DIR : SCRIPT_PATH;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const name = m[1] ?? m[4];
    const line = lines.lineOf(m.index ?? 0);
    const path = ownFolder(text, name) ? joinRepo(dirname(file), m[3] ?? '') : null;
    if (path === null) {
      // A bare word (`baseDir: someDir`, a type `migrationDir: string`) is not a value census reads; a path call is.
      if (m[1] !== undefined) diagnostics?.push(warning('payload/not-static', `${key} is computed, not read: ${m[0].trim()}`, file, line));
      continue;
    }
    const named: NamedPath = { path, file, line };
    if (key === 'scriptPath') {
      // The entry's object: from its `{` before the match to its `}` after.
      const at = m.index ?? 0;
      const entry = text.slice(text.lastIndexOf('{', at) + 1, Math.max(at, text.indexOf('}', at)));
      const binKey = BIN_KEY.exec(entry)?.[2];
      if (binKey) named.binKey = binKey;
    }
    out.push(named);
  }
  return out;
};

const importsBuilder = (imports: readonly { names: readonly { name: string; alias?: string }[] }[]): boolean => {
  // Asked of every imported name of every code file, once: loops by index (a for-of loop that is
  // not optimized makes an object per step), and the prefix rules out nearly all before the pattern.
  for (let i = 0; i < imports.length; i++) {
    const names = imports[i].names;
    for (let n = 0; n < names.length; n++) {
      const local = names[n].alias ?? names[n].name;
      if (local.startsWith('build') && BUILDER.test(local)) return true;
    }
  }
  return false;
};

/** True when the file's default export is a Payload config built by a `build…Config` call. */
const isPayloadConfig = (text: string): boolean => {
  const call = DEFAULT_CALL.exec(text);
  if (call) return BUILDER.test(call[1]);
  const name = DEFAULT_NAME.exec(text)?.[1];
  if (!name) return false;
  const decl = new RegExp(String.raw`\b(?:const|let)\s+${name}\b[^=\n]*=\s*(?:await\s+)?(\w+)\s*(?:<[^>()]*>)?\(`).exec(text);
  return decl !== null && BUILDER.test(decl[1]);
};

interface Walker {
  packageByDir: Map<string, JsPackage | null>;
  packages: Map<string, JsPackage>;
  imports: Map<string, string[]>;
  literals: Map<string, Record<LiteralKey, NamedPath[]>>;
  aliases: Map<string, string | null>;
}

const walkerOf = perScan((ctx): Walker => {
  const packages = new Map(jsPackages(ctx).map((p) => [p.dir, p]));
  return { packageByDir: new Map(), packages, imports: new Map(), literals: new Map(), aliases: new Map() };
});

/** The tsconfig that governs `file` (the manifest store memoises the nearest config per folder). */
const tsconfigOf = (ctx: FrameworkContext, file: string): string | null => tsconfigIndexOf(ctx.manifests).configFor(dirname(file));

/** A specifier through the tsconfig `paths` that govern `file` (`@/collections/Posts`), or null. */
export const aliasTarget = (ctx: FrameworkContext, file: string, spec: string): string | null => aliasTargetUnder(ctx, tsconfigOf(ctx, file), spec);

/** aliasTarget under the tsconfig `config` that governs the importer (null: none does). */
const aliasTargetUnder = (ctx: FrameworkContext, config: string | null, spec: string): string | null => {
  if (config === null) return null;
  const w = walkerOf(ctx);
  const key = `${config}\0${spec}`;
  const known = w.aliases.get(key);
  if (known !== undefined) return known;
  let hit: string | null = null;
  const options = tsconfigIndexOf(ctx.manifests).options(config);
  // Only `paths` aliases (`@/collections/Posts`): a bare name under `baseUrl` is a package nearly always, and trying it for every import costs.
  if (Object.keys(options.paths).some((pattern) => matchPathPattern(spec, pattern) !== null)) {
    for (const candidate of pathCandidates(spec, { ...options, baseUrl: null })) if ((hit = resolveToolPath(ctx, '', candidate)) !== null) break;
  }
  w.aliases.set(key, hit);
  return hit;
};

/**
 * The repo folder a tsconfig `paths` alias maps a folder specifier to (`@/views/` → `src/views`):
 * the first candidate that holds a file, or null.
 */
export const aliasFolder = (ctx: FrameworkContext, file: string, folderSpec: string): string | null => {
  const config = tsconfigOf(ctx, file);
  if (config === null) return null;
  const options = tsconfigIndexOf(ctx.manifests).options(config);
  // A name inside the folder stands in for the computed one: the alias maps names, not folders.
  const probe = `${folderSpec.replace(/\/?$/, '/')}_`;
  if (!Object.keys(options.paths).some((pattern) => matchPathPattern(probe, pattern) !== null)) return null;
  for (const candidate of pathCandidates(probe, { ...options, baseUrl: null })) {
    const folder = dirname(candidate);
    if (isFolder(ctx.files, folder)) return folder;
  }
  return null;
};

/** `./x.js` as TypeScript resolves it (`x.ts`, `x.tsx`) before the bundler's extension list: Payload's sources import `.js` names. */
export const relativeTarget = (ctx: FrameworkContext, dir: string, spec: string): string | null => {
  if (spec.endsWith('.js')) {
    const base = joinRepo(dir, spec.slice(0, -3));
    if (base !== null) for (const ext of ['.ts', '.tsx', '.js']) if (ctx.files.has(`${base}${ext}`)) return `${base}${ext}`;
  }
  return resolveToolPath(ctx, dir, spec);
};

/** Repo files a file imports by a relative path or a tsconfig alias (memoised per scan). */
const importsOf = (ctx: FrameworkContext, file: string): string[] => {
  const w = walkerOf(ctx);
  let known = w.imports.get(file);
  if (known) return known;
  known = [];
  // The governing tsconfig once per file, not once per import (payload's walks ask ~1,200 files' imports).
  let config: string | null | undefined;
  for (const imp of ctx.facts(file)?.imports ?? []) {
    const s = imp.specifier;
    const target = s.startsWith('.') ? relativeTarget(ctx, dirname(file), s) : !s.includes(':') ? aliasTargetUnder(ctx, config === undefined ? (config = tsconfigOf(ctx, file)) : config, s) : null;
    if (target !== null && target !== file && !known.includes(target)) known.push(target);
  }
  w.imports.set(file, known);
  return known;
};

/** The package a file belongs to: its nearest package.json's folder (memoised per folder). */
const packageOf = (ctx: FrameworkContext, file: string): JsPackage | null => {
  const w = walkerOf(ctx);
  const dir = dirname(file);
  const known = w.packageByDir.get(dir);
  if (known !== undefined) return known;
  // packageOf(dir) looks at dir's parent: the walk up one folder at a time.
  const found = w.packages.get(dir) ?? (dir === '' ? null : packageOf(ctx, dir));
  w.packageByDir.set(dir, found);
  return found;
};

type LiteralKey = 'baseDir' | 'outputFile' | 'migrationDir' | 'scriptPath';
const LITERAL_KEYS: LiteralKey[] = ['baseDir', 'outputFile', 'migrationDir', 'scriptPath'];

/** The folder literals of a file, all three keys in one read, once per scan (configs share their collections). */
const literalsOf = (ctx: FrameworkContext, file: string, diagnostics: Diagnostic[] | null): Record<LiteralKey, NamedPath[]> => {
  const w = walkerOf(ctx);
  let known = w.literals.get(file);
  if (!known) {
    known = { baseDir: [], outputFile: [], migrationDir: [], scriptPath: [] };
    // A literal is read only when its folder is the file's own (`__dirname`, `dirname(…)`): without
    // the word, a file gives none, and only a config's own warnings are wanted (most of payload's
    // 1,182 walked files). The config itself is read for those.
    if (diagnostics !== null || mayHold(ctx, file, ['dirname'])) {
      const text = ctx.readText(file) ?? '';
      if (text.includes('Dir') || text.includes('outputFile') || text.includes('scriptPath')) for (const key of LITERAL_KEYS) known[key] = folderLiterals(file, text, key, diagnostics);
    }
    w.literals.set(file, known);
  }
  return known;
};

/**
 * The config and the files it imports from its own folder down (inside its package), breadth
 * first: collections, globals, fields and components sit beside the config; a shared helper
 * above it (a monorepo's test harness) names no component paths of this config's baseDir.
 */
const walk = (ctx: FrameworkContext, config: string, pkg: JsPackage | null): string[] => {
  const dir = dirname(config);
  const prefix = dir === '' ? '' : `${dir}/`;
  const inside = (f: string): boolean => f.startsWith(prefix) && CODE.test(f) && !f.includes('node_modules/') && packageOf(ctx, f) === pkg;
  const seen = new Set([config]);
  const order = [config];
  for (let i = 0; i < order.length && order.length < MAX_WALK; i++) {
    for (const next of importsOf(ctx, order[i])) {
      if (seen.has(next) || !inside(next)) continue;
      seen.add(next);
      order.push(next);
    }
  }
  return order;
};

/** Every Payload config in the repo, with what it imports and the folders it names (found once per scan). */
export const payloadConfigs = perScan((ctx): { configs: PayloadConfig[]; diagnostics: Diagnostic[] } => {
  const configs: PayloadConfig[] = [];
  const diagnostics: Diagnostic[] = [];
  const codeFiles = jsCodeFiles(ctx);
  for (let f = 0; f < codeFiles.length; f++) {
    const file = codeFiles[f];
    if (file.endsWith('.d.ts')) continue;
    const facts = ctx.facts(file);
    // A config has a default export: most files of a large repo are ruled out without looking at their imports.
    if (!facts || (facts.exportedNames && !facts.exportedNames.includes('default')) || !importsBuilder(facts.imports)) continue;
    const text = ctx.readText(file);
    if (text === null || !isPayloadConfig(text)) continue;
    const pkg = packageOf(ctx, file);
    const files = walk(ctx, file, pkg);
    const first = (key: LiteralKey): NamedPath | null => {
      for (const f of files) {
        const found = literalsOf(ctx, f, f === file ? diagnostics : null)[key][0];
        if (found) return found;
      }
      return null;
    };
    const binScripts = files.flatMap((f) => literalsOf(ctx, f, null).scriptPath);
    configs.push({ file, pkg, files, baseDir: first('baseDir'), outputFile: first('outputFile'), migrationDir: first('migrationDir'), binScripts });
  }
  return { configs, diagnostics };
});
