/**
 * Lefthook git hooks (lefthook.yml, .lefthook.yml, lefthook.yaml, lefthook-local.yml, in the
 * repository's root folder or its `.config/`; JSON configs are read as YAML). Lefthook looks for
 * its config at the root of the git repository only: a lefthook.yml in a sub-folder is loaded by
 * nothing (unless a hook runs lefthook from there, which census does not follow). Each hook's
 * `commands.<name>.run` and `jobs[].run` (groups' jobs too) are tooling commands run from the
 * config's folder or their `root`; lefthook's file templates (`{staged_files}`, `{push_files}`,
 * `{0}`) become `${…}`, computed at run time. A hook's `scripts.<file>` and `jobs[].script` are
 * files in `<source_dir>/<hook>/` (`.lefthook/` and `.lefthook-local/` by default), run by their
 * `runner`: each is a tooling root. The configs `extends` names (paths relative to the repository
 * root, globs too) are merged into the root's and read like it, their commands run from the root;
 * `remotes` are fetched from other repositories: not read.
 */
import { warning } from '../util/diagnostics.js';
import { dirname, joinRepo } from '../util/path.js';
import { YAML, type YamlDoc, type YamlNode } from '../manifests/yaml.js';
import { compileRepoGlob, isGlob } from '../util/glob.js';
import { addCommand, fileEntry } from './support/inputs.js';
import { emptyOutput, type DetectorContext, type DetectorOutput, type EntryDetector } from './types.js';

const CONFIG = /^\.?lefthook(-local)?\.(ya?ml|json)$/;

/** A config lefthook loads: one at the repository root or in its `.config/`. */
const isRootConfig = (path: string, name: string): boolean => CONFIG.test(name) && (dirname(path) === '' || dirname(path) === '.config');

interface Site {
  y: YamlDoc;
  path: string;
  root: string;
  /** Folders scripts are looked for in, repo-relative. */
  sourceDirs: string[];
  ctx: DetectorContext;
  out: DetectorOutput;
}

/** `{staged_files}`, `{0}`, `{lefthook_job_name}`: lefthook fills them when the hook runs. */
const fill = (command: string): string => command.replace(/\{(\w+)\}/g, (_whole, name: string) => `\${${/^\d/.test(name) ? `ARG${name}` : name}}`);

/**
 * The folder a command or group runs in: its `root` (relative to the config's folder), else the
 * one it inherits. Null, with a warning naming the line, when `root` is absolute, templated or
 * leaves the repo: census cannot say where the command runs, so reading it from another folder
 * would name the wrong files.
 */
const runIn = (site: Site, node: YamlNode, inherited: string, what: string): string | null => {
  const rootNode = site.y.get(node, 'root');
  const root = site.y.str(rootNode);
  if (!root) return inherited;
  const dir = root.startsWith('/') || root.includes('{') ? null : joinRepo(site.root, root);
  if (dir === null) site.out.diagnostics.push(warning('lefthook/root', `${what}: root "${root}" is not a folder of the repo; its commands were not read`, site.path, site.y.lineOf(rootNode)));
  return dir;
};

const readRun = (site: Site, hook: string, name: string, node: YamlNode, cwd: string): void => {
  const runNode = site.y.get(node, 'run');
  const run = site.y.str(runNode);
  if (run === undefined) return;
  addCommand(site.out, fill(run), { cwd, kind: 'tooling', evidence: `lefthook ${site.path} ${hook} "${name}"`, line: site.y.lineOf(runNode) });
};

const readScript = (site: Site, hook: string, script: string, line: number): void => {
  const candidates = site.sourceDirs.map((dir) => joinRepo(dir, hook, script)).filter((p): p is string => p !== null);
  const found = candidates.filter((p) => site.ctx.files.has(p));
  if (candidates.length === 0) return;
  if (found.length === 0) {
    site.out.diagnostics.push(warning('lefthook/missing-script', `${hook} script "${script}": no ${candidates.join(' or ')}`, site.path, line));
    return;
  }
  for (const file of found) site.out.entries.push(fileEntry(file, 'tooling', `lefthook ${site.path} ${hook} script "${script}"`, line));
};

