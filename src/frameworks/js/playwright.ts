/**
 * Playwright Test collects `testMatch` (default `*.spec.*`/`*.test.*`) under `testDir` (default:
 * the config's folder), per project too, and loads globalSetup/globalTeardown and local reporters.
 * All are test roots. Its `webServer` (an object or a list of them) starts each `command` before
 * the tests, in `cwd` (relative to the config's folder, which is the default): test commands.
 * Read statically from playwright.config.* beside a package.json, from the config `playwright test
 * -c x` names, and from one a knip config names for its playwright plugin; paths in the config are
 * relative to its own folder, as Playwright resolves them. A config that spreads another it
 * imports (`{ ...baseConfig, maxFailures: 1 }`) takes the other's testDir and testMatch unless
 * it sets them itself.
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { knipPluginConfigs } from '../../languages/javascript/knip-config-file.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { configsFromCommands, enabledByPackages, filesIn, globFiles, pathEntries, readToolConfig, toolPackages, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^playwright(\.[\w-]+)?\.config\.[cm]?[jt]s$/;
const DEFAULT_MATCH = ['**/*.@(spec|test).?(c|m)[jt]s?(x)'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@playwright/test'], CONFIG);

/** The configs of a package: beside its package.json, named by `playwright test -c x`, or by a knip config's playwright plugin. */
const configsOf = (ctx: FrameworkContext, pkg: JsPackage): string[] => {
  const fromCommands = configsFromCommands(ctx, ['playwright']).filter((c) => c.dir === pkg.dir).map((c) => c.config);
  const fromKnip = knipPluginConfigs(ctx.files, ctx.readText, ['playwright']).filter((k) => k.dir === pkg.dir && basename(k.config) !== 'package.json').map((k) => k.config);
  return [...new Set([...filesIn(ctx, pkg.dir, CONFIG), ...fromCommands, ...fromKnip])];
};

/** `webServer: { command, cwd }` or a list of them: each command runs before the tests, in `cwd` (relative to the config's folder). */
const webServers = (ctx: FrameworkContext, config: string, value: ConfigValue | null, out: FrameworkOutput) => {
  const servers = configAt(value, 'webServer');
  if (servers === null) return;
  const items = servers.kind === 'array' ? servers.items : [servers];
  const unread: { line: number; text: string }[] = servers.kind === 'unknown' ? [servers] : [];
  for (const server of items) {
    const command = configAt(server, 'command');
    const cwd = configAt(server, 'cwd');
    if (command?.kind === 'unknown') unread.push(command);
    if (cwd?.kind === 'unknown') unread.push(cwd);
    if (command?.kind !== 'string' || cwd?.kind === 'unknown') continue;
    const dir = cwd?.kind === 'string' ? joinRepo(dirname(config), cwd.value.replace(/\/+$/, '') || '.') : dirname(config);
    if (dir === null) continue;
    const where = `${config}:${command.line}`;
    out.commands.push({ source: config, command: command.value, cwd: dir, kind: 'test', line: command.line, evidence: `${where} playwright webServer${cwd?.kind === 'string' ? ` (cwd ${dir || '.'})` : ''}` });
  }
  warnUnread(out.diagnostics, 'playwright', config, unread, 'webServer');
};

/**
 * The config's value, with the testDir and testMatch of a config it spreads and imports when it
 * sets them not itself: `{ ...baseConfig, maxFailures: 1 }` runs the base's tests. Only those two:
 * the base's other options are read where the base is a config itself, and warned about there.
 * A relative testDir is resolved from the config Playwright loads, wherever the object was written.
 */
const withSpreadTests = (ctx: FrameworkContext, config: string, value: ConfigValue | null): ConfigValue | null => {
  // An unread spread leaves the object partial; a config that sets both needs nothing from it.
  if (value?.kind !== 'object' || !value.partial || (value.props.has('testDir') && value.props.has('testMatch'))) return value;
  const merged = readToolConfig(ctx, config, [], 'playwright', true).value;
  if (merged?.kind !== 'object') return value;
  const props = new Map(value.props);
  for (const key of ['testDir', 'testMatch']) {
    const spread = merged.props.get(key);
    if (spread && !props.has(key)) props.set(key, spread);
  }
  return { ...value, props };
};

/**
 * A testMatch glob as Playwright matches it: against the file's absolute path, with `**\/` put in
 * front of any glob that does not start so (`*e2e.spec.ts` matches at any depth).
 */
const anyDepth = (glob: string): string => (glob.startsWith('**/') ? glob : `**/${glob}`);

/** testDir/testMatch of the top level or a project, inheriting the top level's. */
const readTests = (ctx: FrameworkContext, config: string, value: ConfigValue | null, inherited: { dir: string; match: string[] }, out: FrameworkOutput) => {
  const dirValue = configAt(value, 'testDir');
  const dir = dirValue?.kind === 'string' ? (joinRepo(dirname(config), dirValue.value) ?? inherited.dir) : inherited.dir;
  const matchValue = configAt(value, 'testMatch');
  const read = configStrings(matchValue);
  warnUnread(out.diagnostics, 'playwright', config, read.unknown, 'testMatch');
  const match = read.strings.length > 0 ? read.strings.map((s) => anyDepth(s.value)) : inherited.match;
  for (const { file, glob } of globFiles(ctx, dir, match)) out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'test', evidence: `playwright discovery (${config}): ${glob} in ${dir || '.'}` });
  return { dir, match };
};

const playwright: FrameworkReader = {
  id: 'playwright',
  title: 'Playwright Test (testDir, testMatch, projects, global setup, reporters)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Playwright'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx)) {
      for (const config of configsOf(ctx, pkg)) {
        const value = withSpreadTests(ctx, config, readToolConfig(ctx, config, out.diagnostics, 'playwright').value);
        const top = readTests(ctx, config, value, { dir: dirname(config), match: DEFAULT_MATCH }, out);
        const projects = configAt(value, 'projects');
        if (projects?.kind === 'array') for (const p of projects.items) if (p.kind === 'object' && (p.props.has('testDir') || p.props.has('testMatch'))) readTests(ctx, config, p, top, out);
        for (const key of ['globalSetup', 'globalTeardown', 'reporter']) {
          pathEntries(ctx, { config, value: configAt(value, key), key, dir: dirname(config), kind: 'test', evidence: 'loaded by playwright', id: 'playwright' }, out);
        }
        webServers(ctx, config, value, out);
      }
    }
    return out;
  },
};

export default playwright;
