/**
 * oclif (the CLI framework of the Heroku and Salesforce CLIs) finds a CLI's commands and hooks by
 * its package.json, never by import. `"oclif": { "commands": "./dist/commands" }` makes
 * @oclif/core's Plugin glob that folder (`**\/*.+(js|cjs|mjs|ts|tsx|mts|cts)` without
 * `*.d.ts`/`*.test.*`/`*.spec.*` and dot-files) and load each file as a command; the object form
 * `{ strategy: 'pattern', target }` is the same, `{ strategy: 'explicit' | 'single', target }` loads
 * that one file. An `oclif.manifest.json` (else `.oclif.manifest.json`) beside the package.json
 * whose version matches the package's (before any `-` suffix) takes the glob's place: oclif loads
 * the file each command's `relativePath` names, or, for a manifest without them (oclif v1 and early
 * v2), the module at the commands folder + the id split on `:`, so those (and only those) are read
 * then. A manifest of another version oclif skips ("Mismatched version"), and globs.
 * `"hooks": { "init": ["./dist/hooks/init/version"] }` loads each named module (a string, a list,
 * or `{ target, identifier }`) when the event fires, and `"helpClass": "./dist/help"` the module that
 * renders help.
 *
 * A source checkout names `./dist/commands` and holds `src/commands`: the folder and files are
 * traced through the build-output map (tsconfig outDir/rootDir, or dist/ beside src/), as oclif
 * itself maps them for ts-node in development. Custom `globPatterns` are not read (a warning): the
 * default glob could then name a helper the CLI never loads. The CLI is the package's product, so
 * what oclif loads is production; a package kept as a test's fixture or an example
 * (util/installs-nothing.ts) ships nothing, and is not read.
 */
import { isRecord, JSON_MANIFEST } from '../../manifests/json.js';
import { createBuildOutputMap } from '../../languages/javascript/build-output.js';
import { installsNothing } from '../../util/installs-nothing.js';
import { warning } from '../../util/diagnostics.js';
import { isFolder } from '../../util/file-index.js';
import { basename, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, jsPackages, listedOrSource, packageFilesUnder, resolveToolPath, type JsPackage } from './support.js';

/** What oclif's default glob takes: code files... */
const COMMAND_FILE = /\.(?:js|cjs|mjs|ts|tsx|mts|cts)$/;
/** ...but not declarations, tests or specs (its `!**\/*.+(d.ts|test.ts|test.js|spec.ts|spec.js|d.mts|d.cts)?(x)`). */
const NOT_COMMAND = /\.(?:d\.ts|test\.ts|test\.js|spec\.ts|spec\.js|d\.mts|d\.cts)x?$/;

const config = (pkg: JsPackage): Record<string, unknown> | null => (isRecord(pkg.json.oclif) ? pkg.json.oclif : null);

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => config(p) !== null && !installsNothing(p.dir));

const withoutDotSlash = (value: string): string => value.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');

/** A module oclif requires by a path from the package: the file, its TypeScript twin, or the source it is built from. */
const moduleAt = (ctx: FrameworkContext, pkg: JsPackage, value: string): { file: string; why: string } | null => {
  const built = joinRepo(pkg.dir, withoutDotSlash(value));
  return built === null ? null : listedOrSource(ctx, built, resolveToolPath(ctx, pkg.dir, `./${withoutDotSlash(value)}`));
};

/** The folder a commands target names, or the source folder it is built from. */
const folderAt = (ctx: FrameworkContext, pkg: JsPackage, value: string): { dir: string; why: string } | null => {
  const dir = joinRepo(pkg.dir, withoutDotSlash(value));
  if (dir === null) return null;
  if (isFolder(ctx.files, dir)) return { dir, why: '' };
  const traced = createBuildOutputMap(ctx.manifests).explainFolder(dir);
  return traced === null ? null : { dir: traced.source, why: `, built from ${traced.source}/ (${traced.why})` };
};

/** The version before a prerelease suffix: oclif compares `2.1.0` of `2.1.0-beta.1` so. */
const release = (v: unknown): string | null => (typeof v === 'string' ? v.split('-')[0] : null);

/**
 * The command modules the manifest oclif would read lists (a path from the package), or null when
 * oclif globs: no manifest, none it can parse, or one of another version than the package.
 */
