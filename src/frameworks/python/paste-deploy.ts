/**
 * Paste Deploy: an OpenStack or Pylons-era WSGI app is built from an INI file (`api-paste.ini`)
 * whose `[app:…]`, `[filter:…]`, `[composite:…]`, `[filter-app:…]` and `[server:…]` sections name
 * their factories by import path — `paste.app_factory = aodh.api.app:app_factory`,
 * `paste.filter_factory = pkg.middleware:Factory.factory`, `use = call:pkg.wsgi:make_app` — and
 * pass the section's other keys to the factory as its local_conf, where a key such as aodh's
 * `root = aodh.api.controllers.root.VersionsController` is a class path the factory imports
 * (pecan's `make_app(root)`). No Python file imports those modules: the INI does, when
 * `paste.deploy.loadapp("config:…")` reads it.
 *
 * Each such import path that names a module of the repo (the module part of `mod:attr`; for a
 * plain dotted value, its longest prefix that is a module, and only in a section that names a
 * factory) is reached: by an edge from each Python file that calls paste.deploy's `loadapp(`
 * (aodh/api/app.py:74 `deploy.loadapp("config:" + cfg_path)`), else as a root — a production one
 * (the WSGI server that serves the file builds the app from it), a test one in an INI named for
 * tests. `egg:` and other package names are left to the packages that declare them.
 */
import { listedPaths } from '../../util/file-index.js';
import { basename } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { CONFIGPARSER_DIALECT, parseIni } from '../../manifests/ini.js';
import { isDottedName } from '../strings.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';

/** A section Paste Deploy reads: `[app:main]`, `[filter:authtoken]`, `[composite:api]`, `[pipeline:main]`, `[server:main]`. */
const PASTE_SECTION = /^[ \t]*\[(?:app|filter|composite|filter-app|pipeline|server):[^\]\n]*\][ \t]*\r?$/m;
const FACTORY_KEY = /^paste\.(?:app_factory|filter_factory|composite_factory|filter_app_factory|server_factory|server_runner)$/;
const LOADAPP = /\bloadapp\s*\(/;

interface Named {
  ini: string;
  line: number;
  key: string;
  value: string;
  /** The repo module it names (`pkg.mod`), and that module's file. */
  module: string;
  file: string;
}

/** The longest prefix of `dotted` that is a repo module (`pkg.mod.Class` → pkg.mod), with its file, or null. */
const moduleFileOf = (ctx: FrameworkContext, dotted: string, whole: boolean): { module: string; file: string } | null => {
  const parts = dotted.split('.');
  for (let n = parts.length; n >= (whole ? parts.length : 2); n--) {
    const module = parts.slice(0, n).join('.');
    const file = ctx.module(module)[0];
    if (file !== undefined && file.endsWith('.py')) return { module, file };
  }
  return null;
};

/** The INI files with a Paste Deploy section, and the repo modules their factories and class paths name (once per scan). */
const pasteNames = perScan((ctx: FrameworkContext): Named[] => {
  const out: Named[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const ini = listed[at];
    if (!ini.endsWith('.ini')) continue;
    const text = ctx.readText(ini);
    if (text === null || !PASTE_SECTION.test(text)) continue;
    for (const section of parseIni(text, CONFIGPARSER_DIALECT).sections) {
      if (!/^(?:app|filter|composite|filter-app|server):/.test(section.name)) continue;
      const factory = section.entries.some((e) => FACTORY_KEY.test(e.key) || (e.key === 'use' && /^\s*call:/.test(e.value)));
      if (!factory) continue;
      for (const e of section.entries) {
        const value = e.value.trim();
        let found: { module: string; file: string } | null = null;
        if (FACTORY_KEY.test(e.key) || e.key === 'use') {
          // `mod:attr`, `call:mod:attr`; `egg:Dist#name` names a distribution, not a module.
          const spec = e.key === 'use' ? (value.startsWith('call:') ? value.slice(5) : '') : value;
          const module = spec.split(':')[0].trim();
          if (module !== '' && isDottedName(module)) found = moduleFileOf(ctx, module, true);
        } else if (value.includes('.') && isDottedName(value)) {
          // Another key of the factory's section: a class path its factory imports (`root = pkg.controllers.Root`).
          found = moduleFileOf(ctx, value, false);
        }
        if (found !== null) out.push({ ini, line: e.line, key: e.key, value, ...found });
      }
    }
  }
  return out;
});

/** Python files that call paste.deploy's loadapp: the line of the call. */
const loaders = (ctx: FrameworkContext): { file: string; line: number }[] => {
  const out: { file: string; line: number }[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    if (!file.endsWith('.py')) continue;
    const facts = ctx.facts(file);
    if (!facts?.imports.some((i) => i.specifier === 'paste.deploy' || i.specifier.startsWith('paste.deploy.') || (i.specifier === 'paste' && i.names.some((n) => n.name === 'deploy')))) continue;
    const text = ctx.readText(file);
    const call = text === null ? null : LOADAPP.exec(text);
    if (call !== null) out.push({ file, line: lineAt(text!, call.index) });
  }
  return out;
};

const collect = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const named = pasteNames(ctx);
  if (named.length === 0) return out;
  const loading = loaders(ctx);
  for (const n of named) {
    const what = `named in the Paste Deploy file ${n.ini}:${n.line} (${n.key} = ${n.value})`;
    if (loading.length > 0) {
      for (const l of loading) if (l.file !== n.file) out.references.push({ from: l.file, target: n.module, targetKind: 'module', line: l.line, label: `paste.deploy's loadapp in ${l.file}:${l.line} builds the WSGI app from its INI: ${what}` });
      continue;
    }
    const kind = /test/i.test(basename(n.ini)) ? 'test' : 'production';
    out.entries.push({ source: n.ini, target: n.module, targetKind: 'module', kind, line: n.line, evidence: `${what}: the WSGI server that loads the file builds the app from it` });
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'paste-deploy',
  title: 'Paste Deploy (the factories and class paths of an api-paste.ini)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = pasteNames(ctx)[0];
    return first === undefined ? null : `${first.ini}:${first.line} names ${first.value}`;
  },
  collect,
};

export default reader;
