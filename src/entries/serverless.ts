/**
 * Serverless Framework service files (serverless.yml/.yaml/.json, and serverless.ts/.js read
 * statically, never run), in any folder. `functions.<name>.handler: <path>.<export>` is code the
 * cloud runs: a production root, the path before the last dot resolved from the service folder
 * (or the function's `module` folder) to a file of the function's runtime (nodejs* → .js/.mjs/.cjs
 * and the .ts that serverless-esbuild, -webpack or -plugin-typescript compile; python* → .py,
 * dotted modules as folders; no runtime → whatever file exists). Local plugins (`./x`, or found
 * under `plugins.localPath`, default `.serverless_plugins`) are loaded by the serverless CLI:
 * tooling roots; other plugin names are npm packages. A `${…}` variable is not resolved: a warning.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../util/diagnostics.js';
import { dirname, joinRepo } from '../util/path.js';
import { parseYamlFile } from '../manifests/yaml.js';
import { configAt, fromFile, jsonConfigValue, readConfigFile, yamlConfigValue, type ConfigValue } from '../languages/javascript/config-value.js';
import { fileEntry } from './support/inputs.js';
import { handlerModule, lambdaHandlerFile, namesSourceFile, relativeTo } from './support/lambda-handler.js';
import { lineHolding } from '../util/lines.js';
import { emptyOutput, type DetectorContext, type DetectorOutput, type EntryDetector } from './types.js';

const SERVICE_FILE = /^serverless\.(ya?ml|json|[cm]?[jt]s)$/;
/** Plugins that compile a TypeScript handler: with one, `handler.ts` is the source even beside a `handler.js`. */
const TS_PLUGINS = /^(serverless-esbuild|serverless-webpack|serverless-plugin-typescript|serverless-bundle)$/;
/** How node's require finds a local plugin. */
const REQUIRE = ['', '.js', '.cjs', '.mjs', '.ts', '/index.js', '/index.cjs', '/index.mjs', '/index.ts'];
const VARIABLE = /\$\{/;

/** The service file's value: YAML and JSON parsed, JS/TS read without running it. */
const readService = (path: string, text: string, diagnostics: Diagnostic[]): ConfigValue | null => {
  if (/\.ya?ml$/.test(path)) {
    const parsed = parseYamlFile(text, path);
    diagnostics.push(...parsed.diagnostics);
    return parsed.docs[0] ? yamlConfigValue(parsed.docs[0]) : null;
  }
  if (path.endsWith('.json')) {
    const value = jsonConfigValue(text);
    if (value === null) diagnostics.push(warning('serverless/invalid', 'not valid JSON', path, 1));
    return value;
  }
  const read = readConfigFile(path, text);
  for (const e of read.errors.slice(0, 1)) diagnostics.push(warning('serverless/config-syntax', `config not parsed: ${e.message}`, path, e.line));
  // A module that happens to be called serverless.ts (not a service file) exports no `service` or `functions`.
  const isService = configAt(read.value, 'service') !== null || configAt(read.value, 'functions') !== null;
  return isService ? read.value : null;
};

const str = (v: ConfigValue | null): string | undefined => (v?.kind === 'string' ? v.value : undefined);
const entriesOf = (v: ConfigValue | null): [string, ConfigValue][] => (v?.kind === 'object' ? [...v.props] : []);

/** A local plugin's file as node's require finds it (a folder's package.json `main` too), or null. */
const pluginFile = (ctx: DetectorContext, base: string): string | null => {
  for (const ext of REQUIRE) if (ctx.files.has(`${base}${ext}`)) return `${base}${ext}`;
  const manifest = ctx.files.has(`${base}/package.json`) ? ctx.manifests.text(`${base}/package.json`) : null;
  if (manifest === null) return null;
  try {
    const main: unknown = (JSON.parse(manifest) as { main?: unknown }).main;
    const target = typeof main === 'string' ? joinRepo(base, main) : null;
    return target === null ? null : (REQUIRE.slice(0, 5).map((e) => `${target}${e}`).find((f) => ctx.files.has(f)) ?? null);
  } catch {
    return null;
  }
};

/** The line of a string value: YAML and JS keep theirs; JSON values are all on line 1, so the text is searched for it. */
const lineOf = (v: ConfigValue & { kind: 'string' }, text: string): number => {
  if (v.line > 1 || v.file !== undefined) return v.line;
  return lineHolding(text, JSON.stringify(v.value)) ?? v.line;
};

/** `plugins:` as a list, or as `{ localPath, modules }`. */
const pluginList = (service: ConfigValue): ConfigValue[] => {
  const plugins = configAt(service, 'plugins');
  const list = plugins?.kind === 'array' ? plugins : configAt(plugins, 'modules');
  return list?.kind === 'array' ? list.items : [];
};

const FILE_VARIABLE = /^\$\{file\(\s*['"]?([^'")$]+?)['"]?\s*\)(?::([\w.-]+))?\}$/;

/**
 * `${file(./functions.yml)}` or `${file(./functions.yml):key.path}`, where a value is a whole
 * variable: the YAML or JSON file's value (every part marked with its file, for evidence), from
 * the service folder as the framework reads it. Anything else comes back as it is.
 */
const included = (ctx: DetectorContext, dir: string, v: ConfigValue): ConfigValue => {
  const m = v.kind === 'string' ? FILE_VARIABLE.exec(v.value) : null;
  if (!m || !/\.(ya?ml|json)$/.test(m[1])) return v;
  const path = joinRepo(dir, m[1]);
  const text = path === null ? null : ctx.manifests.text(path);
  if (path === null || text === null) return v;
  const doc = parseYamlFile(text, path).docs[0];
  const value = doc ? configAt(yamlConfigValue(doc), ...(m[2] ? m[2].split('.') : [])) : null;
  return value === null ? v : fromFile(value, path);
};

const readFunctions = (ctx: DetectorContext, file: { path: string; text: string }, service: ConfigValue, out: DetectorOutput, tsFirst: boolean) => {
  const dir = dirname(file.path);
  const provider = configAt(service, 'provider');
  const providerName = str(configAt(provider, 'name')) ?? (str(provider) ?? 'aws');
  const serviceArtifact = str(configAt(service, 'package', 'artifact')) ?? str(configAt(provider, 'package', 'artifact'));
  const raw = configAt(service, 'functions');
  const functions = raw === null ? null : included(ctx, dir, raw);
  // A value read from an included file is placed in that file.
  const at = (v: ConfigValue) => v.file ?? file.path;
  if (functions?.kind === 'unknown') {
    out.diagnostics.push(warning('serverless/not-static', `functions are computed, not read: ${functions.text}`, at(functions), functions.line));
    return;
  }
  // `functions:` as one map, or (older services) a list of maps, each maybe from another file.
  const maps = (functions?.kind === 'array' ? functions.items : functions ? [functions] : []).map((m) => included(ctx, dir, m));
  for (const map of maps) {
    if (map.kind === 'string' && VARIABLE.test(map.value)) {
      out.diagnostics.push(warning('serverless/variable', `functions "${map.value}" is a variable census does not resolve`, at(map), lineOf(map, file.text)));
      continue;
    }
    for (const [name, value] of entriesOf(map)) {
      const fn = included(ctx, dir, value);
      if (fn.kind === 'string' && VARIABLE.test(fn.value)) {
        out.diagnostics.push(warning('serverless/variable', `functions.${name} "${fn.value}" is a variable census does not resolve`, at(fn), lineOf(fn, file.text)));
        continue;
      }
      const handler = configAt(fn, 'handler');
      if (handler === null) continue;
      if (handler.kind === 'unknown') {
        out.diagnostics.push(warning('serverless/not-static', `functions.${name}.handler is computed, not read: ${handler.text}`, at(handler), handler.line));
        continue;
      }
      if (handler.kind !== 'string') continue;
      const line = lineOf(handler, file.text);
      if (VARIABLE.test(handler.value)) {
        out.diagnostics.push(warning('serverless/variable', `functions.${name}.handler "${handler.value}" is a variable census does not resolve`, at(handler), line));
        continue;
      }
      const modulePath = handlerModule(handler.value);
      if (modulePath === null) {
        out.diagnostics.push(warning('serverless/bad-handler', `functions.${name}.handler "${handler.value}" is not <file>.<function>`, at(handler), line));
        continue;
      }
      const runtime = str(configAt(fn, 'runtime')) ?? str(configAt(provider, 'runtime'));
      const module = str(configAt(fn, 'module'));
      const moduleDir = module !== undefined && !VARIABLE.test(module) ? joinRepo(dir, module) : null;
      const dirs = moduleDir === null ? [dir] : [moduleDir, dir];
      const target = lambdaHandlerFile(ctx.files, dirs, modulePath, runtime, tsFirst);
      const on = runtime === undefined ? `${providerName}, no runtime given` : `${providerName} ${runtime}`;
      // An entry's line is in the service file: a handler from an included file names its own place in the evidence.
      if (target !== null) {
        const said = handler.file ? `${file.path} functions.${name}.handler (${handler.file} line ${line})` : `${file.path} line ${line}: functions.${name}.handler`;
        out.entries.push(fileEntry(target, 'production', `${said} runs ${relativeTo(dir, target)} (${on})`, handler.file ? undefined : line));
        continue;
      }
      // A handler inside a prebuilt artifact (package.artifact) is not a repo file; other runtimes (java, go, provided) name no source file.
      const artifact = str(configAt(fn, 'package', 'artifact')) ?? serviceArtifact;
      if (artifact !== undefined || !namesSourceFile(runtime)) continue;
      out.diagnostics.push(warning('serverless/missing-handler', `functions.${name}.handler "${handler.value}" names no ${runtime ?? 'code'} file in the repo`, at(handler), line));
    }
  }
};

const readPlugins = (ctx: DetectorContext, file: { path: string; text: string }, service: ConfigValue, out: DetectorOutput) => {
  const dir = dirname(file.path);
  const plugins = configAt(service, 'plugins');
  const localPathValue = configAt(plugins, 'localPath');
  const localPath = str(localPathValue) ?? '.serverless_plugins';
  const where = localPathValue ? 'plugins.modules' : 'plugins';
  if (VARIABLE.test(localPath)) {
    out.diagnostics.push(warning('serverless/variable', `plugins.localPath "${localPath}" is a variable census does not resolve`, file.path, localPathValue?.line ?? 1));
    return;
  }
  const localDir = joinRepo(dir, localPath);
  for (const item of pluginList(service)) {
    if (item.kind !== 'string') continue;
    const line = lineOf(item, file.text);
    if (VARIABLE.test(item.value)) {
      out.diagnostics.push(warning('serverless/variable', `${where} "${item.value}" is a variable census does not resolve`, file.path, line));
      continue;
    }
    const relative = /^\.\.?\//.test(item.value);
    const base = relative ? joinRepo(dir, item.value) : localDir === null ? null : joinRepo(localDir, item.value);
    const target = base === null ? null : pluginFile(ctx, base);
    if (target !== null) {
      const from = relative ? 'a local plugin' : `a local plugin in ${localPath}`;
      out.entries.push(fileEntry(target, 'tooling', `${file.path} line ${line}: ${where} "${item.value}" is ${from} the serverless CLI loads (${target})`, line));
    } else if (relative) {
      out.diagnostics.push(warning('serverless/missing-plugin', `${where} "${item.value}" is not a file in the repo`, file.path, line));
    }
    // Otherwise a package name: a dependency, not a repo file.
  }
};

const serverless: EntryDetector = {
  id: 'serverless',
  title: 'Serverless Framework services (serverless.yml/json/ts: functions.*.handler, local plugins)',
  matches: (path, name) => SERVICE_FILE.test(name),
  candidates: { names: ['yml', 'yaml', 'json', 'js', 'cjs', 'mjs', 'ts', 'cts', 'mts'].map((ext) => `serverless.${ext}`) },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const service = readService(file.path, file.text, out.diagnostics);
    if (service === null || service.kind !== 'object') return out;
    const tsFirst = pluginList(service).some((p) => p.kind === 'string' && TS_PLUGINS.test(p.value)) || /\.[cm]?ts$/.test(file.path);
    readFunctions(ctx, file, service, out, tsFirst);
    readPlugins(ctx, file, service, out);
    return out;
  },
};

export default serverless;
