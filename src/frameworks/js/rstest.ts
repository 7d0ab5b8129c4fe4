/**
 * rstest loads the files its config names beside the tests it collects: `setupFiles` (run before
 * each test file) and `globalSetup` (run once per run), each a path or a list of them, resolved
 * against the config's `root` (itself relative to the config's folder, where rstest runs; default
 * that folder). A path that names nothing from the root is looked up from the config's folder, as
 * a config written without `root` in mind still means that file. Both are test roots. The config
 * may be an object or a function of the run (`defineConfig(({ envMode }) => ({ … }))`): the
 * object it returns is read. Which test files rstest collects (`include`/`exclude` under `root`)
 * is test discovery's (entries/support/js-test-discovery.ts).
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { configsFromCommands, enabledByPackages, filesIn, pathEntries, readToolConfig, toolPackages, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^rstest\.config\.[cm]?[jt]s$/;
const SETUP_KEYS = ['setupFiles', 'globalSetup'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@rstest/core'], CONFIG);

/** The folder rstest resolves a config's paths from: its `root`, relative to the config's folder. */
const rstestRoot = (value: ConfigValue | null, configDir: string): string => {
  const named = configAt(value, 'root');
  return named?.kind === 'string' ? (joinRepo(configDir, named.value.replace(/\/+$/, '') || '.') ?? configDir) : configDir;
};

const readConfig = (ctx: FrameworkContext, config: string, out: FrameworkOutput) => {
  const { value } = readToolConfig(ctx, config, out.diagnostics, 'rstest');
  const cwd = dirname(config);
  const rootValue = configAt(value, 'root');
  if (rootValue?.kind === 'unknown') warnUnread(out.diagnostics, 'rstest', config, [rootValue], 'root');
  const root = rstestRoot(value, cwd);
  const under = root === cwd ? '' : `, from its root ${root || '.'}/`;
  for (const key of SETUP_KEYS) {
    const what = key === 'setupFiles' ? 'before each test file' : 'once before the run';
    pathEntries(ctx, { config, value: configAt(value, key), key, dir: root, fallbackDir: cwd, kind: 'test', evidence: `loaded by rstest ${what}${under}`, id: 'rstest' }, out);
  }
};

const rstest: FrameworkReader = {
  id: 'rstest',
  title: 'rstest (setup files and global setup, under its root)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'rstest'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    // `rstest -c config/ci.ts` names a config of its own beside the usual name.
    const named = configsFromCommands(ctx, ['rstest']);
    for (const pkg of packages(ctx)) {
      const configs = [...new Set([...filesIn(ctx, pkg.dir, CONFIG), ...named.filter((c) => c.dir === pkg.dir).map((c) => c.config)])];
      for (const config of configs) readConfig(ctx, config, out);
    }
    return out;
  },
};

export default rstest;
