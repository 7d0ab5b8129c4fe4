/**
 * mise tasks in the config files mise reads for a project: `mise.toml`, `.mise.toml`,
 * `mise.<env>.toml`, `mise.local.toml` (in any folder, or in its `.config/`), `mise/config.toml`,
 * `.mise/config.toml`, `.config/mise/config.<env>.toml`, and `*.toml` directly in a
 * `[.config/]{mise,.mise}/conf.d/` folder (not dot-files, not nested folders, as mise reads them).
 * Each task is tooling (test when it starts a test runner): `[tasks] name = "cmd"` or a list of
 * commands, `[tasks.name] run` (a string or a list whose strings are commands; `{ task = … }`
 * items call other tasks, read where they are defined), `run_windows`, and `file` (a script the
 * task runs). Commands run from the config root: the project folder for a file under `.config/`,
 * `mise/` or `conf.d/` (mise's own rule), else the file's folder; a task's `dir` or the file's
 * `[task_config] dir` moves them. `{{config_root}}` and `{{cwd}}` are filled, `{{vars.x}}` from
 * literal `[vars]`, `{{env.X}}` and usage arguments (`{{arg(name="x")}}`) become `${X}`, computed
 * at run time; other template logic is a warning naming the line. The task's and the file's
 * literal `[env]` values are the command's environment. `sources`/`outputs` are globs mise
 * watches, not what it runs: they are not read.
 */
import { warning } from '../util/diagnostics.js';
import { basename, dirname, joinRepo, posix } from '../util/path.js';
import { isTable, TOML, type TomlDocument } from '../manifests/toml.js';
import { addCommand, fileEntry } from './support/inputs.js';
import { testOrTooling } from './support/test-runner-kind.js';
import { emptyOutput, type DetectorOutput, type EntryDetector } from './types.js';

const isMiseDir = (name: string): boolean => name === 'mise' || name === '.mise';
const CONFIG_NAME = /^config(\.[\w.-]+)?\.toml$/;

/** The folder mise runs a config file's tasks from (its `config_root`), or null when mise does not read the file. */
export const miseConfigRoot = (path: string): string | null => {
  const name = basename(path);
  const parts = dirname(path).split('/').filter((p) => p !== '');
  const up = (n: number): string => parts.slice(0, Math.max(parts.length - n, 0)).join('/');
  const [parent, grand, great] = [parts.at(-1) ?? '', parts.at(-2) ?? '', parts.at(-3) ?? ''];
  if (parent === 'conf.d') {
    if (!isMiseDir(grand) || !name.endsWith('.toml') || name.startsWith('.')) return null;
    return great === '.config' ? up(3) : up(2);
  }
  if (isMiseDir(parent)) {
    if (!CONFIG_NAME.test(name)) return null;
    return grand === '.config' ? up(2) : up(1);
  }
  if (!/^\.?mise(\.[\w.-]+)?\.toml$/.test(name)) return null;
  return parent === '.config' ? up(1) : up(0);
};

const quoteKey = (key: string): string => (/^[\w-]+$/.test(key) ? key : `"${key}"`);

/** String values of an `env` table; mise's own `_` directives (`_.path`, `_.file`) and templates are left out. */
const literalEnv = (table: unknown, into: Record<string, string>): Record<string, string> => {
  const env = { ...into };
  if (!isTable(table)) return env;
  for (const [k, v] of Object.entries(table)) if (k !== '_' && typeof v === 'string' && !v.includes('{{')) env[k] = v;
  return env;
};

interface Site {
  path: string;
  doc: TomlDocument;
  root: string;
  vars: Map<string, string>;
  env: Record<string, string>;
  /** `[task_config] dir`, else the config root. */
  dir: string;
  out: DetectorOutput;
}

