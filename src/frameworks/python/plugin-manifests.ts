/**
 * Plugin manifests (yapsy and its kin: errbot's `*.plug`, `*.yapsy-plugin`): an INI file with
 * `[Core]` `Module = acls` beside `acls.py` (or `acls/__init__.py`) declares a plugin the host
 * application loads by path: errbot's backend_plugin_manager.py globs `**\/*.plug` and execs
 * `<manifest folder>/<Module>.py`. Nothing imports the module by name, so census saw it dead.
 *
 * The edge goes from the host: a Python file of the same top-level package (or, for manifests
 * outside any package, anywhere in the repo) that holds the manifest pattern as a string
 * (`"*.plug"`, `file_sig="*.plug"`), so a plugin takes the class of the code that loads it. With no
 * such file there is no edge: a manifest alone does not say that anything loads it.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { pathsWithPrefix, sortedPaths, pathsNamedLike } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { topPackageFolder } from './python-files.js';

/** Manifest suffix → the glob a host names them by. */
const MANIFEST = /\.(plug|yapsy-plugin)$/;

interface Manifest {
  path: string;
  module: string;
  line: number;
  /** `plug` or `yapsy-plugin`. */
  suffix: string;
}

/** `Module = name` inside `[Core]` (yapsy's section and key; keys are case-insensitive as configparser's). */
export const manifestModule = (text: string): { module: string; line: number } | null => {
  const lines = text.split('\n');
  let inCore = false;
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]]*)\]/.exec(lines[i]);
    if (header) {
      inCore = header[1].trim() === 'Core';
      continue;
    }
    const m = inCore ? /^\s*module\s*[=:]\s*([A-Za-z_][\w.]*)\s*$/i.exec(lines[i]) : null;
    if (m) return { module: m[1], line: i + 1 };
  }
  return null;
};

/** The module file a manifest names: `<folder>/<module>.py`, else `<folder>/<module>/__init__.py`. */
const moduleFile = (files: ReadonlySet<string>, manifest: Manifest): string | null => {
  const base = joinRepo(dirname(manifest.path), manifest.module.replace(/\./g, '/'));
  if (base === null) return null;
  for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (files.has(candidate)) return candidate;
  return null;
};

/** The line of the first of `patterns` in `text` (1-based), or 0. */
const lineOf = (text: string, patterns: string[]): number => {
  let at = -1;
  for (const p of patterns) {
    const i = text.indexOf(p);
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  return at === -1 ? 0 : lineAt(text, at);
};

export const collectPluginManifests = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const byScope = new Map<string, Manifest[]>();
  for (const path of sortedPaths(ctx.files)) {
    const suffix = MANIFEST.exec(path)?.[1];
    if (suffix === undefined) continue;
    const found = manifestModule(ctx.readText(path) ?? '');
    if (found === null) continue;
    const scope = topPackageFolder(ctx.files, path) ?? '';
    const list = byScope.get(scope) ?? [];
    list.push({ path, suffix, ...found });
    byScope.set(scope, list);
  }
  for (const [scope, manifests] of byScope) {
    const suffixes = [...new Set(manifests.map((m) => m.suffix))];
    // The glob a loader names them by, in either quote.
    const patterns = suffixes.flatMap((s) => [`"*.${s}"`, `'*.${s}'`, `/*.${s}"`, `/*.${s}'`]);
    const hosts: { path: string; line: number; suffix: string }[] = [];
    for (const path of scope === '' ? sortedPaths(ctx.files) : pathsWithPrefix(ctx.files, `${scope}/`)) {
      if (!path.endsWith('.py')) continue;
      const text = ctx.readText(path);
      if (text === null || !suffixes.some((s) => text.includes(`*.${s}`))) continue;
      const line = lineOf(text, patterns);
      if (line === 0) continue;
      hosts.push({ path, line, suffix: suffixes.find((s) => text.includes(`*.${s}`))! });
    }
    for (const manifest of manifests) {
      const target = moduleFile(ctx.files, manifest);
      if (target === null) continue;
      for (const host of hosts) {
        if (host.suffix !== manifest.suffix || host.path === target) continue;
        out.references.push({
          from: host.path,
          target,
          targetKind: 'file',
          line: host.line,
          label: `loaded as a plugin by ${host.path}:${host.line}, which finds "*.${manifest.suffix}" manifests: ${manifest.path}:${manifest.line} names Module = ${manifest.module}`,
        });
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'plugin-manifests',
  title: 'plugin manifests (yapsy *.yapsy-plugin, errbot *.plug)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = pathsNamedLike(ctx.files, { extensions: ['plug', 'yapsy-plugin'] }); at < listed.length; at++) {
      const f = listed[at];
      if (f.endsWith('.plug') || f.endsWith('.yapsy-plugin')) return `${f} is a plugin manifest`;
    }
    return null;
  },
  collect: collectPluginManifests,
};

export default reader;
