/**
 * GraphQL Code Generator loads its config and the local modules it names by path, which nothing
 * imports: in codegen.{ts,js,mjs,cjs,json,yml,yaml}, .codegenrc.*, package.json "codegen", a
 * graphql-config file's `extensions.codegen` (.graphqlrc*, graphql.config.*, per project too) or
 * the file `graphql-codegen --config x` names — `require` hooks, a code-first `schema`
 * (`./src/schema.ts`, globs too), local `plugins` and `preset`s, top-level or per `generates`
 * output, and `documents` that name a code file; and each `generates` output that is a code file
 * of the repo (codegen writes it again on every run, so removing it is a config change), and with
 * the near-operation-file preset the file it writes beside each document that exists
 * (`<document's folder>/<presetConfig.folder>/<its name or presetConfig.fileName><presetConfig.extension,
 * default .generated.ts>`). Only in packages that depend on
 * `@graphql-codegen/*` (a `codegen.ts` alone is too common a name to claim). The configs and
 * those files are roots with the kind of what runs graphql-codegen (else tooling). `documents`
 * globs are not roots: codegen parses the queries out of them without running them, so a
 * component they match is used only if something imports it.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { isGlob } from '../../util/glob.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { configArg, dependsOn, eachPackage, enabledByPackages, filesIn, globFiles, jsPackages, kindOf, readToolConfig, resolveToolPath, runEvidence, toolInvocations, toolRun, warnUnread, type JsPackage, type ToolRun } from './support.js';

const CODEGEN_CONFIG = /^(codegen\.([cm]?[jt]s|json|ya?ml)|\.codegenrc(\.([cm]?[jt]s|json|ya?ml))?|codegen\.config\.[cm]?js)$/;
const GRAPHQL_CONFIG = /^(\.graphqlrc(\.([cm]?[jt]s|json|ya?ml|toml))?|graphql\.config\.([cm]?[jt]s|json|ya?ml|toml))$/;
const CODE = /\.([cm]?[jt]sx?)$/;
const NEAR_OPERATION_FILE = /^(near-operation-file|@graphql-codegen\/near-operation-file-preset)$/;
const BINS = ['graphql-codegen', 'graphql-codegen-esm', 'gql-gen', 'graphql-code-generator'];

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, /^@graphql-codegen\//));

type Named = { key: string; value: string; line: number };

/** Strings at a key, and object keys (`schema: { './schema.ts': {...} }`, `plugins: [{ './p.js': {} }]`). */
const namedAt = (value: ConfigValue | null, key: string, into: Named[], unread: { line: number; text: string }[]): void => {
  const visit = (v: ConfigValue, depth: number) => {
    if (depth > 3) return;
    if (v.kind === 'string') into.push({ key, value: v.value, line: v.line });
    else if (v.kind === 'array') v.items.forEach((i) => visit(i, depth + 1));
    else if (v.kind === 'object') for (const [k, x] of v.props) into.push({ key, value: k, line: x.line });
    else if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text });
  };
  if (value) visit(value, 0);
};

/** The codegen options a config holds: itself, or graphql-config's `extensions.codegen` (per project). */
const codegenOptions = (value: ConfigValue | null, graphqlConfig: boolean): ConfigValue[] => {
  if (!graphqlConfig) return value ? [value] : [];
  const projects = configAt(value, 'projects');
  const all = projects?.kind === 'object' ? [...projects.props.values()] : [value];
  return all.map((p) => configAt(p, 'extensions', 'codegen')).filter((c): c is ConfigValue => c !== null);
};

/** A string key of a preset's `presetConfig`, or its default. */
const presetString = (output: ConfigValue, key: string, fallback: string): string => {
  const v = configAt(output, 'presetConfig', key);
  return v?.kind === 'string' ? v.value : fallback;
};

/**
 * The files the near-operation-file preset writes for one `generates` output that exist in the
 * repo: one beside each document (root and output `documents` together, as codegen merges them),
 * paths relative to the config's folder (codegen's working directory).
 */
