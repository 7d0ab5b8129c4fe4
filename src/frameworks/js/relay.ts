/**
 * Relay (https://relay.dev/docs/guides/compiler): relay-compiler writes an artifact per GraphQL
 * query and fragment, and the Relay babel/SWC/Vite plugin turns each graphql`…` tag into a
 * require of its artifact — so no source imports an artifact by its path. The compiler's config
 * is the file `relay-compiler <config>` names, else relay.config.{json,js,mjs,cjs,ts} of the
 * package, else package.json's `"relay"` key; a multi-project config keeps its projects under
 * `projects`. Paths in it are relative to the config's folder.
 *
 * Roots, with the kind of what runs the build (relay-compiler's run, or the app bundler's when
 * that ranks higher: the artifacts ship with the app): every code file under `artifactDirectory`;
 * without one, the `*.graphql.{js,ts}` files of the `__generated__` folders Relay writes beside
 * the sources under `src`. `customScalarTypes` entries `{ name, path }` are imported by the
 * generated code (path relative to the artifactDirectory, as written into each artifact), only
 * by artifacts whose queries use that scalar: when the artifacts are in the repo their imports
 * say which are used, and the config names nothing by itself; when none are (generated at build
 * time, gitignored) each such path is a root, since census cannot see which the build imports.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { parseJsonDocument } from '../../manifests/json.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, enabledByPackages, filesIn, jsPackages, positionalArgs, readToolConfig, resolveToolPath, runEvidence, toolInvocations, toolRun, type JsPackage, type ToolRun } from './support.js';
import type { EntryKind } from '../../model/verdict.js';

const DEPS = ['relay-compiler', 'babel-plugin-relay', 'vite-plugin-relay', '@swc/plugin-relay'];
const CONFIG = /^relay\.config\.(json|[cm]?js|ts)$/;
/** relay-compiler's options that take a value (its first other argument is the config). */
const VALUE_FLAGS = ['--src', '--schema', '--artifact-directory', '--project', '-p', '--output'];
/** Bundlers whose run builds the app the artifacts ship in. */
const APP_BUILDERS = ['vite', 'next', 'webpack', 'webpack-cli', 'react-scripts', 'rsbuild', 'rspack', 'parcel', 'babel', 'expo'];
const CODE = /\.([cm]?[jt]sx?)$/;
const DEFAULT_ARTIFACT = /(^|\/)__generated__\/[^/]+\.graphql\.([cm]?[jt]sx?)$/;
const RANK: EntryKind[] = ['production', 'tooling', 'test'];

const hasRelayKey = (pkg: JsPackage): boolean => pkg.json.relay !== undefined && pkg.json.relay !== null;

const packages = (ctx: FrameworkContext): JsPackage[] =>
  jsPackages(ctx).filter((p) => DEPS.some((d) => dependsOn(p, d)) || hasRelayKey(p) || filesIn(ctx, p.dir, CONFIG).length > 0);

/** The config relay-compiler reads in the package: the one its command line names, else the first by Relay's search order. */
const configsOf = (ctx: FrameworkContext, pkg: JsPackage): { path: string; key: string | null }[] => {
  const named: { path: string; key: string | null }[] = [];
  for (const run of toolInvocations(ctx, ['relay-compiler']).filter((r) => r.cwd === pkg.dir)) {
    const arg = positionalArgs(run.args, VALUE_FLAGS)[0];
    const path = arg === undefined ? null : joinRepo(pkg.dir, arg);
    if (path !== null && ctx.files.has(path) && !named.some((n) => n.path === path)) named.push({ path, key: null });
  }
  if (named.length > 0) return named;
  const order = ['json', 'js', 'mjs', 'cjs', 'ts'];
  const found = filesIn(ctx, pkg.dir, CONFIG).sort((a, b) => order.indexOf(a.split('.').pop()!) - order.indexOf(b.split('.').pop()!));
  if (found.length > 0) return [{ path: found[0], key: null }];
  return hasRelayKey(pkg) ? [{ path: pkg.manifest, key: 'relay' }] : [];
};

type Place = { at: string; line?: number };

