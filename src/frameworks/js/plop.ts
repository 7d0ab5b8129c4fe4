/**
 * plop (a code generator) loads a `plopfile.{js,cjs,mjs,ts,…}`: the one a command names with
 * `--plopfile`, else the first found from where it runs (`--cwd` or the command's folder) upward.
 * Nothing imports a plopfile, and the name alone says little (a `plopfile.ts` in a Turborepo
 * workspace that runs only `turbo gen` is not loaded by anything), so a plopfile is a tooling root
 * only where plop is at hand: its package (the package.json in its folder, else the nearest above,
 * the repo root for a plopfile in a plain folder) depends on `plop` or `node-plop` (which loads a
 * plopfile given to it), or a command runs `plop` and finds it. Stop 59: or a package above it *is*
 * plop or node-plop: the tool's own repository runs itself in its example folders (plop 4.0.5's
 * tests hand `cwd: resolve(__dirname, "./examples/esm")` to `bin/plop.js`, which finds the
 * plopfile there), though each example folder has a package.json of its own that names no plop.
 */
import type { EntryKind } from '../../model/verdict.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { configArg, dependsOn, enclosingPackages, toolInvocations } from './support.js';
import { pathsNamedLike } from '../../util/file-index.js';
import { TEST_FOLDER } from '../../util/test-folder.js';

const PLOPFILE = /^plopfile\.[cm]?[jt]s$/i;
const PLOP_PACKAGES = ['plop', 'node-plop'];

interface Loaded {
  source: string;
  why: string;
  kind: EntryKind;
}

const plopfiles = (ctx: FrameworkContext): string[] => pathsNamedLike(ctx.files, { stems: ['plopfile'] }, 'sorted').filter((f) => PLOPFILE.test(basename(f)) && !f.includes('node_modules/'));

/** The plopfile plop finds from `dir`: the first folder from `dir` upward holding one. */
const plopfileFrom = (byDir: Map<string, string>, dir: string): string | null => {
  for (let d = dir; ; d = dirname(d)) {
    const found = byDir.get(d);
    if (found !== undefined) return found;
    if (d === '') return null;
  }
};

/** Why each plopfile is loaded: a dependency of its package, or a command that runs plop on it. */
const loadedPlopfiles = (ctx: FrameworkContext): Map<string, Loaded> => {
  const files = plopfiles(ctx);
  const loaded = new Map<string, Loaded>();
  for (const file of files) {
    const [owner, ...above] = enclosingPackages(ctx, dirname(file));
    const dep = owner === undefined ? undefined : PLOP_PACKAGES.find((p) => dependsOn(owner, p));
    if (owner !== undefined && dep !== undefined) {
      loaded.set(file, { source: owner.manifest, why: `${owner.manifest} depends on ${dep}`, kind: 'tooling' });
      continue;
    }
    // Only the tool itself, not a package that merely depends on it: a monorepo root's plop is no sign
    // that a workspace's plopfile (run by `turbo gen`, say) is plop's to load.
    const tool = [owner, ...above].find((p) => p !== undefined && PLOP_PACKAGES.includes(String(p.json.name)));
    // Below a test folder, it is the tests that run the tool there.
    if (tool !== undefined) loaded.set(file, { source: tool.manifest, why: `${tool.manifest} is ${String(tool.json.name)} itself, which runs in the folder of its own plopfiles`, kind: TEST_FOLDER.test(file) ? 'test' : 'tooling' });
  }
  // One plopfile a folder: the first by name, as sorted (plop takes one per folder too).
  const byDir = new Map<string, string>();
  for (const file of files) if (!byDir.has(dirname(file))) byDir.set(dirname(file), file);
  for (const run of toolInvocations(ctx, ['plop'])) {
    // --plopfile is a path from where plop runs; --cwd moves only the search for one.
    const named = configArg(run.args, ['--plopfile']);
    const searchFrom = joinRepo(run.cwd, configArg(run.args, ['--cwd']) ?? '.') ?? run.cwd;
    const file = named !== null ? joinRepo(run.cwd, named) : plopfileFrom(byDir, searchFrom);
    if (file === null || !ctx.files.has(file) || loaded.has(file)) continue;
    loaded.set(file, { source: run.source, why: `plop run by ${run.evidence}`, kind: 'tooling' });
  }
  return loaded;
};

const plop: FrameworkReader = {
  id: 'plop',
  title: 'plop (a plopfile where plop is a dependency or a command runs it)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const [first] = loadedPlopfiles(ctx);
    return first ? `${first[0]} is loaded by plop (${first[1].why})` : null;
  },
  collect: (ctx) => {
    const out: FrameworkOutput = emptyFrameworkOutput();
    for (const [file, { source, why, kind }] of loadedPlopfiles(ctx)) {
      out.entries.push({ source, target: file, targetKind: 'file', kind, evidence: `${file}: config file loaded by plop (${why})` });
    }
    return out;
  },
};

export default plop;
