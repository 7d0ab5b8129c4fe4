/**
 * Orval generates API clients from an OpenAPI spec, and while it generates it loads local modules
 * its config names by path, which nothing imports: for each project of orval.config.* (or the file
 * `orval --config x` / `-c x` names), `input.override.transformer` (a module that rewrites the
 * spec), and under `output.override` — per `operations.<id>` and `tags.<tag>` too — a
 * `transformer`, and every mutator: `mutator`, `query.queryKey`/`queryOptions`/`mutationOptions`,
 * `formData`, `formUrlEncoded`, `paramsSerializer`, and each value of zod's `preprocess` (`{ body:
 * …, response: … }`), each a path or `{ path, name }` (the custom fetch instance the generated
 * client calls, a function zod runs first). Paths are relative to the config's folder. The config and those modules are roots with the kind of what runs orval
 * (a script, else tooling: it is run by hand); `hooks` (`afterAllFilesWrite: 'prettier --write'`)
 * are command lines orval runs after writing, in the config's folder.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { configArg, dependsOn, eachPackage, enabledByPackages, filesIn, jsPackages, kindOf, placeIn, readToolConfig, resolveToolPath, runEvidence, toolInvocations, toolRun, warnUnread, type JsPackage, type ToolRun } from './support.js';

const ORVAL_CONFIG = /^orval\.config\.[cm]?[jt]s$/;
const CODE = /\.([cm]?[jt]sx?)$/;
/** Keys under `override` whose value is a module path or a mutator (`'./x.ts'` or `{ path: './x.ts', name }`). */
const MODULE_KEYS = new Set(['transformer', 'mutator', 'queryKey', 'queryOptions', 'mutationOptions', 'formData', 'formUrlEncoded', 'paramsSerializer']);
/** Keys under `override` whose value maps what a mutator applies to onto the mutator: zod's `preprocess` (`param`, `query`, `header`, `body`, `response`). */
const MUTATOR_MAPS = new Set(['preprocess']);

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, 'orval') || filesIn(ctx, p.dir, ORVAL_CONFIG).length > 0);

type Named = { key: string; value: string; line: number };
type Unread = { line: number; text: string };

/** A module key's path: a string, or a mutator object's `path`. */
const modulePath = (key: string, v: ConfigValue, named: Named[], unread: Unread[]): void => {
  if (v.kind === 'string') named.push({ key, value: v.value, line: v.line });
  else if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text });
  else if (v.kind === 'object') {
    const path = v.props.get('path');
    if (path?.kind === 'string') named.push({ key: `${key}.path`, value: path.value, line: path.line });
    else if (path?.kind === 'unknown') unread.push({ line: path.line, text: path.text });
  }
};

/** A module key's value that names a module: a path, a mutator object with a `path`, or a computed value. */
const namesModule = (x: ConfigValue): boolean => x.kind === 'string' || x.kind === 'unknown' || (x.kind === 'object' && x.props.has('path'));

/**
 * Every module path under an `override` object: its module keys and those of nested objects
 * (operations, tags, query, zod, …). `mutators`: the object is a map of mutators by what they apply
 * to (zod's `preprocess: { body: {...}, response: { path, name } }`), so each of its values names a module.
 */
const overridePaths = (v: ConfigValue | null, at: string, named: Named[], unread: Unread[], depth = 0, mutators = false): void => {
  if (v?.kind !== 'object' || depth > 5) return;
  for (const [k, x] of v.props) {
    const key = `${at}.${k}`;
    if ((mutators || MODULE_KEYS.has(k)) && namesModule(x)) modulePath(key, x, named, unread);
    else if (x.kind === 'object') overridePaths(x, key, named, unread, depth + 1, MUTATOR_MAPS.has(k));
  }
};

const hookCommands = (hooks: ConfigValue | null, at: string): { key: string; command: string; line: number }[] => {
  const out: { key: string; command: string; line: number }[] = [];
  if (hooks?.kind !== 'object') return out;
  for (const [name, v] of hooks.props) {
    for (const item of v.kind === 'array' ? v.items : [v]) {
      const command = item.kind === 'object' ? item.props.get('command') : item;
      if (command?.kind === 'string') out.push({ key: `${at}hooks.${name}`, command: command.value, line: command.line });
    }
  }
  return out;
};

const readConfig = (ctx: FrameworkContext, config: string, run: ToolRun | null, out: FrameworkOutput): void => {
  const value = readToolConfig(ctx, config, out.diagnostics, 'orval').value;
  const dir = dirname(config);
  const why = runEvidence(run, 'orval');
  const named: Named[] = [];
  const unread: Unread[] = [];
  const commands: { key: string; command: string; line: number }[] = [];
  for (const [project, options] of value?.kind === 'object' ? value.props : []) {
    overridePaths(configAt(options, 'input', 'override'), `${project}.input.override`, named, unread);
    overridePaths(configAt(options, 'output', 'override'), `${project}.output.override`, named, unread);
    commands.push(...hookCommands(configAt(options, 'hooks'), `${project}.`));
  }
  warnUnread(out.diagnostics, 'orval', config, unread, 'a module path');
  for (const n of named) {
    const file = resolveToolPath(ctx, dir, n.value);
    if (file === null || !CODE.test(file) || file === config) continue;
    out.entries.push({ source: config, target: file, targetKind: 'file', kind: kindOf(run), evidence: `${placeIn(config, n.line)} orval ${n.key} "${n.value}" (loaded by ${why})`, ...(n.line > 1 ? { line: n.line } : {}) });
  }
  for (const c of commands) {
    out.commands.push({ source: config, command: c.command, cwd: dir, kind: kindOf(run), ...(c.line > 1 ? { line: c.line } : {}), evidence: `${placeIn(config, c.line)} orval ${c.key} (run by ${why})` });
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const run = toolRun(ctx, pkg.dir, ['orval']);
  const configs = filesIn(ctx, pkg.dir, ORVAL_CONFIG);
  for (const invocation of toolInvocations(ctx, ['orval']).filter((r) => r.cwd === pkg.dir)) {
    const named = configArg(invocation.args, ['--config', '-c']);
    const path = named === null ? null : joinRepo(pkg.dir, named);
    if (path !== null && ctx.files.has(path) && CODE.test(path) && !configs.includes(path)) configs.push(path);
  }
  for (const config of configs) {
    out.entries.push({ source: config, target: config, targetKind: 'file', kind: kindOf(run), evidence: `${config}: config loaded by ${runEvidence(run, 'orval')}` });
    readConfig(ctx, config, run, out);
  }
};

const orval: FrameworkReader = {
  id: 'orval',
  title: 'Orval (its config; local transformers, mutators and hooks)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Orval'),
  collect: eachPackage(packages, collectPackage),
};

export default orval;
