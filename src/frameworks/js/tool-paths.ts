/**
 * What the tooling-config readers (postcss, tailwind, commitlint, changesets) share: a config in
 * one of its tool's file names (or a package.json key) whose string values at some keys name local
 * files the tool loads (`extends: ['./commitlint.base']`, `plugins: { './plugins/x.js': {} }`).
 * Those files are tooling roots: nothing imports them, the tool requires them by path.
 */
import { configAt, type ConfigValue } from '../../languages/javascript/config-value.js';
import { joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, filesIn, jsPackages, readToolConfig, resolveToolPath, warnUnread, type JsPackage } from './support.js';

export interface ToolConfigSpec {
  id: string;
  tool: string;
  /** Config file names beside a package.json. */
  names: RegExp;
  /** The package.json key that may hold the config. */
  packageKey?: string;
  /** The folder under the package that holds the config, and that its paths are relative to (`.changeset`). */
  folder?: string;
  /**
   * Keys whose strings (or object keys, for `plugins: { './x': {} }`) may name local files;
   * `overrides[].plugins` is that key in each item of the `overrides` array.
   */
  keys: string[];
}

/** Strings a value holds, and object keys when they look like paths (postcss's `plugins: { './x.js': {} }`). */
const strings = (v: ConfigValue | null, out: { value: string; line: number }[], unread: { line: number; text: string }[], depth = 0) => {
  if (!v || depth > 4) return;
  if (v.kind === 'string') out.push({ value: v.value, line: v.line });
  else if (v.kind === 'array') v.items.forEach((i) => strings(i, out, unread, depth + 1));
  else if (v.kind === 'object') {
    for (const [k, x] of v.props) {
      if (k.startsWith('.')) out.push({ value: k, line: x.line });
      strings(x, out, unread, depth + 1);
    }
  } else if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text });
};

/** The values at a key path: `a.b`, or `list[].b` for `b` in every item of the array `list`. */
const valuesAt = (value: ConfigValue | null, key: string): (ConfigValue | null)[] => {
  const [head, rest] = key.split('[].', 2);
  if (rest === undefined) return [configAt(value, ...key.split('.'))];
  const list = configAt(value, ...head.split('.'));
  return list?.kind === 'array' ? list.items.map((item) => configAt(item, ...rest.split('.'))) : [];
};

/** The configs of one tool in a package, and each local file they name as a tooling entry. */
const collectToolPaths = (ctx: FrameworkContext, pkg: JsPackage, spec: ToolConfigSpec, out: FrameworkOutput): string[] => {
  const dir = spec.folder ? (joinRepo(pkg.dir, spec.folder) ?? pkg.dir) : pkg.dir;
  const configs = filesIn(ctx, dir, spec.names);
  const read: { source: string; value: ConfigValue | null }[] = configs.map((c) => ({ source: c, value: readToolConfig(ctx, c, out.diagnostics, spec.id).value }));
  if (spec.packageKey && pkg.json[spec.packageKey] !== undefined) read.push({ source: pkg.manifest, value: configAt(readToolConfig(ctx, pkg.manifest, out.diagnostics, spec.id).value, spec.packageKey) });
  for (const { source, value } of read) {
    for (const key of spec.keys) {
      const found: { value: string; line: number }[] = [];
      const unread: { line: number; text: string }[] = [];
      for (const at of valuesAt(value, key)) strings(at, found, unread);
      warnUnread(out.diagnostics, spec.id, source, unread, key);
      for (const s of found) {
        if (!/^\.{1,2}\//.test(s.value)) continue;
        const file = resolveToolPath(ctx, dir, s.value);
        if (!file || file === source) continue;
        const where = s.line > 1 ? `${source}:${s.line}` : source;
        out.entries.push({ source, target: file, targetKind: 'file', kind: 'tooling', evidence: `${where} ${key} "${s.value}", loaded by ${spec.tool}`, ...(s.line > 1 ? { line: s.line } : {}) });
      }
    }
  }
  return configs;
};

/** A reader for one such tool: it applies to each package that holds one of its configs. */
export const toolPathsReader = (spec: ToolConfigSpec, title: string): FrameworkReader => {
  const packages = (ctx: FrameworkContext): JsPackage[] =>
    jsPackages(ctx).filter((p) => filesIn(ctx, spec.folder ? (joinRepo(p.dir, spec.folder) ?? p.dir) : p.dir, spec.names).length > 0 || (spec.packageKey !== undefined && p.json[spec.packageKey] !== undefined));
  return {
    id: spec.id,
    title,
    ecosystem: 'javascript',
    enabledBy: (ctx) => enabledByPackages(packages(ctx), spec.tool),
    collect: (ctx) => {
      const out = emptyFrameworkOutput();
      for (const pkg of packages(ctx)) collectToolPaths(ctx, pkg, spec, out);
      return out;
    },
  };
};
