/**
 * poethepoet tasks (`[tool.poe.tasks]` in pyproject.toml, `[tasks]` in a poe_tasks.toml): each
 * task is a tooling command run from the project folder (or its `cwd`), a test one when it starts
 * a test runner. Task forms, as poe reads them: a string (`cmd`), `cmd` (a string or a list of
 * words), `shell` (a script; another `interpreter` than a POSIX shell is not read), `script`
 * (`"pkg.mod:func(args)"`: module pkg.mod is imported), `ref` (another task, read anyway), arrays
 * and `sequence`/`parallel` (items are refs unless they are tables, or `default_item_type` says
 * otherwise), `switch` cases. The task's `env` and `envfile` (over the global `[tool.poe]` ones)
 * are the command's environment, so a `PYTHONPATH` there is searched. `expr` tasks are Python
 * expressions, not command lines: they are left alone.
 */
import { warning } from '../util/diagnostics.js';
import { basename, dirname, joinRepo } from '../util/path.js';
import { joinWords } from '../util/shell-words.js';
import { parseEnvFile } from '../manifests/env-file.js';
import { isTable, tomlGet, TOML, type TomlDocument } from '../manifests/toml.js';
import { parseEntryPointReference } from './support/python-entry-point.js';
import { addCommand, moduleEntry } from './support/inputs.js';
import { testOrTooling } from './support/test-runner-kind.js';
import { emptyOutput, type DetectorContext, type DetectorOutput, type EntryDetector } from './types.js';

/** Shells poe runs a `shell` task with whose text is shell (its default is POSIX sh/bash). */
const POSIX_SHELLS = new Set(['posix', 'sh', 'bash', 'zsh', 'fish']);
const TASK_KEYS = ['cmd', 'shell', 'script', 'ref', 'sequence', 'parallel', 'switch', 'expr'] as const;

interface Site {
  path: string;
  dir: string;
  doc: TomlDocument;
  /** Where the tasks table is (`tool.poe.tasks` or `tasks`). */
  table: string;
  globalEnv: Record<string, string>;
  ctx: DetectorContext;
  out: DetectorOutput;
}

const quoteKey = (key: string): string => (/^[\w-]+$/.test(key) ? key : `"${key}"`);

/** A task's `env` table over its `envfile` files (strings or a list), over what it inherits. */
const envOf = (task: Record<string, unknown>, inherited: Record<string, string>, site: Site): Record<string, string> => {
  const env = { ...inherited };
  const envfile = task.envfile;
  const files = typeof envfile === 'string' ? [envfile] : Array.isArray(envfile) ? envfile.filter((f): f is string => typeof f === 'string') : [];
  for (const f of files) {
    const p = f.startsWith('/') ? null : joinRepo(site.dir, f);
    const text = p === null ? null : site.ctx.manifests.text(p);
    if (text !== null) Object.assign(env, parseEnvFile(text));
  }
  if (isTable(task.env)) {
    for (const [k, v] of Object.entries(task.env)) {
      if (typeof v === 'string') env[k] = v;
      else if (isTable(v) && typeof v.default === 'string' && env[k] === undefined) env[k] = v.default;
    }
  }
  return env;
};

/** `cmd` text as one command line: comment lines dropped, line breaks are spaces (poe splits words itself). */
const cmdLine = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')).join(' ');
  if (Array.isArray(value) && value.every((w) => typeof w === 'string')) return joinWords(value as string[]);
  return undefined;
};

