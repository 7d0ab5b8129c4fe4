/**
 * TSTyche, the type test runner (`tstyche` in a package script): the files it checks are test roots.
 * Its config is tstyche.json (tstyche.config.json before version 4) in the folder it runs in, or the
 * file `--config` names: `testFileMatch` globs, relative to `rootPath` (from the config's folder; the
 * config's folder when absent), else tstyche's defaults `**\/*.tst.*`, `**\/__typetests__/*.test.*` and
 * `**\/typetests/*.test.*`. Positional arguments narrow the run to files whose path holds one of them.
 * A package that depends on tstyche but whose run census cannot see gets its config's or the defaults.
 */
import { parseJsonc } from '../../util/jsonc.js';
import { isRecord } from '../../manifests/json.js';
import { warning } from '../../util/diagnostics.js';
import { joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { configArg, enabledByPackages, globFiles, positionalArgs, toolInvocations, toolPackages } from './support.js';

const DEFAULTS = ['**/*.tst.*', '**/__typetests__/*.test.*', '**/typetests/*.test.*'];
const CONFIGS = ['tstyche.json', 'tstyche.config.json'];
const VALUE_FLAGS = ['--config', '--target', '--tsconfig', '--reporters', '--fetch'];
/** What tstyche checks: TypeScript and JavaScript sources (a glob may also match other files). */
const CODE = /\.[cm]?[jt]sx?$/;

interface Run {
  cwd: string;
  args: string[];
  evidence: string;
  source: string;
}

const runs = (ctx: FrameworkContext): Run[] => toolInvocations(ctx, ['tstyche']).map((c) => ({ cwd: c.cwd, args: c.args, evidence: c.evidence, source: c.source }));

/** The line a top-level key starts on in JSON text, for evidence (1 when not found). */
const keyLine = (text: string, key: string): number => {
  const at = text.split('\n').findIndex((l) => l.includes(`"${key}"`) || new RegExp(`^\\s*${key}\\s*:`).test(l));
  return at < 0 ? 1 : at + 1;
};

/** `seen`: the runs already collected (config, root and filters), as a script reached through two chains is one run. */
const collectRun = (ctx: FrameworkContext, run: Run, out: FrameworkOutput, seen: Set<string>) => {
  const named = configArg(run.args, ['--config']);
  const config = named !== null ? joinRepo(run.cwd, named) : (CONFIGS.map((c) => joinRepo(run.cwd, c)).find((c) => c !== null && ctx.files.has(c)) ?? null);
  const text = config === null ? null : ctx.readText(config);
  const parsed = text === null ? null : parseJsonc(text);
  if (config !== null && parsed !== null && 'error' in parsed) out.diagnostics.push(warning('tstyche/config-unreadable', `tstyche config is not JSON: ${parsed.error}; tstyche's defaults are used`, config, parsed.line));
  const value = parsed !== null && 'value' in parsed && isRecord(parsed.value) ? parsed.value : {};
  const configDir = config === null ? run.cwd : config.slice(0, Math.max(0, config.lastIndexOf('/')));
  const root = typeof value.rootPath === 'string' ? (joinRepo(configDir, value.rootPath.replace(/\/+$/, '') || '.') ?? configDir) : configDir;
  const listed = Array.isArray(value.testFileMatch) ? value.testFileMatch.filter((g): g is string => typeof g === 'string') : null;
  const globs = listed ?? DEFAULTS;
  const where = listed !== null && config !== null && text !== null ? `${config}:${keyLine(text, 'testFileMatch')} testFileMatch` : config !== null ? `${config}, defaults` : 'defaults';
  const filters = positionalArgs(run.args, VALUE_FLAGS);
  const key = `${config}\0${root}\0${filters.join('\0')}`;
  if (seen.has(key)) return;
  seen.add(key);
  for (const { file, glob } of globFiles(ctx, root, globs.map((g) => g.replace(/^\.\//, '')))) {
    if (!CODE.test(file) || file.endsWith('.d.ts') || file.includes('node_modules/')) continue;
    const filter = filters.find((f) => file.includes(f.replace(/^\.\//, '')));
    if (filters.length > 0 && filter === undefined) continue;
    out.entries.push({ source: config ?? run.source, target: file, targetKind: 'file', kind: 'test', evidence: `tstyche discovery (${where}): ${glob}${filter !== undefined ? `, filter "${filter}"` : ''} (${run.evidence})` });
  }
};

const tstyche: FrameworkReader = {
  id: 'tstyche',
  title: 'TSTyche (type tests: testFileMatch in tstyche.json, or its defaults)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const run = runs(ctx)[0];
    return run ? `${run.evidence} runs tstyche` : enabledByPackages(toolPackages(ctx, ['tstyche'], null), 'tstyche');
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const all = runs(ctx);
    const seen = new Set<string>();
    for (const run of all) collectRun(ctx, run, out, seen);
    for (const pkg of toolPackages(ctx, ['tstyche'], null)) {
      if (all.some((r) => r.cwd === pkg.dir)) continue;
      collectRun(ctx, { cwd: pkg.dir, args: [], evidence: `${pkg.manifest} depends on tstyche`, source: pkg.manifest }, out, seen);
    }
    return out;
  },
};

export default tstyche;
