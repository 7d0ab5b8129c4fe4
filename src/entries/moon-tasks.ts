/**
 * moon tasks: each project's `moon.yml` (the project is its folder; the workspace is the nearest
 * folder above holding `.moon/`) and the tasks every project inherits from `.moon/tasks.yml` and
 * `.moon/tasks/*.yml`. A task's `command` (a string or a list of words) with its `args`, or its
 * `script`, is a tooling command run from the project's folder (the workspace's with
 * `options.runFromWorkspaceRoot`); an inherited task runs in every project: the folders of the
 * workspace's moon.yml files and of `.moon/workspace.yml` `projects` (a map, globs, or both).
 * The tokens `$workspaceRoot`, `$projectRoot` and `$projectSource` are filled; token functions
 * (`@files(sources)`, `@in(0)`) become `${…}`, computed at run time. `inputs`/`outputs` are what
 * moon hashes, not what it runs: they are not read.
 */
import { compileRepoGlob } from '../util/glob.js';
import { basename, dirname, foldersOf, joinRepo, posix } from '../util/path.js';
import { joinWords } from '../util/shell-words.js';
import { YAML, type YamlDoc, type YamlNode } from '../manifests/yaml.js';
import { addCommand } from './support/inputs.js';
import { testOrTooling } from './support/test-runner-kind.js';
import { emptyOutput, type DetectorContext, type DetectorOutput, type EntryDetector } from './types.js';

const PROJECT_CONFIG = /^moon\.ya?ml$/;
const INHERITED = /(^|\/)\.moon\/tasks(\.ya?ml|\/.+\.ya?ml)$/;
const MOON_FILES = ['workspace.yml', 'workspace.yaml', 'toolchain.yml', 'tasks.yml', 'tasks.yaml'];

/** The folder holding `.moon/` at or above `dir`, else the repository's root. */
const workspaceOf = (dir: string, files: ReadonlySet<string>): string => {
  for (let d = dir; ; d = dirname(d)) {
    if (MOON_FILES.some((f) => files.has(joinRepo(d, '.moon', f) ?? ''))) return d;
    if (d === '') return '';
  }
};

/** `a/b` as seen from `from`: `.` when they are the same folder. */
const from = (cwd: string, dir: string): string => posix.relative(cwd, dir) || '.';

/**
 * A command or args value as shell text: a string as written, a list word by word (tokens filled
 * in each word first; a token function's `${…}` stays outside single quotes, so it stays computed).
 */
const words = (y: YamlDoc, node: YamlNode, fill: (text: string) => string): string | undefined => {
  if (!y.isSeq(node)) {
    const text = y.str(node);
    return text === undefined ? undefined : fill(text);
  }
  const list = y.items(node).map((i) => y.str(i));
  if (!list.every((w): w is string => w !== undefined)) return undefined;
  return list.map((w) => {
    const filled = fill(w);
    return filled.includes('${MOON_') ? `"${filled.replace(/["\\`]/g, '\\$&')}"` : joinWords([filled]);
  }).join(' ');
};

interface Site {
  y: YamlDoc;
  path: string;
  workspace: string;
  out: DetectorOutput;
}

const fillTokens = (text: string, site: Site, project: string, cwd: string): string =>
  text
    .replace(/\$workspaceRoot\b/g, from(cwd, site.workspace))
    .replace(/\$(projectRoot|projectSource)\b/g, from(cwd, project))
    .replace(/@(\w+)\(([^)]*)\)/g, (_whole, fn: string) => `\${MOON_${fn.toUpperCase()}}`);

const readTask = (site: Site, name: string, task: YamlNode, project: string): void => {
  const { y } = site;
  const options = y.get(task, 'options');
  const cwd = y.str(y.get(options, 'runFromWorkspaceRoot')) === 'true' ? site.workspace : project;
  const commandNode = y.get(task, 'command');
  const scriptNode = y.get(task, 'script');
  const fill = (text: string) => fillTokens(text, site, project, cwd);
  const script = y.str(scriptNode);
  const command = words(y, commandNode, fill);
  const args = words(y, y.get(task, 'args'), fill);
  const filled = script !== undefined ? fill(script) : command === undefined ? undefined : [command, args].filter((w) => w).join(' ');
  if (filled === undefined || /^(noop|no-op|nop)$/.test(filled.trim())) return;
  const where = project === dirname(site.path) ? '' : ` in project ${project || '.'}`;
  addCommand(site.out, filled, { cwd, kind: testOrTooling(filled), evidence: `moon ${site.path} task "${name}"${where}`, line: y.lineOf(scriptNode ?? commandNode) });
};

/** The folders of the workspace's projects: its moon.yml files' and what `.moon/workspace.yml` `projects` names. */
const projectsOf = (workspace: string, ctx: DetectorContext): string[] => {
  const found = new Set<string>();
  const under = (p: string) => workspace === '' || p.startsWith(`${workspace}/`);
  for (const f of ctx.files) if (PROJECT_CONFIG.test(basename(f)) && under(f) && !f.includes('node_modules/')) found.add(dirname(f));
  const config = ['workspace.yml', 'workspace.yaml'].map((n) => joinRepo(workspace, '.moon', n)).find((p) => p !== null && ctx.files.has(p));
  for (const y of config ? (ctx.manifests.get(config, YAML) ?? []) : []) {
    const projects = y.get(y.root, 'projects');
    const globs = [...y.items(projects), ...y.items(y.get(projects, 'globs'))].map((n) => y.str(n)).filter((g): g is string => g !== undefined);
    const named = [...y.entries(projects), ...y.entries(y.get(projects, 'sources'))].map(([, v]) => y.str(v)).filter((p): p is string => p !== undefined);
    for (const p of named) {
      const dir = joinRepo(workspace, p);
      if (dir !== null) found.add(dir);
    }
    if (globs.length === 0) continue;
    // The folders below the workspace that hold its files.
    const folders = [...foldersOf([...ctx.files].filter((f) => under(f) && !f.includes('node_modules/')))].filter((d) => d !== workspace && d !== '' && under(d));
    for (const glob of globs) {
      const full = joinRepo(workspace, glob.replace(/\/moon\.ya?ml$/, ''));
      if (full === null) continue;
      const match = compileRepoGlob(full);
      for (const d of folders) if (match(d)) found.add(d);
    }
  }
  return [...found].sort();
};

const moonTasks: EntryDetector = {
  id: 'moon-tasks',
  title: 'moon tasks (moon.yml, .moon/tasks.yml, .moon/tasks/*.yml)',
  matches: (path, name) => (PROJECT_CONFIG.test(name) && !path.includes('/.moon/') && !path.startsWith('.moon/')) || INHERITED.test(path),
  candidates: { extensions: ['yml', 'yaml'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const inherited = INHERITED.test(file.path);
    const at = file.path.startsWith('.moon/') ? 0 : file.path.indexOf('/.moon/');
    const workspace = inherited ? file.path.slice(0, Math.max(at, 0)) : workspaceOf(dirname(file.path), ctx.files);
    const projects = inherited ? projectsOf(workspace, ctx) : [dirname(file.path)];
    for (const y of ctx.manifests.get(file.path, YAML) ?? []) {
      const site: Site = { y, path: file.path, workspace, out };
      for (const [name, task] of y.entries(y.get(y.root, 'tasks'))) {
        for (const project of projects.length > 0 ? projects : [workspace]) readTask(site, name, task, project);
      }
    }
    return out;
  },
};

export default moonTasks;
