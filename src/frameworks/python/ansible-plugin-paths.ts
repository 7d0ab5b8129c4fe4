/**
 * Stop 51: a Python package that hands Ansible its plugin folders. ARA ships its Ansible plugins
 * inside the package (ara/plugins/callback/ara_default.py, action/ara_record.py, lookup/ara_api.py)
 * and names their folders in ara/setup/__init__.py by module attributes spelled as Ansible's own
 * settings: `callback_plugins = os.path.abspath(os.path.join(plugins, "callback"))`, and so for
 * `action_plugins` and `lookup_plugins`. Its `python3 -m ara.setup.ansible` prints them as an
 * ansible.cfg `[defaults]` section (`callback_plugins={}`), and Ansible loads the plugins of each
 * folder so configured. Nothing imports the plugin files, and they were dead.
 *
 * The rule: a module-level assignment whose name is one of Ansible's plugin-path settings (the
 * ansible.cfg `[defaults]` keys `action_plugins`, `callback_plugins`, `lookup_plugins`, …) and
 * whose value is a path expression naming a repo folder (sys-path's pathAssignments:
 * `os.path.join`, `dirname(__file__)`, names assigned so above) is an edge from that file, at
 * the assignment's line, to each `.py` file directly in the folder that imports that kind's base
 * (`ansible.plugins.callback` for callback_plugins). A folder named by another attribute name, a
 * computed value, and a file there that does not import the kind's base (a helper, `__init__.py`)
 * give nothing; filter and test plugins, which need no base, are not read.
 */
import { listedPaths, pathsInDir } from '../../util/file-index.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { importIndex } from './python-files.js';
import { pathAssignments, repoPathOf } from '../../languages/python/sys-path.js';
import { basename } from '../../util/path.js';

/** Ansible's plugin-path settings (ansible.cfg `[defaults]`), each with the module its plugins' base class lives in. */
const SETTINGS = new Map<string, string>(
  ['action', 'become', 'cache', 'callback', 'cliconf', 'connection', 'httpapi', 'inventory', 'lookup', 'netconf', 'strategy', 'terminal', 'vars'].map((kind) => [`${kind}_plugins`, `ansible.plugins.${kind}`]),
);
/** A cheap test before a file's path assignments are evaluated: a setting's name assigned at the start of a line. */
const SETTING_ASSIGN = new RegExp(`^(?:${[...SETTINGS.keys()].join('|')})[ \\t]*=`, 'm');

interface PluginPath {
  file: string;
  line: number;
  setting: string;
  folder: string;
  plugin: string;
}

const isPluginBase = (specifier: string): boolean => specifier === 'ansible.plugins' || specifier.startsWith('ansible.plugins.');

const pluginPaths = perScan((ctx: FrameworkContext): PluginPath[] => {
  const out: PluginPath[] = [];
  const listed = listedPaths(ctx.files);
  // Every plugin this reader reports imports its kind's base from ansible.plugins, so a repo with no
  // such import has none: checked on the facts before any file's text is read (saleor: 274 ms of
  // re-reading every .py file for a setting no file assigns).
  // Asked of the scan's distinct specifiers (its import index), not of every import of every file (issue 19).
  if (![...importIndex(ctx).bySpecifier.keys()].some(isPluginBase)) return out;
  for (let at = 0; at < listed.length; at++) {
    const file = listed[at];
    if (!file.endsWith('.py')) continue;
    const text = ctx.manifests.transientText(file);
    if (text === null || !SETTING_ASSIGN.test(text)) continue;
    const lines = text.split('\n');
    for (const a of pathAssignments(text, file)) {
      const base = SETTINGS.get(a.name);
      // Module level only: the attribute other code (and the printed ansible.cfg) reads.
      if (base === undefined || !lines[a.line - 1]?.startsWith(a.name)) continue;
      const folder = repoPathOf(a.value);
      if (folder === null) continue;
      for (const plugin of pathsInDir(ctx.files, folder)) {
        if (!plugin.endsWith('.py') || basename(plugin) === '__init__.py' || plugin === file) continue;
        const imports = ctx.facts(plugin)?.imports ?? [];
        if (imports.some((i) => i.specifier === base || i.specifier.startsWith(`${base}.`))) out.push({ file, line: a.line, setting: a.name, folder, plugin });
      }
    }
  }
  return out;
});

const reader: FrameworkReader = {
  id: 'ansible-plugin-paths',
  title: "Ansible plugin folders a Python package names by Ansible's settings (callback_plugins = …)",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = pluginPaths(ctx)[0];
    return first ? `${first.file}:${first.line} names the Ansible ${first.setting} folder ${first.folder}` : null;
  },
  collect: (ctx): FrameworkOutput => {
    const out = emptyFrameworkOutput();
    for (const p of pluginPaths(ctx)) {
      const kind = p.setting.replace(/_plugins$/, '');
      out.references.push({ from: p.file, target: p.plugin, targetKind: 'file', line: p.line, label: `loaded by Ansible as ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} plugin from the ${p.setting} folder ${p.folder}, which ${p.file}:${p.line} names by Ansible's own setting (ansible.cfg [defaults] ${p.setting})` });
    }
    return out;
  },
};

export default reader;