const kindOf = (run: ToolRun | null): EntryKind => run?.kind ?? 'tooling';

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const compiler = toolRun(ctx, pkg.dir, ['relay-compiler']);
  const app = toolRun(ctx, pkg.dir, APP_BUILDERS, { bundler: true });
  const appRanksHigher = app !== null && RANK.indexOf(app.kind) < RANK.indexOf(kindOf(compiler));
  const kind = kindOf(appRanksHigher ? app : compiler);
  const why = appRanksHigher ? `shipped by the app build: ${app.evidence}` : runEvidence(compiler, 'relay-compiler');

  for (const { path, key } of configsOf(ctx, pkg)) {
    const text = ctx.readText(path) ?? '';
    const json = path.endsWith('.json') ? parseJsonDocument(text, path) : null;
    const read = readToolConfig(ctx, path, out.diagnostics, 'relay').value;
    const value = key === null ? read : configAt(read, key);
    if (value === null) continue;
    if (key === null && CODE.test(path)) out.entries.push({ source: path, target: path, targetKind: 'file', kind, evidence: `${path}: Relay compiler config, read by relay-compiler and the Relay plugin; ${why}` });
    const projects = configAt(value, 'projects');
    const scopes: [string[], ConfigValue][] = projects?.kind === 'object' ? [...projects.props].map(([name, p]) => [['projects', name], p]) : [[[], value]];
    for (const [prefix, project] of scopes) {
      // JSON values carry no line: the document's member lines give it.
      const where = (v: ConfigValue, keys: string[]): Place => {
        const line = v.line > 1 ? v.line : json !== null && 'doc' in json ? json.doc.lineOf([...(key === null ? [] : [key]), ...prefix, ...keys]) : 0;
        return line > 1 ? { at: `${path}:${line}`, line } : { at: path };
      };
      readProject(ctx, path, dirname(path), project, { kind, why, where }, out);
    }
  }
};

const readProject = (
  ctx: FrameworkContext,
  config: string,
  configDir: string,
  project: ConfigValue,
  o: { kind: EntryKind; why: string; where: (v: ConfigValue, keys: string[]) => Place },
  out: FrameworkOutput,
): void => {
  const add = (target: string, what: string, place: Place, how = 'written by relay-compiler, required by the Relay plugin for its graphql tag') =>
    out.entries.push({ source: config, target, targetKind: 'file', kind: o.kind, evidence: `${what} (${place.at}): ${how}; ${o.why}`, ...(place.line ? { line: place.line } : {}) });

  const artifactValue = configAt(project, 'artifactDirectory');
  if (artifactValue?.kind !== 'string') {
    // Relay's default: a __generated__ folder beside each source file, under `src`.
    const srcValue = configAt(project, 'src');
    const src = joinRepo(configDir, srcValue?.kind === 'string' ? srcValue.value : '') ?? configDir;
    const place = srcValue?.kind === 'string' ? o.where(srcValue, ['src']) : { at: config };
    for (const file of pathsWithPrefix(ctx.files, src === '' ? '' : `${src}/`)) {
      if (!file.includes('node_modules/') && DEFAULT_ARTIFACT.test(file)) add(file, `Relay artifact in a __generated__ folder under src "${src === '' ? '.' : src}"`, place);
    }
    return;
  }
  const artifactDir = joinRepo(configDir, artifactValue.value);
  if (artifactDir === null) return;
  const place = o.where(artifactValue, ['artifactDirectory']);
  const artifacts = pathsWithPrefix(ctx.files, artifactDir === '' ? '' : `${artifactDir}/`).filter((f) => CODE.test(f) && !f.includes('node_modules/'));
  for (const file of artifacts) add(file, `Relay artifact in artifactDirectory "${artifactValue.value}"`, place);
  // Artifacts in the repo import the scalar types they use: the import graph already says which.
  if (artifacts.length > 0) return;
  const scalars = configAt(project, 'customScalarTypes');
  if (scalars?.kind !== 'object') return;
  for (const [scalar, type] of scalars.props) {
    const typePath = configAt(type, 'path');
    if (typePath?.kind !== 'string' || !/^\.{1,2}\//.test(typePath.value)) continue;
    const file = resolveToolPath(ctx, artifactDir, typePath.value);
    if (file === null || file === config) continue;
    add(file, `Relay customScalarTypes ${scalar} "${typePath.value}"`, o.where(typePath, ['customScalarTypes', scalar, 'path']), `imported by the artifacts relay-compiler writes to "${artifactValue.value}" (none in the repo to say which scalars they use)`);
  }
};

const relay: FrameworkReader = {
  id: 'relay',
  title: 'Relay (relay-compiler config: artifactDirectory, __generated__ artifacts, customScalarTypes)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Relay'),
  collect: eachPackage(packages, collectPackage),
};

export default relay;