const manifestCommands = (ctx: FrameworkContext, pkg: JsPackage, commandsDir: string): { manifest: string; paths: string[] } | null => {
  const manifest = ['oclif.manifest.json', '.oclif.manifest.json'].map((name) => joinRepo(pkg.dir, name)).find((m): m is string => m !== null && ctx.files.has(m));
  if (manifest === undefined) return null;
  const value = ctx.manifests.get(manifest, JSON_MANIFEST)?.value;
  if (!isRecord(value) || !isRecord(value.commands)) return null;
  if (release(value.version) === null || release(value.version) !== release(pkg.json.version)) return null;
  const paths: string[] = [];
  for (const [key, command] of Object.entries(value.commands)) {
    const parts = isRecord(command) ? command.relativePath : undefined;
    if (Array.isArray(parts) && parts.length > 0 && parts.every((p): p is string => typeof p === 'string' && p !== '' && p !== '..')) paths.push(parts.join('/'));
    else if (parts === undefined) {
      const id = isRecord(command) && typeof command.id === 'string' ? command.id : key;
      const segments = id.split(':');
      if (segments.every((p) => p !== '' && p !== '.' && p !== '..' && !p.includes('/'))) paths.push(`${withoutDotSlash(commandsDir)}/${segments.join('/')}`);
    }
  }
  return { manifest, paths };
};

const collectCommands = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput, line: number): void => {
  const at = `${pkg.manifest}:${line}`;
  const commands = config(pkg)?.commands;
  const spec = typeof commands === 'string' ? { strategy: 'pattern', target: commands } : isRecord(commands) ? commands : null;
  if (spec === null || typeof spec.target !== 'string' || spec.target === '') return;
  const strategy = spec.strategy ?? 'pattern';
  if (strategy === 'explicit' || strategy === 'single') {
    const found = moduleAt(ctx, pkg, spec.target);
    if (found !== null) out.entries.push({ source: pkg.manifest, target: found.file, targetKind: 'file', kind: 'production', evidence: `${at} oclif.commands ${strategy} target "${spec.target}"${found.why} (oclif loads its commands from that module)` });
    return;
  }
  if (strategy !== 'pattern') return;
  const listed = manifestCommands(ctx, pkg, spec.target);
  if (listed !== null) {
    for (const path of listed.paths) {
      const found = moduleAt(ctx, pkg, path);
      if (found !== null) out.entries.push({ source: listed.manifest, target: found.file, targetKind: 'file', kind: 'production', evidence: `${listed.manifest} lists the command file ${path}${found.why} (oclif loads the commands of its manifest; ${at} oclif.commands "${spec.target}")` });
    }
    return;
  }
  if (spec.globPatterns !== undefined) {
    out.diagnostics.push(warning('oclif/glob-patterns', `oclif.commands globPatterns are not read: the commands of ${spec.target} are not followed`, pkg.manifest, line));
    return;
  }
  const folder = folderAt(ctx, pkg, spec.target);
  if (folder === null) return;
  for (const file of packageFilesUnder(ctx, pkg, folder.dir)) {
    const name = basename(file);
    if (!COMMAND_FILE.test(name) || NOT_COMMAND.test(name) || file.slice(folder.dir.length).includes('/.')) continue;
    out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: 'production', evidence: `${at} oclif.commands "${spec.target}"${folder.why} (oclif loads every command file of that folder)` });
  }
};

const collectHooks = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput, lineOf: (path: (string | number)[]) => number): void => {
  const hooks = config(pkg)?.hooks;
  if (!isRecord(hooks)) return;
  for (const [event, value] of Object.entries(hooks)) {
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) {
      const target = typeof item === 'string' ? item : isRecord(item) && typeof item.target === 'string' ? item.target : null;
      if (target === null || target === '') continue;
      const found = moduleAt(ctx, pkg, target);
      if (found === null) continue;
      const line = lineOf(['oclif', 'hooks', event]);
      out.entries.push({ source: pkg.manifest, target: found.file, targetKind: 'file', kind: 'production', line, evidence: `${pkg.manifest}:${line} oclif.hooks "${event}" names "${target}"${found.why} (oclif runs it on that event)` });
    }
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const doc = ctx.manifests.get(pkg.manifest, JSON_MANIFEST);
  const lineOf = (path: (string | number)[]): number => doc?.lineOf(path) ?? 1;
  collectCommands(ctx, pkg, out, lineOf(['oclif', 'commands']));
  collectHooks(ctx, pkg, out, lineOf);
  const help = config(pkg)?.helpClass;
  const helpClass = typeof help === 'string' && help !== '' ? moduleAt(ctx, pkg, help) : null;
  if (typeof help === 'string' && helpClass !== null) {
    const line = lineOf(['oclif', 'helpClass']);
    out.entries.push({ source: pkg.manifest, target: helpClass.file, targetKind: 'file', kind: 'production', line, evidence: `${pkg.manifest}:${line} oclif.helpClass "${help}"${helpClass.why} (oclif renders help with it)` });
  }
};

const oclif: FrameworkReader = {
  id: 'oclif',
  title: 'oclif (package.json "oclif" commands folder or module, oclif.manifest.json, hooks, helpClass)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = packages(ctx)[0];
    return first ? `${first.manifest} declares "oclif"` : null;
  },
  collect: eachPackage(packages, collectPackage),
};

export default oclif;