const nearOperationFiles = (ctx: FrameworkContext, dir: string, options: ConfigValue, output: ConfigValue): { file: string; document: string }[] => {
  const preset = configAt(output, 'preset');
  if (preset?.kind !== 'string' || !NEAR_OPERATION_FILE.test(preset.value)) return [];
  const named: Named[] = [];
  namedAt(configAt(options, 'documents'), 'documents', named, []);
  namedAt(configAt(output, 'documents'), 'documents', named, []);
  const patterns = named.map((n) => n.value);
  const documents = new Set(globFiles(ctx, dir, patterns.filter((p) => isGlob(p) || p.startsWith('!'))).map((g) => g.file));
  for (const p of patterns) {
    const path = isGlob(p) || p.startsWith('!') ? null : joinRepo(dir, p);
    if (path !== null && ctx.files.has(path)) documents.add(path);
  }
  const folder = presetString(output, 'folder', '');
  const extension = presetString(output, 'extension', '.generated.ts');
  const fileName = presetString(output, 'fileName', '');
  const out: { file: string; document: string }[] = [];
  for (const document of documents) {
    const base = basename(document);
    const name = fileName || (base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base);
    const file = joinRepo(dirname(document), folder, `${name}${extension}`);
    if (file !== null && file !== document && ctx.files.has(file)) out.push({ file, document });
  }
  return out;
};

const readConfig = (ctx: FrameworkContext, source: string, value: ConfigValue | null, graphqlConfig: boolean, run: ToolRun | null, out: FrameworkOutput): void => {
  const named: Named[] = [];
  const unread: { line: number; text: string }[] = [];
  for (const options of codegenOptions(value, graphqlConfig)) {
    const scopes: ConfigValue[] = [options];
    const generates = configAt(options, 'generates');
    if (generates?.kind === 'object') scopes.push(...generates.props.values());
    if (generates?.kind === 'object') for (const [output, v] of generates.props) named.push({ key: 'generates', value: output, line: v.line });
    for (const scope of scopes) for (const key of ['require', 'schema', 'documents', 'plugins', 'preset']) namedAt(configAt(scope, key), key, named, unread);
  }
  warnUnread(out.diagnostics, 'graphql-codegen', source, unread, 'a codegen path');
  const dir = dirname(source);
  for (const options of codegenOptions(value, graphqlConfig)) {
    const generates = configAt(options, 'generates');
    for (const [output, v] of generates?.kind === 'object' ? generates.props : []) {
      for (const { file, document } of nearOperationFiles(ctx, dir, options, v)) {
        const at = v.line > 1 ? `${source}:${v.line}` : source;
        out.entries.push({ source, target: file, targetKind: 'file', kind: kindOf(run), evidence: `${at} graphql-codegen generates "${output}" with the near-operation-file preset: written beside the document ${document} (${runEvidence(run, 'graphql-codegen')})`, ...(v.line > 1 ? { line: v.line } : {}) });
      }
    }
  }
  for (const n of named) {
    if (!/^\.{0,2}\//.test(n.value) && !CODE.test(n.value)) continue;
    const glob = isGlob(n.value);
    if (glob && n.key === 'documents') continue;
    const files = glob ? globFiles(ctx, dir, [n.value]).map((g) => g.file) : [resolveToolPath(ctx, dir, n.value)].filter((f): f is string => f !== null);
    for (const file of files) {
      if (!CODE.test(file) || file === source) continue;
      out.entries.push({ source, target: file, targetKind: 'file', kind: kindOf(run), evidence: `${n.line > 1 ? `${source}:${n.line}` : source} graphql-codegen ${n.key} "${n.value}" (${runEvidence(run, 'graphql-codegen')})`, ...(n.line > 1 ? { line: n.line } : {}) });
    }
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const run = toolRun(ctx, pkg.dir, BINS);
  const configs = [...filesIn(ctx, pkg.dir, CODEGEN_CONFIG), ...filesIn(ctx, pkg.dir, GRAPHQL_CONFIG)];
  for (const invocation of toolInvocations(ctx, BINS).filter((r) => r.cwd === pkg.dir)) {
    const named = configArg(invocation.args, ['--config', '-c']);
    const path = named === null ? null : joinRepo(pkg.dir, named);
    if (path !== null && ctx.files.has(path) && !configs.includes(path)) configs.push(path);
  }
  for (const config of configs) {
    if (CODE.test(config)) out.entries.push({ source: config, target: config, targetKind: 'file', kind: kindOf(run), evidence: `${config}: config loaded by graphql-codegen (${runEvidence(run, 'graphql-codegen')})` });
    readConfig(ctx, config, readToolConfig(ctx, config, out.diagnostics, 'graphql-codegen').value, GRAPHQL_CONFIG.test(config.slice(config.lastIndexOf('/') + 1)), run, out);
  }
  if (pkg.json.codegen !== undefined) readConfig(ctx, pkg.manifest, configAt(readToolConfig(ctx, pkg.manifest, out.diagnostics, 'graphql-codegen').value, 'codegen'), false, run, out);
};

const graphqlCodegen: FrameworkReader = {
  id: 'graphql-codegen',
  title: 'GraphQL Code Generator (its config; local require, schema, plugins, presets)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'GraphQL Code Generator'),
  collect: eachPackage(packages, collectPackage),
};

export default graphqlCodegen;
