/**
 * Jest wrappers that load `src/setupTests` by convention, with no jest config in the repo to say
 * so: Create React App's `react-scripts test` (and `craco test`, `react-app-rewired test`, which run
 * it) adds `src/setupTests.{js,jsx,ts,tsx}` to setupFilesAfterEnv when the file exists, and so does
 * `backstage-cli package test` (`backstage-cli repo test` runs each workspace package's). The file
 * is a test root of the package whose tests run.
 */
import { basename } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { jsPackages, toolInvocations, type JsPackage } from './support.js';

const WRAPPERS = ['react-scripts', 'craco', 'react-app-rewired', 'backstage-cli'];
const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx'];

interface SetupFile {
  file: string;
  manifest: string;
  evidence: string;
}

/** A wrapper's test command: `react-scripts test`, `backstage-cli package test`, `backstage-cli repo test`. */
const runsTests = (args: readonly string[]): 'package' | 'repo' | null => {
  if (args[0] === 'test') return 'package';
  if (args[0] === 'package' && args[1] === 'test') return 'package';
  if (args[0] === 'repo' && args[1] === 'test') return 'repo';
  return null;
};

const setupFileOf = (ctx: FrameworkContext, pkg: JsPackage): string | null => {
  const base = pkg.dir === '' ? 'src/setupTests' : `${pkg.dir}/src/setupTests`;
  return EXTENSIONS.map((ext) => `${base}${ext}`).find((f) => ctx.files.has(f)) ?? null;
};

const setupFiles = (ctx: FrameworkContext): SetupFile[] => {
  const packages = jsPackages(ctx);
  const out = new Map<string, SetupFile>();
  for (const call of toolInvocations(ctx, WRAPPERS)) {
    const scope = runsTests(call.args);
    if (scope === null) continue;
    // `repo test` runs every workspace package's tests; the others run the package they are run in.
    const runs = scope === 'repo' ? packages.filter((p) => call.cwd === '' || p.dir === call.cwd || p.dir.startsWith(`${call.cwd}/`)) : packages.filter((p) => p.dir === call.cwd);
    for (const pkg of runs) {
      const file = setupFileOf(ctx, pkg);
      if (file !== null && !out.has(file)) out.set(file, { file, manifest: pkg.manifest, evidence: `${call.evidence}, which loads ${basename(file)} before the tests (setupFilesAfterEnv by convention)` });
    }
  }
  return [...out.values()];
};

const setupTests: FrameworkReader = {
  id: 'setup-tests',
  title: 'src/setupTests of react-scripts and backstage-cli test runs',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = setupFiles(ctx)[0];
    return first ? `${first.file} is loaded by a test run` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const s of setupFiles(ctx)) out.entries.push({ source: s.manifest, target: s.file, targetKind: 'file', kind: 'test', evidence: s.evidence });
    return out;
  },
};

export default setupTests;
