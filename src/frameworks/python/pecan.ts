/**
 * Stop 49: Pecan's config module. A Pecan app (every OpenStack API built on it: octavia, ironic,
 * magnum, watcher…) is described by a Python config module, not by code that imports its
 * controllers: `app = {'root': 'octavia.api.root_controller.RootController', …}` in
 * octavia/api/config.py, read by the app factory with `pecan.configuration.conf_from_file(
 * app_config.__file__…)` (the scaffold's own `get_pecan_config()`), then `pecan.make_app(
 * config.app.root, …)`, which imports the root controller by its dotted name. Nothing imports
 * the root controller module otherwise, and the whole controller tree below it was dead (or test,
 * or manual, reached only from a test or from a controller with top-level code).
 *
 * The rule: a file that imports pecan and calls `conf_from_file(` reads the config module it
 * names as `NAME.__file__`, where NAME is a module its imports bind (`from octavia.api import
 * config as app_config`); a `pecan serve PATH` command line reads PATH. In that config module, the
 * string value of a `'root'` key whose string is a dotted name (`pkg.mod.Class`) is loaded by
 * make_app: an edge from the config module, with its line. Read from tokens, never run; a computed
 * root (a variable, a call) has no literal to read and gives nothing. Pecan's `modules` list
 * (imported by `pecan.load_app` for their `app.setup_app`) is left alone: no surveyed app uses it.
 */
import { listedPaths } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader, KnownCommand } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { isDottedName } from '../strings.js';
import { settingStrings } from './setting-strings.js';
import { fromName, importsPackage, moduleFile } from './python-files.js';
import { perScan } from '../per-scan.js';
import type { ImportFact } from '../../model/facts.js';
import { joinRepo } from '../../util/path.js';

/** `NAME.__file__` handed to conf_from_file (directly or through a variable, as the scaffold does). */
const MODULE_FILE = /(?<![\w.])([A-Za-z_]\w*)\.__file__\b/g;
const CONF_FROM_FILE = /\bconf_from_file\s*\(/;
/** `pecan serve config.py`: Pecan's own command line (`pecan` then `serve`, as a program or `-m pecan`). */
const SERVE = /(?:^|[\s/])pecan[ \t]+serve[ \t]+(?:-\S+[ \t]+)*([^\s;&|]+\.py)\b/;

/** The dotted module `name` is bound to by the file's imports (`import a.b as n`, `from a import b as n`), or null. */
const boundTo = (imports: readonly ImportFact[], name: string): string | null => {
  for (const i of imports) {
    if (i.syntax === 'import' && (i.alias ?? i.specifier) === name) return i.specifier;
    if (i.syntax === 'from') {
      const n = i.names.find((x) => (x.alias ?? x.name) === name);
      if (n !== undefined && n.name !== '*') return fromName(i.specifier, n.name);
    }
  }
  return null;
};

interface ConfigModule {
  config: string;
  /** Who reads it: `octavia/api/app.py:41 reads it with …`. */
  how: string;
  /** The `pecan serve` command that reads it, which makes it a root of that command's kind. */
  command?: KnownCommand;
}

/** The scan's Pecan config modules, each with the file and line that reads it. */
const configModules = perScan((ctx: FrameworkContext): ConfigModule[] => {
  const out = new Map<string, ConfigModule>();
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const path = listed[at];
    if (!path.endsWith('.py') || !importsPackage(ctx, path, 'pecan')) continue;
    const text = ctx.manifests.transientText(path);
    if (text === null || !CONF_FROM_FILE.test(text)) continue;
    const imports = ctx.facts(path)?.imports ?? [];
    for (const m of text.matchAll(MODULE_FILE)) {
      const dotted = boundTo(imports, m[1]);
      const config = dotted === null ? null : moduleFile(ctx, path, dotted);
      if (config === null || config === path || out.has(config)) continue;
      out.set(config, { config, how: `${path}:${lineAt(text, m.index!)} reads it with pecan.configuration.conf_from_file` });
    }
  }
  for (const c of ctx.commands) {
    const m = SERVE.exec(c.command);
    if (m === null) continue;
    const config = joinRepo(c.cwd, m[1]);
    if (config === null || !ctx.files.has(config) || out.has(config)) continue;
    out.set(config, { config, how: `${c.evidence} runs pecan serve ${m[1]}`, command: c });
  }
  return [...out.values()].sort((a, b) => (a.config < b.config ? -1 : a.config > b.config ? 1 : 0));
});

const collect = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (const { config, how, command } of configModules(ctx)) {
    const text = ctx.manifests.transientText(config);
    if (text === null) continue;
    if (command !== undefined) {
      const evidence = `${command.evidence}: ${command.command.trim().replace(/\s+/g, ' ')} (Pecan reads the config module ${config})`;
      out.entries.push({ source: command.source, target: config, targetKind: 'file', kind: command.kind, ...(command.line ? { line: command.line } : {}), evidence });
    }
    for (const s of settingStrings(text)) {
      if (s.value !== 'root' || s.mapsTo === undefined || !s.mapsTo.includes('.') || !isDottedName(s.mapsTo)) continue;
      out.references.push({
        from: config,
        target: s.mapsTo,
        targetKind: 'module-attr',
        line: s.line,
        label: `imported for the root controller '${s.mapsTo}' of the Pecan config module ${config}:${s.line} (${how}; pecan.make_app imports the root by its dotted name)`,
      });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'pecan',
  title: "Pecan config modules: the app's root controller named by its dotted path",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = configModules(ctx)[0];
    return first === undefined ? null : `${first.config} is a Pecan config module (${first.how})`;
  },
  collect,
};

export default reader;
