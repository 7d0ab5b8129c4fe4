/**
 * Ansible playbook folders: what `ansible-playbook` loads from beside the playbook. A folder is an
 * Ansible project when it holds an `ansible.cfg` or a playbook (a YAML list of plays, each with
 * `hosts:` or an `import_playbook:`); a role is a folder with `tasks/main.yml`. Ansible then finds
 * - modules in the project's `library/` (and ansible.cfg `library =` folders) and in a role's own
 *   `library/`: a task whose key is the module's file name without `.py` (`facts_wwn:`, or
 *   `ansible.legacy.facts_wwn:`) runs it;
 * - callback plugins in `callback_plugins/` (and ansible.cfg `callback_plugins =` folders) that
 *   ansible.cfg enables by name (`callback_whitelist`, `callbacks_enabled`, `stdout_callback`);
 * - `script: NAME args` / `script: {cmd: NAME args}`: the role's `files/NAME` (then the role's
 *   folder, then the project's `files/` and folder), copied to the host and run there.
 * The task line (or the ansible.cfg line) is the evidence. The files are loaded by whatever runs
 * the playbook, which deploys: they are production entries, as PasteDeploy's configs give theirs;
 * a project under tests, examples or docs deploys nothing. Never runs anything; YAML files over
 * MAX_YAML_BYTES and task nesting deeper than MAX_DEPTH are left alone.
 */
