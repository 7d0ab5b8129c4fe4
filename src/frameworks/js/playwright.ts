/**
 * Playwright Test collects `testMatch` (default `*.spec.*`/`*.test.*`) under `testDir` (default:
 * the config's folder), per project too, and loads globalSetup/globalTeardown and local reporters.
 * All are test roots. Read from playwright.config.* statically.
 */
import { configAt, configStrings, type ConfigValue } from '../../languages/javascript/config-value.js';
import { dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, filesIn, globFiles, pathEntries, readToolConfig, toolPackages, warnUnread, type JsPackage } from './support.js';

const CONFIG = /^playwright(\.[\w-]+)?\.config\.[cm]?[jt]s$/;
const DEFAULT_MATCH = ['**/*.@(spec|test).?(c|m)[jt]s?(x)'];

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['@playwright/test'], CONFIG);

/** testDir/testMatch of the top level or a project, inheriting the top level's. */
const readTests = (ctx: FrameworkContext, config: string, value: ConfigValue | null, inherited: { dir: string; match: string[] }, out: FrameworkOutput) => {
  const dirValue = configAt(value, 'testDir');
  const dir = dirValue?.kind === 'string' ? (joinRepo(dirname(config), dirValue.value) ?? inherited.dir) : inherited.dir;
  const matchValue = configAt(value, 'testMatch');
  const read = configStrings(matchValue);
  warnUnread(out.diagnostics, 'playwright', config, read.unknown, 'testMatch');
  const match = read.strings.length > 0 ? read.strings.map((s) => (s.value.includes('/') || s.value.startsWith('*') ? s.value : `**/${s.value}`)) : inherited.match;
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
      for (const config of filesIn(ctx, pkg.dir, CONFIG)) {
        const { value } = readToolConfig(ctx, config, out.diagnostics, 'playwright');
        const top = readTests(ctx, config, value, { dir: pkg.dir, match: DEFAULT_MATCH }, out);
        const projects = configAt(value, 'projects');
        if (projects?.kind === 'array') for (const p of projects.items) if (p.kind === 'object' && (p.props.has('testDir') || p.props.has('testMatch'))) readTests(ctx, config, p, top, out);
        for (const key of ['globalSetup', 'globalTeardown', 'reporter']) {
          pathEntries(ctx, { config, value: configAt(value, key), key, dir: pkg.dir, kind: 'test', evidence: 'loaded by playwright', id: 'playwright' }, out);
        }
      }
    }
    return out;
  },
};

export default playwright;
