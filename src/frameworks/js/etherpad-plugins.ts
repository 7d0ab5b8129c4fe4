/**
 * Etherpad loads its plugins' code by hook, never by import. Every plugin package (and Etherpad's
 * own `ep_etherpad-lite`) has an `ep.json` beside its package.json: `"parts": [{ "hooks": {
 * "expressCreateServer": "ep_x/node/routes:create" }, "client_hooks": { "postAceInit":
 * "ep_x/static/js/index" } }]`. At start-up the plugin framework (`pluginfw/plugins.js`) reads the
 * ep.json of every installed `ep_*` package and `require()`s each hook's module by that name, the
 * part before `:` (the function, defaulting to the hook's name); client hooks are required the same
 * way in the browser. So each module a hook names is a production root, found in the repo by its
 * package name: the plugin's own package, or another package of the repo with that name. A name
 * no package here has (another plugin, installed from npm) is not this repository's code.
 *
 * Tests follow the same contract: Etherpad's frontend test page (`/tests/frontend`, served by
 * core's `node/hooks/express/tests.js`) lists every installed plugin's `static/tests/frontend/specs/`
 * (core's own `tests/frontend/specs/`) and runs each `.js` found there, at any depth, in the browser;
 * core's backend suite runs `mocha --recursive … ../node_modules/ep_*\/static/tests/backend/specs`.
 * Those spec files are test roots.
 */
import { isRecord } from '../../manifests/json.js';
import { parseJsonc } from '../../util/jsonc.js';
import { splitLines } from '../../util/lines.js';
import { warning } from '../../util/diagnostics.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { jsPackages, resolveToolPath, type JsPackage } from './support.js';

const HOOK_SECTIONS = ['hooks', 'client_hooks'] as const;

const epJsonOf = (pkg: JsPackage): string => joinRepo(pkg.dir, 'ep.json') ?? 'ep.json';

const pluginPackages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => ctx.files.has(epJsonOf(p)));

/** `ep_x/static/js/index:fn` → the package name and the path inside it; scoped names keep their scope. */
const splitHookPath = (value: string): { name: string; rest: string } | null => {
  const modulePath = value.split(':')[0];
  const parts = modulePath.split('/');
  const take = modulePath.startsWith('@') ? 2 : 1;
  if (parts.length <= take) return null;
  return { name: parts.slice(0, take).join('/'), rest: parts.slice(take).join('/') };
};

/** The ep.json line that maps `"hook": "value"` (undefined when it spans lines). */
const lineOfHook = (lines: string[], hook: string, value: string): number | undefined => {
  const i = lines.findIndex((l) => l.includes(JSON.stringify(hook)) && l.includes(JSON.stringify(value)));
  return i < 0 ? undefined : i + 1;
};

const readParts = (ctx: FrameworkContext, epJson: string, out: FrameworkOutput): unknown[] => {
  const text = ctx.readText(epJson);
  if (text === null) return [];
  const parsed = parseJsonc(text);
  if (!('value' in parsed)) {
    out.diagnostics.push(warning('etherpad/ep-json', `not valid JSON: ${parsed.error}`, epJson, parsed.line));
    return [];
  }
  return isRecord(parsed.value) && Array.isArray(parsed.value.parts) ? parsed.value.parts : [];
};

const collectPlugin = (ctx: FrameworkContext, pkg: JsPackage, byName: ReadonlyMap<string, JsPackage>, out: FrameworkOutput): void => {
  const epJson = epJsonOf(pkg);
  const lines = splitLines(ctx.readText(epJson) ?? '');
  for (const part of readParts(ctx, epJson, out)) {
    if (!isRecord(part)) continue;
    for (const section of HOOK_SECTIONS) {
      const hooks = part[section];
      if (!isRecord(hooks)) continue;
      for (const [hook, value] of Object.entries(hooks)) {
        if (typeof value !== 'string') continue;
        const split = splitHookPath(value);
        const owner = split ? byName.get(split.name) : undefined;
        if (!split || !owner) continue;
        const file = resolveToolPath(ctx, owner.dir, `./${split.rest}`);
        if (file === null) continue;
        const line = lineOfHook(lines, hook, value);
        const where = section === 'hooks' ? 'the server' : 'the browser';
        out.entries.push({
          source: epJson,
          target: file,
          targetKind: 'file',
          kind: 'production',
          ...(line ? { line } : {}),
          evidence: `${epJson}${line ? `:${line}` : ''} ${section} "${hook}": "${value}" (required by Etherpad's plugin framework in ${where})`,
        });
      }
    }
  }
};

const CORE = 'ep_etherpad-lite';

/** The spec folders Etherpad's test runners read in a plugin's folder (core's frontend specs sit elsewhere). */
const specFolders = (pkg: JsPackage): { folder: string; runner: string }[] =>
  pkg.json.name === CORE
    ? [{ folder: 'tests/frontend/specs', runner: "Etherpad's frontend test runner (/tests/frontend) loads core's tests/frontend/specs" }]
    : [
        { folder: 'static/tests/frontend/specs', runner: "Etherpad's frontend test runner (/tests/frontend) loads every plugin's static/tests/frontend/specs" },
        { folder: 'static/tests/backend/specs', runner: "Etherpad's backend suite runs mocha on every plugin's static/tests/backend/specs" },
      ];

const collectSpecs = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  for (const { folder, runner } of specFolders(pkg)) {
    const dir = joinRepo(pkg.dir, folder);
    if (dir === null) continue;
    for (const file of pathsWithPrefix(ctx.files, `${dir}/`)) {
      if (!file.endsWith('.js') || file.includes('node_modules/')) continue;
      out.entries.push({ source: epJsonOf(pkg), target: file, targetKind: 'file', kind: 'test', evidence: `${runner} (${String(pkg.json.name ?? pkg.manifest)}, whose ${epJsonOf(pkg)} declares its hooks)` });
    }
  }
};

const etherpadPlugins: FrameworkReader = {
  id: 'etherpad-plugins',
  title: 'Etherpad plugins (ep.json hooks and client_hooks, the spec folders Etherpad runs)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = pluginPackages(ctx)[0];
    return first ? `${epJsonOf(first)} declares Etherpad plugin hooks` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const byName = new Map<string, JsPackage>();
    for (const pkg of jsPackages(ctx)) if (typeof pkg.json.name === 'string' && !byName.has(pkg.json.name)) byName.set(pkg.json.name, pkg);
    for (const pkg of pluginPackages(ctx)) {
      collectPlugin(ctx, pkg, byName, out);
      collectSpecs(ctx, pkg, out);
    }
    return out;
  },
};

export default etherpadPlugins;