import { foldersWithPaths, pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
import { CONFIGPARSER } from '../../manifests/ini.js';
import { YAML, type YamlDoc, type YamlNode } from '../../manifests/yaml.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { installsNothing } from '../../util/installs-nothing.js';

const MAX_YAML_BYTES = 512 * 1024;
const MAX_DEPTH = 16;
/** A folder holding more YAML files than this is not searched for playbooks (a data folder). */
const MAX_PLAYBOOK_CANDIDATES = 200;
const YAML_NAME = /\.ya?ml$/;
/** A playbook's text has a play key at the start of a list item or map line: a cheap prefilter before parsing. */
const PLAY_HINT = /^[ \t-]*(?:hosts|import_playbook|ansible\.builtin\.import_playbook)[ \t]*:/m;
const PLAY_TASK_LISTS = ['pre_tasks', 'tasks', 'post_tasks', 'handlers'];
const BLOCK_KEYS = new Set(['block', 'rescue', 'always']);
const SCRIPT_KEYS = new Set(['script', 'ansible.builtin.script', 'ansible.legacy.script']);

interface TaskFile {
  file: string;
  role: string | null;
  project: string | null;
  /** A playbook: its top level is a list of plays, not of tasks. */
  playbook: boolean;
}

interface Setup {
  projects: string[];
  roles: string[];
  cfgs: Map<string, string>;
}

const join = (folder: string, name: string): string => (folder === '' ? name : `${folder}/${name}`);

const readYaml = (ctx: FrameworkContext, file: string): YamlDoc[] => {
  const text = ctx.readText(file);
  if (text === null || text.length > MAX_YAML_BYTES) return [];
  return ctx.manifests.get(file, YAML) ?? [];
};

const isPlaybook = (ctx: FrameworkContext, file: string): boolean => {
  const text = ctx.readText(file);
  if (text === null || text.length > MAX_YAML_BYTES || !PLAY_HINT.test(text)) return false;
  const doc = readYaml(ctx, file)[0];
  if (!doc || !doc.isSeq(doc.root)) return false;
  return doc.items(doc.root).some((play) => doc.get(play, 'hosts') !== undefined || doc.get(play, 'import_playbook') !== undefined || doc.get(play, 'ansible.builtin.import_playbook') !== undefined);
};

const yamlIn = (ctx: FrameworkContext, folder: string): string[] => pathsInDir(ctx.files, folder).filter((p) => YAML_NAME.test(p));

/** The projects and roles of the scan (once per scan: enabledBy and collect both ask). */
const ansibleSetup = perScan((ctx: FrameworkContext): Setup => {
  const candidates = new Set<string>();
  const roles: string[] = [];
  const cfgs = new Map<string, string>();
  for (const folder of foldersWithPaths(ctx.files)) {
    const name = basename(folder);
    if (name === 'library' || name === 'callback_plugins' || name === 'files' || name === 'roles') candidates.add(dirname(folder));
    if (name === 'tasks' && (ctx.files.has(`${folder}/main.yml`) || ctx.files.has(`${folder}/main.yaml`))) roles.push(dirname(folder));
    const cfg = join(folder, 'ansible.cfg');
    if (ctx.files.has(cfg)) cfgs.set(folder, cfg);
  }
  const projects: string[] = [];
  for (const folder of new Set([...candidates, ...cfgs.keys()])) {
    if (cfgs.has(folder)) {
      projects.push(folder);
      continue;
    }
    const yamls = yamlIn(ctx, folder);
    if (yamls.length <= MAX_PLAYBOOK_CANDIDATES && yamls.some((f) => isPlaybook(ctx, f))) projects.push(folder);
  }
  return { projects: projects.filter((p) => !installsNothing(p)), roles: roles.filter((r) => !installsNothing(r)), cfgs };
});

/** The `.py` modules directly in a folder, by name. */
const modulesIn = (ctx: FrameworkContext, folder: string, into: Map<string, string>): void => {
  for (const p of pathsInDir(ctx.files, folder)) {
    const name = basename(p);
    if (name.endsWith('.py') && name !== '__init__.py' && !into.has(name.slice(0, -3))) into.set(name.slice(0, -3), p);
  }
};

/** An ansible.cfg `[defaults]` path list (`a:b`), relative paths taken from the cfg's folder. */
const cfgFolders = (folder: string, value: string): string[] => {
  const out: string[] = [];
  for (const part of value.split(/[:,]/)) {
    const p = part.trim().replace(/^\.\//, '');
    if (p === '' || p.startsWith('/') || p.startsWith('~') || p.includes('$') || p.includes('{')) continue;
    const joined = joinRepo(folder, p);
    if (joined !== null) out.push(joined.replace(/\/$/, ''));
  }
  return out;
};

interface CfgEntry {
  key: string;
  value: string;
  line: number;
}

const cfgDefaults = (ctx: FrameworkContext, cfg: string): CfgEntry[] => {
  const doc = ctx.manifests.get(cfg, CONFIGPARSER);
  if (!doc) return [];
  const out: CfgEntry[] = [];
  for (const section of doc.sections) {
    if (section.name !== 'defaults') continue;
    for (const e of section.entries) out.push({ key: e.key.trim().toLowerCase(), value: e.value.trim(), line: e.line });
  }
  return out;
};

/** The first word of a free-form `script:` value (`partition_configdrive.sh {{ dev }}`), unquoted; null when templated. */
const scriptName = (raw: string): string | null => {
  const words = raw.trim().split(/\s+/).filter((w) => !/^[a-z_]+=/.test(w));
  const first = words[0]?.replace(/^(['"])(.*)\1$/, '$2');
  if (!first || first.includes('{{') || first.includes('{%') || first.startsWith('/')) return null;
  return first;
};

const collectAnsible = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const { projects, roles, cfgs } = ansibleSetup(ctx);
  const projectSet = new Set(projects);
  const modules = new Map<string, Map<string, string>>();
  const moduleMap = (folder: string): Map<string, string> => {
    let m = modules.get(folder);
    if (!m) {
      m = new Map();
      modulesIn(ctx, join(folder, 'library'), m);
      const cfg = cfgs.get(folder);
      if (cfg !== undefined && projectSet.has(folder)) {
        for (const e of cfgDefaults(ctx, cfg)) if (e.key === 'library') for (const dir of cfgFolders(folder, e.value)) modulesIn(ctx, dir, m);
      }
      modules.set(folder, m);
    }
    return m;
  };

  // The task files, each with its role and project.
  const taskFiles = new Map<string, TaskFile>();
  for (const project of projects) {
    for (const f of yamlIn(ctx, project)) if (isPlaybook(ctx, f)) taskFiles.set(f, { file: f, role: null, project, playbook: true });
    const rolesDir = join(project, 'roles/');
    for (const f of pathsWithPrefix(ctx.files, rolesDir)) {
      const m = /^([^/]+)\/(?:tasks|handlers)\/.+\.ya?ml$/.exec(f.slice(rolesDir.length));
      if (m) taskFiles.set(f, { file: f, role: join(project, `roles/${m[1]}`), project, playbook: false });
    }
  }
  for (const role of roles) {
    const up = dirname(role);
    const project = basename(up) === 'roles' && projectSet.has(dirname(up)) ? dirname(up) : null;
    for (const sub of ['tasks/', 'handlers/']) {
      for (const f of pathsWithPrefix(ctx.files, join(role, sub))) {
        if (YAML_NAME.test(f) && !taskFiles.has(f)) taskFiles.set(f, { file: f, role, project, playbook: false });
      }
    }
  }

  const emitted = new Set<string>();
  const emit = (source: string, target: string, line: number, evidence: string): void => {
    const key = `${source}\0${target}\0${line}`;
    if (emitted.has(key)) return;
    emitted.add(key);
    out.entries.push({ source, target, targetKind: 'file', kind: 'production', line, evidence });
  };

  for (const tf of taskFiles.values()) {
    const where = tf.role ?? tf.project ?? dirname(tf.file);
    if (installsNothing(where)) continue;
    const known = new Map<string, string>();
    if (tf.role !== null) for (const [k, v] of moduleMap(tf.role)) known.set(k, v);
    if (tf.project !== null) for (const [k, v] of moduleMap(tf.project)) if (!known.has(k)) known.set(k, v);
    const scriptFolders = [
      ...(tf.role !== null ? [join(tf.role, 'files'), join(tf.role, 'tasks'), tf.role] : []),
      ...(tf.project !== null ? [join(tf.project, 'files'), tf.project] : []),
    ];
    for (const doc of readYaml(ctx, tf.file)) {
      const walkTasks = (list: YamlNode, depth: number): void => {
        if (depth > MAX_DEPTH) return;
        for (const task of doc.items(list)) {
          for (const [key, value, line] of doc.entries(task)) {
            if (BLOCK_KEYS.has(key)) {
              walkTasks(value, depth + 1);
              continue;
            }
            const name = key.startsWith('ansible.legacy.') ? key.slice('ansible.legacy.'.length) : key;
            const module = known.get(name);
            if (module !== undefined) {
              emit(tf.file, module, line, `Ansible task \`${key}:\` in ${tf.file}:${line} (ansible-playbook runs the task's module from the library/ beside the playbook or in the role)`);
              continue;
            }
            if (!SCRIPT_KEYS.has(key)) continue;
            const raw = doc.str(value) ?? doc.str(doc.get(value, 'cmd')) ?? doc.str(doc.get(task, 'args') ? doc.get(doc.get(task, 'args'), 'cmd') : undefined);
            if (raw === undefined) continue;
            const script = scriptName(raw);
            if (script === null) continue;
            for (const folder of scriptFolders) {
              const target = joinRepo(folder, script);
              if (target !== null && ctx.files.has(target)) {
                emit(tf.file, target, line, `Ansible task \`${key}: ${raw.trim()}\` in ${tf.file}:${line} (the script module copies it from the role's files/ or the playbook's folder to the host and runs it there)`);
                break;
              }
            }
          }
        }
      };
      if (tf.playbook) {
        for (const play of doc.items(doc.root)) for (const k of PLAY_TASK_LISTS) walkTasks(doc.get(play, k), 0);
      } else {
        walkTasks(doc.root, 0);
      }
    }
  }

  // Callback plugins ansible.cfg enables by name.
  for (const project of projects) {
    const cfg = cfgs.get(project);
    if (cfg === undefined) continue;
    const defaults = cfgDefaults(ctx, cfg);
    const dirs = [join(project, 'callback_plugins')];
    for (const e of defaults) if (e.key === 'callback_plugins') dirs.push(...cfgFolders(project, e.value));
    for (const e of defaults) {
      if (e.key !== 'callback_whitelist' && e.key !== 'callbacks_enabled' && e.key !== 'stdout_callback') continue;
      for (const raw of e.value.split(',')) {
        const name = raw.trim();
        if (!/^[A-Za-z_][\w.]*$/.test(name)) continue;
        const short = name.split('.').pop()!;
        for (const dir of dirs) {
          const target = join(dir, `${short}.py`);
          if (!ctx.files.has(target)) continue;
          emit(cfg, target, e.line, `${e.key} = ${e.value} in ${cfg}:${e.line} (ansible-playbook loads the callback plugins it enables from callback_plugins/ beside the playbook)`);
          break;
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'ansible',
  title: 'Ansible playbook folders (library/ modules, enabled callback plugins, role scripts)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const { projects, roles } = ansibleSetup(ctx);
    const first = projects[0] ?? roles[0];
    if (first === undefined) return null;
    return projects.length > 0 ? `${first || '.'} is an Ansible project (an ansible.cfg or a playbook)` : `${first} is an Ansible role (tasks/main.yml)`;
  },
  collect: collectAnsible,
};

export default reader;