const TEMPLATE = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const USAGE_ARG = /^(?:arg|option|flag)\(\s*name\s*=\s*["']([\w-]+)["'][^)]*\)$/;

/** Fills what mise's templates say statically; what is left with `{{` is not read. */
const fill = (text: string, site: Site, cwd: string): string =>
  text.replace(TEMPLATE, (whole, expr: string) => {
    if (expr === 'config_root') return posix.relative(cwd, site.root) || '.';
    if (expr === 'cwd') return '.';
    let m = /^vars\.(\w+)$/.exec(expr);
    if (m && site.vars.has(m[1])) return site.vars.get(m[1])!;
    m = /^env\.(\w+)$/.exec(expr) ?? USAGE_ARG.exec(expr);
    if (m) return `\${${m[1].replace(/-/g, '_')}}`;
    return whole;
  });

/** A `dir` value as a repo folder: relative to the config root; null when templated beyond `{{config_root}}`. */
const folder = (value: unknown, site: Site, fallback: string): string | null => {
  if (typeof value !== 'string') return fallback;
  const filled = value.replace(/\{\{\s*config_root\s*\}\}/g, '.');
  if (filled.includes('{{') || filled.startsWith('/') || filled.startsWith('~')) return null;
  return joinRepo(site.root, filled);
};

const runCommand = (site: Site, task: string, text: string, cwd: string, env: Record<string, string>, line: number): void => {
  const command = fill(text, site, cwd);
  if (/\{[{%]/.test(command)) {
    site.out.diagnostics.push(warning('mise-tasks/templated', `task "${task}": a template census does not fill (${command.trim().slice(0, 80)})`, site.path, line));
    return;
  }
  addCommand(site.out, command, { cwd, kind: testOrTooling(command), evidence: `mise ${site.path} task "${task}"`, line, env });
};

/** `run`: one script, or a list of scripts and `{ task = … }` / `{ tasks = […] }` calls (read where defined). */
const runList = (value: unknown): string[] | null => {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return null;
  return value.filter((item): item is string => typeof item === 'string');
};

const readTask = (site: Site, name: string, task: unknown): void => {
  const table = `tasks.${quoteKey(name)}`;
  if (!isTable(task)) {
    // `[tasks] name = "cmd"` or `name = ["cmd", …]`
    const line = site.doc.keyLine('tasks', name);
    for (const text of runList(task) ?? []) runCommand(site, name, text, site.dir, site.env, line);
    return;
  }
  const cwd = folder(task.dir, site, site.dir);
  const line = site.doc.keyLine(table, task.run !== undefined ? 'run' : 'file');
  if (cwd === null) {
    site.out.diagnostics.push(warning('mise-tasks/dir', `task "${name}": dir ${String(task.dir)} is computed at run time; its commands were not read`, site.path, site.doc.keyLine(table, 'dir')));
    return;
  }
  if (typeof task.shell === 'string' && !/^(\S*\/)?(ba|z|da|k)?sh\b/.test(task.shell)) {
    site.out.diagnostics.push(warning('mise-tasks/not-shell', `task "${name}": run by ${task.shell}, not a shell: not read`, site.path, site.doc.keyLine(table, 'shell')));
    return;
  }
  const env = literalEnv(task.env, site.env);
  for (const key of ['run', 'run_windows'] as const) {
    const list = runList(task[key]);
    if (list === null && task[key] !== undefined) site.out.diagnostics.push(warning('mise-tasks/bad-task', `task "${name}": ${key} is not a string or a list`, site.path, site.doc.keyLine(table, key)));
    for (const text of list ?? []) runCommand(site, name, text, cwd, env, site.doc.keyLine(table, key));
  }
  if (typeof task.file === 'string') {
    const file = folder(task.file, site, '');
    if (file) site.out.entries.push(fileEntry(file, 'tooling', `mise ${site.path} task "${name}" file`, line));
  }
};

const miseTasks: EntryDetector = {
  id: 'mise-tasks',
  title: 'mise tasks (mise.toml, mise.<env>.toml, .config/mise.toml, mise/conf.d/*.toml)',
  // Every file mise reads ends in .toml: the suffix test spares the other paths the split into folders.
  matches: (path) => path.endsWith('.toml') && miseConfigRoot(path) !== null,
  candidates: { extensions: ['toml'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const root = miseConfigRoot(file.path);
    if (root === null || !/\btasks\b/.test(file.text)) return out;
    const doc = ctx.manifests.get(file.path, TOML);
    if (!doc || !isTable(doc.value.tasks)) return out;
    const vars = new Map<string, string>();
    if (isTable(doc.value.vars)) for (const [k, v] of Object.entries(doc.value.vars)) if (typeof v === 'string' && !v.includes('{{')) vars.set(k, v);
    const site: Site = { path: file.path, doc, root, vars, env: literalEnv(doc.value.env, {}), dir: root, out };
    const configured = isTable(doc.value.task_config) ? doc.value.task_config.dir : undefined;
    const dir = folder(configured, site, root);
    if (dir === null) {
      out.diagnostics.push(warning('mise-tasks/dir', `[task_config] dir ${String(configured)} is computed at run time; tasks run from ${root || '.'} instead`, file.path, doc.keyLine('task_config', 'dir')));
    } else site.dir = dir;
    for (const [name, task] of Object.entries(doc.value.tasks)) readTask(site, name, task);
    return out;
  },
};

export default miseTasks;
