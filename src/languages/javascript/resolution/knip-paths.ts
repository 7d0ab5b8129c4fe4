/**
 * A knip config's `paths`: import aliases a team declares for knip because its bundler resolves
 * them where knip (and census) cannot read it, in TypeScript's `paths` form (`"@lib/*":
 * ["./lib/*"]`, an exact key without `*`), at the top level and per workspace. Targets are
 * relative to the workspace (the knip config's folder for the top level), and each workspace's
 * rules apply to the files of its folder, as knip scopes them. The longest matching prefix wins,
 * as in TypeScript. Read statically like the rest of the knip config; a target that is no file or
 * folder of the repo is a warning naming the config and line.
 */
import type { Diagnostic } from '../../../model/diagnostic.js';
import { isRecord } from '../../../manifests/json.js';
import type { Manifests } from '../../../manifests/store.js';
import { warning } from '../../../util/diagnostics.js';
import { isFolder } from '../../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../../util/path.js';
import { CODE_NAME, JSON_NAMES, KNIP_CONFIG_STEMS, plainKnipConfig, workspaceDirs } from '../knip-config-file.js';
import { matchPathPattern } from './tsconfig.js';
import type { AliasRule } from './tool-aliases.js';

/** Rules and the folder whose files they apply to. */
export interface ScopedAliasRules {
  scope: string;
  rules: AliasRule[];
}

const isKnipConfig = (path: string): boolean => {
  const name = basename(path);
  return JSON_NAMES.has(name) || CODE_NAME.test(name) || name === 'package.json';
};

/** The first line at or after line `from` (1-based) that names the key, quoted either way; `from` when none does. */
const lineOf = (text: string, key: string, from = 1): number => {
  const i = text.split('\n').findIndex((l, n) => n + 1 >= from && (l.includes(`"${key}"`) || l.includes(`'${key}'`)));
  return i < 0 ? from : i + 1;
};

const readScope = (config: string, text: string, files: ReadonlySet<string>, dir: string, paths: unknown, where: { label: string; line: number }, problems: Diagnostic[]): AliasRule[] => {
  if (!isRecord(paths)) return [];
  const rules: { prefix: number; rule: AliasRule }[] = [];
  for (const [pattern, value] of Object.entries(paths)) {
    const targets = (Array.isArray(value) ? value : [value]).filter((t): t is string => typeof t === 'string');
    const line = lineOf(text, pattern, where.line);
    const what = `${where.label}paths "${pattern}"`;
    if (targets.length === 0 || (pattern.match(/\*/g) ?? []).length > 1) {
      problems.push(warning('resolve/alias', `knip ${what} is not read: a paths entry maps a pattern with at most one * to a list of paths`, config, line));
      continue;
    }
    for (const target of targets) {
      const fixed = joinRepo(dir, target.split('*')[0]);
      const folder = fixed === null ? null : target.includes('*') ? fixed : dirname(fixed);
      if (folder === null) problems.push(warning('resolve/alias', `knip ${what} points outside the repo ("${target}")`, config, line));
      else if (folder !== '' && !files.has(folder) && !isFolder(files, folder)) problems.push(warning('resolve/alias', `knip ${what} maps to ${folder}, which is no file or folder of the repo`, config, line));
    }
    rules.push({
      prefix: pattern.indexOf('*') < 0 ? pattern.length : pattern.indexOf('*'),
      rule: {
        tool: 'knip', config, line, what,
        map: (specifier) => {
          const rest = matchPathPattern(specifier, pattern);
          if (rest === null) return null;
          return targets.flatMap((t) => {
            const path = joinRepo(dir, t.replace('*', rest));
            return path === null ? [] : [{ path }];
          });
        },
      },
    });
  }
  return rules.sort((a, b) => b.prefix - a.prefix).map((r) => r.rule);
};

/** The alias rules of one knip config, by the folder each applies to. */
const readKnipPaths = (manifests: Manifests, config: string, text: string): { value: ScopedAliasRules[]; diagnostics: Diagnostic[] } => {
  const value: ScopedAliasRules[] = [];
  const diagnostics: Diagnostic[] = [];
  const plain = plainKnipConfig(config, text);
  if (!isRecord(plain)) return { value, diagnostics };
  const base = dirname(config);
  const top = readScope(config, text, manifests.files, base, plain.paths, { label: '', line: 1 }, diagnostics);
  if (top.length > 0) value.push({ scope: base, rules: top });
  if (isRecord(plain.workspaces)) {
    for (const [key, ws] of Object.entries(plain.workspaces)) {
      if (!isRecord(ws) || ws.paths === undefined) continue;
      for (const dir of workspaceDirs(base, key, manifests.files)) {
        const rules = readScope(config, text, manifests.files, dir, ws.paths, { label: `workspaces["${key}"] `, line: lineOf(text, key) }, diagnostics);
        if (rules.length > 0) value.push({ scope: dir, rules });
      }
    }
  }
  return { value, diagnostics };
};

/** Every knip config's `paths` rules in the repo, each config read once through the store so its warnings reach the Audit once. */
export const knipPathRules = (manifests: Manifests): ScopedAliasRules[] => {
  const format = { id: 'js-aliases-knip', parse: (text: string, path: string) => readKnipPaths(manifests, path, text) };
  const out: ScopedAliasRules[] = [];
  for (const path of manifests.all((p) => !p.includes('node_modules/') && isKnipConfig(p), { stems: KNIP_CONFIG_STEMS })) {
    if (basename(path) === 'package.json' && !(manifests.text(path) ?? '').includes('"knip"')) continue;
    out.push(...(manifests.get(path, format) ?? []));
  }
  return out;
};