const readJobs = (site: Site, hook: string, jobs: YamlNode, cwd: string, depth: number): void => {
  if (depth > 8) return;
  site.y.items(jobs).forEach((job, i) => {
    const name = site.y.str(site.y.get(job, 'name')) ?? `job ${i + 1}`;
    const here = runIn(site, job, cwd, `${hook} "${name}"`);
    if (here === null) return;
    readRun(site, hook, name, job, here);
    const script = site.y.str(site.y.get(job, 'script'));
    if (script !== undefined) readScript(site, hook, script, site.y.lineOf(site.y.get(job, 'script')));
    const group = site.y.get(job, 'group');
    const groupDir = group ? runIn(site, group, here, `${hook} "${name}" group`) : null;
    if (group && groupDir !== null) readJobs(site, hook, site.y.get(group, 'jobs'), groupDir, depth + 1);
  });
};

const readHook = (site: Site, hook: string, node: YamlNode): void => {
  const { y } = site;
  for (const [name, command] of y.entries(y.get(node, 'commands'))) {
    const cwd = runIn(site, command, site.root, `${hook} "${name}"`);
    if (cwd !== null) readRun(site, hook, name, command, cwd);
  }
  for (const [script, , line] of y.entries(y.get(node, 'scripts'))) readScript(site, hook, script, line);
  readJobs(site, hook, y.get(node, 'jobs'), site.root, 0);
};

/** One config's hooks; lefthook runs every command from the repository root (or the command's `root`). */
const readConfig = (y: YamlDoc, path: string, ctx: DetectorContext, out: DetectorOutput): void => {
  const root = '';
  const dirOf = (key: string, fallback: string): string => {
    const value = y.str(y.get(y.root, key));
    return (value && !value.startsWith('/') ? joinRepo(root, value) : null) ?? joinRepo(root, fallback) ?? fallback;
  };
  const site: Site = { y, path, root, sourceDirs: [dirOf('source_dir', '.lefthook'), dirOf('source_dir_local', '.lefthook-local')], ctx, out };
  for (const [hook, node] of y.entries(y.root)) {
    if (!y.isMap(node) || !['commands', 'scripts', 'jobs'].some((k) => y.get(node, k) !== undefined)) continue;
    readHook(site, hook, node);
  }
};

/**
 * The repo files a root config's `extends` names (relative to the repository root; a glob names
 * every file it matches), a warning naming the line for one that is not in the repo.
 */
const extendedConfigs = (y: YamlDoc, path: string, ctx: DetectorContext, out: DetectorOutput): string[] => {
  const found: string[] = [];
  const node = y.get(y.root, 'extends');
  const items = y.isSeq(node) ? y.items(node) : node === undefined ? [] : [node];
  for (const item of items) {
    const spec = y.str(item);
    if (spec === undefined) continue;
    const relative = spec.replace(/^\.\//, '');
    const files = isGlob(relative)
      ? (() => { const match = compileRepoGlob(relative); return [...ctx.files].filter((f) => match(f)).sort(); })()
      : [joinRepo('', relative)].filter((f): f is string => f !== null && ctx.files.has(f));
    const configs = files.filter((f) => f !== path && /\.(ya?ml|json)$/.test(f));
    if (configs.length === 0) out.diagnostics.push(warning('lefthook/missing-extends', `extends "${spec}": no such config in the repository`, path, y.lineOf(item)));
    found.push(...configs);
  }
  return found;
};

const lefthook: EntryDetector = {
  id: 'lefthook',
  title: 'Lefthook git hooks (lefthook.yml commands, scripts and jobs)',
  matches: isRootConfig,
  candidates: { names: ['lefthook', 'lefthook-local', '.lefthook', '.lefthook-local'].flatMap((stem) => ['yml', 'yaml', 'json'].map((ext) => `${stem}.${ext}`)) },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const read = (path: string, depth: number): void => {
      for (const y of ctx.manifests.get(path, YAML) ?? []) {
        readConfig(y, path, ctx, out);
        if (depth === 0) for (const extended of extendedConfigs(y, path, ctx, out)) read(extended, depth + 1);
      }
    };
    read(file.path, 0);
    return out;
  },
};

export default lefthook;