const readTask = (site: Site, name: string, task: unknown, line: number, env: Record<string, string>, cwdIn: string, depth: number, defaultItem: string): void => {
  if (depth > 8) return;
  const evidence = `poe ${site.path}:${line} [${site.table}] "${name}"`;
  const command = (text: string, cwd: string, taskEnv: Record<string, string>) =>
    addCommand(site.out, text, { cwd, kind: testOrTooling(text), evidence, line, env: taskEnv });
  if (typeof task === 'string') {
    // An item of a sequence is a ref by default: the named task is read on its own.
    if (defaultItem === 'ref') return;
    if (defaultItem === 'shell' || defaultItem === 'cmd') command(defaultItem === 'cmd' ? (cmdLine(task) ?? '') : task, cwdIn, env);
    else if (defaultItem === 'script') readScript(site, task, evidence, line);
    return;
  }
  if (Array.isArray(task)) {
    for (const item of task) readTask(site, name, item, line, env, cwdIn, depth + 1, defaultItem);
    return;
  }
  if (!isTable(task)) return;
  const taskEnv = envOf(task, env, site);
  const cwdValue = typeof task.cwd === 'string' ? task.cwd : undefined;
  const cwd = (cwdValue && !cwdValue.includes('$') ? joinRepo(site.dir, cwdValue) : null) ?? cwdIn;
  const kind = TASK_KEYS.find((k) => task[k] !== undefined);
  switch (kind) {
    case 'cmd': {
      const text = cmdLine(task.cmd);
      if (text === undefined) site.out.diagnostics.push(warning('poe-tasks/bad-task', `task "${name}": cmd is not a string or a list of strings`, site.path, line));
      else command(text, cwd, taskEnv);
      return;
    }
    case 'shell': {
      const interpreter = task.interpreter;
      const shells = typeof interpreter === 'string' ? [interpreter] : Array.isArray(interpreter) ? interpreter : ['posix'];
      if (typeof task.shell !== 'string') return;
      if (!shells.some((s) => typeof s === 'string' && POSIX_SHELLS.has(s))) {
        site.out.diagnostics.push(warning('poe-tasks/not-shell', `task "${name}": a ${String(shells[0])} script, not command lines; not read`, site.path, line));
        return;
      }
      command(task.shell, cwd, taskEnv);
      return;
    }
    case 'script':
      if (typeof task.script === 'string') readScript(site, task.script, evidence, line);
      return;
    case 'sequence':
    case 'parallel': {
      const items = task[kind];
      const itemType = typeof task.default_item_type === 'string' ? task.default_item_type : 'ref';
      if (Array.isArray(items)) for (const item of items) readTask(site, name, item, line, taskEnv, cwd, depth + 1, itemType);
      return;
    }
    case 'switch':
      if (Array.isArray(task.switch)) for (const item of task.switch) readTask(site, name, item, line, taskEnv, cwd, depth + 1, 'cmd');
      return;
    // `ref` names another task, read on its own; `expr` is Python, not a command line.
    default:
      return;
  }
};

/** `pkg.mod:func(args)`: poe imports pkg.mod and calls func. */
const readScript = (site: Site, script: string, evidence: string, line: number): void => {
  const ref = parseEntryPointReference(script.replace(/\(.*\)\s*$/s, ''));
  if (!ref) site.out.diagnostics.push(warning('poe-tasks/bad-script', `${evidence}: "${script.slice(0, 80)}" is not a "module:function" reference`, site.path, line));
  else site.out.entries.push(moduleEntry(ref.module, 'tooling', `${evidence} script`, line));
};

const poeTasks: EntryDetector = {
  id: 'poe-tasks',
  title: 'poethepoet tasks (pyproject.toml [tool.poe.tasks], poe_tasks.toml)',
  matches: (path, name) => ['pyproject.toml', 'poe_tasks.toml'].includes(name),
  candidates: { names: ['pyproject.toml', 'poe_tasks.toml'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    if (!/\btasks\b/.test(file.text)) return out;
    const doc = ctx.manifests.get(file.path, TOML);
    if (!doc) return out;
    const inPyproject = basename(file.path) === 'pyproject.toml';
    const poe = inPyproject ? tomlGet(doc.value, 'tool', 'poe') : doc.value;
    const tasks = tomlGet(poe, 'tasks');
    if (!isTable(poe) || !isTable(tasks)) return out;
    const site: Site = { path: file.path, dir: dirname(file.path), doc, table: inPyproject ? 'tool.poe.tasks' : 'tasks', globalEnv: {}, ctx, out };
    site.globalEnv = envOf(poe, {}, site);
    const defaultType = typeof poe.default_task_type === 'string' ? poe.default_task_type : 'cmd';
    const arrayItem = typeof poe.default_array_item_task_type === 'string' ? poe.default_array_item_task_type : 'ref';
    for (const [name, task] of Object.entries(tasks)) {
      // `start.cmd = "…"` and `[tool.poe.tasks.start]` put the task on the line of its command.
      const taskTable = `${site.table}.${quoteKey(name)}`;
      const field = isTable(task) ? TASK_KEYS.find((k) => task[k] !== undefined) : undefined;
      const line = field ? doc.keyLine(taskTable, field) : doc.keyLine(site.table, name);
      readTask(site, name, task, line, site.globalEnv, site.dir, 0, typeof task === 'string' ? defaultType : arrayItem);
    }
    return out;
  },
};

export default poeTasks;
