/**
 * release-it runs shell commands its config names at each step of a release: `hooks`
 * (`"before:init": ["npm test"]`, `"after:bump": "node scripts/stamp.js ${version}"`), and the
 * `releaseNotes` of `github`/`gitlab` and `git.changelog`. Its config is .release-it.{json,ts,js,
 * cjs,mjs,yaml,yml,toml}, package.json "release-it", or the file `release-it --config x` names.
 * Each command is a command line in the package folder with the kind of what runs release-it
 * there (a CI publish job: production; else tooling), and local `plugins` (`"./plugins/x.js": {}`)
 * are roots of that kind. A hook built at run time (a function) is a warning.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { configArg, dependsOn, enabledByPackages, filesIn, jsPackages, kindOf, placeIn, readToolConfig, resolveToolPath, runEvidence, toolInvocations, toolRun, warnUnread, type JsPackage, type ToolRun } from './support.js';

const CONFIG = /^\.release-it\.(json|[cm]?[jt]s|ya?ml|toml)$/;
/** Commands outside `hooks`: the release notes and changelog release-it asks a command for. */
const COMMAND_KEYS = [['github', 'releaseNotes'], ['gitlab', 'releaseNotes'], ['git', 'changelog']];

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, 'release-it') || filesIn(ctx, p.dir, CONFIG).length > 0 || p.json['release-it'] !== undefined);

const configsOf = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): { source: string; value: ConfigValue | null }[] => {
  const paths = filesIn(ctx, pkg.dir, CONFIG);
  for (const run of toolInvocations(ctx, ['release-it']).filter((r) => r.cwd === pkg.dir)) {
    const named = configArg(run.args, ['--config', '-c']);
    const path = named === null ? null : joinRepo(pkg.dir, named);
    if (path !== null && ctx.files.has(path) && !paths.includes(path)) paths.push(path);
  }
  const read = paths.map((source) => ({ source, value: readToolConfig(ctx, source, out.diagnostics, 'release-it').value }));
  if (pkg.json['release-it'] !== undefined) read.push({ source: pkg.manifest, value: configAt(readToolConfig(ctx, pkg.manifest, out.diagnostics, 'release-it').value, 'release-it') });
  return read;
};

const readConfig = (ctx: FrameworkContext, pkg: JsPackage, source: string, value: ConfigValue | null, run: ToolRun | null, out: FrameworkOutput): void => {
  const commands: { what: string; value: ConfigValue }[] = [];
  const hooks = configAt(value, 'hooks');
  if (hooks?.kind === 'object') for (const [name, v] of hooks.props) for (const item of v.kind === 'array' ? v.items : [v]) commands.push({ what: `hooks "${name}"`, value: item });
  else if (hooks?.kind === 'unknown') commands.push({ what: 'hooks', value: hooks });
  for (const keys of COMMAND_KEYS) {
    const v = configAt(value, ...keys);
    if (v) commands.push({ what: keys.join('.'), value: v });
  }
  const unread: { line: number; text: string }[] = [];
  for (const c of commands) {
    if (c.value.kind === 'string') {
      out.commands.push({ source, command: c.value.value, cwd: pkg.dir, kind: kindOf(run), evidence: `${placeIn(source, c.value.line)} release-it ${c.what} (${runEvidence(run, 'release-it')})`, ...(c.value.line > 1 ? { line: c.value.line } : {}) });
    } else if (c.value.kind === 'unknown') unread.push({ line: c.value.line, text: c.value.text });
  }
  warnUnread(out.diagnostics, 'release-it', source, unread, 'a release-it command');
  const plugins = configAt(value, 'plugins');
  for (const [name, options] of plugins?.kind === 'object' ? plugins.props : []) {
    const file = /^\.{1,2}\//.test(name) ? resolveToolPath(ctx, pkg.dir, name) : null;
    if (file) out.entries.push({ source, target: file, targetKind: 'file', kind: kindOf(run), evidence: `${placeIn(source, options.line)} release-it plugin "${name}" (${runEvidence(run, 'release-it')})`, ...(options.line > 1 ? { line: options.line } : {}) });
  }
};

const releaseIt: FrameworkReader = {
  id: 'release-it',
  title: 'release-it (hooks, release-notes and changelog commands, local plugins)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'release-it'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) {
      const run = toolRun(ctx, pkg.dir, ['release-it']);
      for (const { source, value } of configsOf(ctx, pkg, out)) readConfig(ctx, pkg, source, value, run, out);
    }
    return out;
  },
};

export default releaseIt;
