/**
 * Stop 49: what a project's own code imports from every installed Django app, and the apps its
 * settings fragments add. Read as written, never run.
 *
 * Per-app module loads: a loop over the installed apps that imports a module of each by a name
 * built from the app and a literal, as Horizon's `_autodiscover` (horizon/base.py) does:
 *
 *     for mod_name in ('dashboard', 'panel'):
 *         for app in settings.INSTALLED_APPS:
 *             import_module('%s.%s' % (app, mod_name))
 *
 * (also `app + '.x'`, `f'{app}.x'`, `'{}.x'.format(app)`, a name assigned one of these in the loop,
 * `for config in apps.get_app_configs(): … config.name …`), and Django's
 * `autodiscover_modules('x', …)`, which imports `<app>.x` of every app config.
 *
 * Settings fragments: a list assigned to a name ending in INSTALLED_APPS (`ADD_INSTALLED_APPS =
 * ['openstack_dashboard.dashboards.project']`) that the project's code reads by that name
 * (`config.get('ADD_INSTALLED_APPS', [])`, `getattr(mod, 'ADD_INSTALLED_APPS')`) names apps the
 * project installs: Horizon's enabled/ files, merged into INSTALLED_APPS by
 * openstack_dashboard/utils/settings.py's update_dashboards. A fragment setting `DISABLED = True`
 * (which update_dashboards skips) adds none.
 */
import { listedPaths } from '../../util/file-index.js';
import { lineStarts, lineOfOffset } from '../../util/lines.js';
import type { FrameworkContext } from '../types.js';
import { callArguments, literalValue } from './call-text.js';
import { templateParts } from './loader-templates.js';
import { fragmentAssignments, isEnviron } from './attribute-imports.js';
import { asksImport, importQuestion, indentOf } from './python-files.js';

/** A module every installed app may have, imported by the project's code. */
export interface AppModule {
  /** Dotted below the app: `dashboard`, `templatetags.extra`. */
  name: string;
  file: string;
  line: number;
  /** What imports it, for the evidence: `import_module over INSTALLED_APPS (loop at :893)`. */
  how: string;
}

/** An app a settings fragment names. */
export interface FragmentApp {
  value: string;
  file: string;
  line: number;
  setting: string;
  /** Where the project's code reads that setting by name. */
  reader: string;
  readerLine: number;
}

const FOR = /^([ \t]*)for\s+(\w+)\s+in\s+(.+?)\s*:\s*(?:#.*)?$/;
/** The installed apps as an iterable: `settings.INSTALLED_APPS`, `list(INSTALLED_APPS)`, `getattr(settings, 'INSTALLED_APPS', [])`. */
const INSTALLED = /^(?:\w+\s*\(\s*)?(?:[\w.]*\.)?INSTALLED_APPS\b|^getattr\s*\(\s*[\w.]+\s*,\s*(['"])INSTALLED_APPS\1/;
/** Django's app registry: each item's `.name` is the app's dotted name. */
const CONFIGS = /^(?:[\w.]*\.)?get_app_configs\s*\(\s*\)$/;
const LOADERS = /\b(?:import_module|__import__)\s*\(/g;
const MODULE = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
const MAX_TEXT = 2_000_000;
/** Longest line the line patterns run on (their lazy parts backtrack over runs of blanks). */
const MAX_LINE = 2000;
/** Loops over the installed apps read per file: a hostile file of thousands costs no more. */
const MAX_LOOPS = 50;
const ASSIGN = /^\s*(\w+)\s*=\s*(.+?)\s*$/;

/** A file importing importlib (or its import_module), Django's module_loading, or (`listing`) pkgutil (`listing`: pkgutil too): questions the scan's one walk of the imports answers (python-files importQuestion; issue 19). */
const LOADING = importQuestion(['importlib', 'django.utils.module_loading'], ['import_module', 'importlib']);
const LISTING = importQuestion(['importlib', 'django.utils.module_loading', 'pkgutil'], ['import_module', 'importlib']);
const importsLoader = (ctx: FrameworkContext, file: string, listing: boolean): boolean => asksImport(ctx, listing ? LISTING : LOADING, file);

/** The string values of a literal tuple/list (`('dashboard', 'panel')`), or null for anything else. */
const literalList = (expr: string): string[] | null => {
  const m = /^[([]\s*(.*?)\s*,?\s*[)\]]$/s.exec(expr.trim());
  if (m === null) return null;
  const values = m[1].split(',').map((s) => literalValue(s));
  return values.length > 0 && values.every((v): v is string => v !== null) ? values : null;
};

/**
 * The module names below the app that `expr` builds from the app expression `app` (`app` or
 * `config.name`) and a dot: `'%s.%s' % (app, name)`, `app + '.admin'`, `f'{app}.{name}'`,
 * `'{}.{}'.format(app, name)` (loader-templates' templateParts); `part` resolves a name in the
 * second place (`mod_name`) to literal values.
 */
const builtNames = (expr: string, app: string, part: (name: string) => string[]): string[] => {
  const parts = templateParts(expr, { concatenation: true })?.filter((p) => p !== '');
  if (parts === undefined || parts.length < 2) return [];
  const [head, ...rest] = parts;
  if (typeof head === 'string' || head.expr !== app) return [];
  if (rest.length === 1 && typeof rest[0] === 'string') {
    const m = /^\.([\w.]+)$/.exec(rest[0]);
    return m === null ? [] : [m[1]];
  }
  if (rest.length !== 2 || rest[0] !== '.' || typeof rest[1] === 'string') return [];
  const second = rest[1].expr;
  const literal = literalValue(second);
  if (literal !== null) return [literal];
  return /^\w+$/.test(second) ? part(second) : [];
};

/** Per-app modules the repo's code imports over the installed apps. */
export const appLoopModules = (ctx: FrameworkContext): AppModule[] => {
  const out: AppModule[] = [];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    // import_module / autodiscover_modules come from an import (a cheap test before reading the text); a bare __import__ loop is not read.
    if (!file.endsWith('.py') || !importsLoader(ctx, file, false)) continue;
    // A loop's import_module names a computed module: extraction lists those lines; autodiscover_modules is the other way in.
    const computed = ctx.facts(file)?.computedImportLines ?? [];
    const text = ctx.readText(file);
    if (text === null || text.length > MAX_TEXT) continue;
    const discovers = text.includes('autodiscover_modules');
    if (!discovers && computed.length === 0) continue;
    if (!discovers && !text.includes('INSTALLED_APPS') && !text.includes('get_app_configs')) continue;
    const starts = lineStarts(text);
    const lines = text.split('\n');
    if (discovers) {
      for (const call of text.matchAll(/\bautodiscover_modules\s*\(/g)) {
        const args = callArguments(text, call.index + call[0].length - 1);
        const line = lineOfOffset(starts, call.index);
        // Positional literals only: `register_to=site` is no module.
        for (const arg of args ?? []) {
          const name = literalValue(arg);
          if (name !== null && MODULE.test(name)) out.push({ name, file, line, how: `autodiscover_modules("${name}") in ${file}:${line} imports it from every installed app` });
        }
      }
    }
    if (computed.length === 0) continue;
    // Names bound to the installed apps (`apps = settings.INSTALLED_APPS`).
    const bound = new Set<string>();
    for (const l of lines) {
      const m = l.length > MAX_LINE ? null : ASSIGN.exec(l);
      if (m && INSTALLED.test(m[2])) bound.add(m[1]);
    }
    // One forward pass: the enclosing loops over literal lists (`for mod_name in ('dashboard', 'panel'):`) as a stack by indentation.
    const outerLoops: { indent: number; name: string; values: string[] }[] = [];
    let loops = 0;
    for (let i = 0; i < lines.length && loops < MAX_LOOPS; i++) {
      const trimmed = lines[i].trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const indent = indentOf(lines[i]);
      while (outerLoops.length > 0 && outerLoops[outerLoops.length - 1].indent >= indent) outerLoops.pop();
      const loop = lines[i].length > MAX_LINE ? null : FOR.exec(lines[i]);
      if (loop === null) continue;
      const iter = loop[3].trim();
      const app = INSTALLED.test(iter) || bound.has(iter) ? loop[2] : CONFIGS.test(iter) ? `${loop[2]}.name` : null;
      if (app === null) {
        const values = literalList(loop[3]);
        if (values !== null) outerLoops.push({ indent, name: loop[2], values });
        continue;
      }
      let end = i + 1;
      while (end < lines.length && (lines[end].trim() === '' || indentOf(lines[end]) > indent)) end++;
      // Only a loop whose body holds a computed import is read further (at most MAX_LOOPS per file).
      if (!computed.some((l) => l > i + 1 && l <= end)) continue;
      loops++;
      const outer = new Map(outerLoops.map((o) => [o.name, o.values]));
      // Names the body assigns (`name = '%s.%s' % (app, mod)`), by their expressions.
      const assigned = new Map<string, string>();
      for (let j = i + 1; j < end; j++) {
        const m = lines[j].length > MAX_LINE ? null : ASSIGN.exec(lines[j]);
        if (m && !m[2].startsWith('=')) assigned.set(m[1], m[2]);
      }
      const part = (name: string): string[] => outer.get(name) ?? literalList(assigned.get(name) ?? '') ?? (literalValue(assigned.get(name) ?? '') === null ? [] : [literalValue(assigned.get(name)!)!]);
      const bodyStart = starts[i + 1] ?? text.length;
      const bodyEnd = end < starts.length ? starts[end] : text.length;
      // Loaders inside the body only: the search stops at its end.
      for (const call of text.slice(bodyStart, bodyEnd).matchAll(LOADERS)) {
        const offset = bodyStart + call.index;
        const args = callArguments(text, offset + call[0].length - 1);
        if (args === null || args.length === 0) continue;
        const first = /^\w+$/.test(args[0]) && assigned.has(args[0]) ? assigned.get(args[0])! : args[0];
        const line = lineOfOffset(starts, offset);
        for (const name of builtNames(first, app, part)) {
          if (MODULE.test(name)) out.push({ name, file, line, how: `${file}:${line} imports it from every installed app (${first === args[0] ? '' : `${args[0]} = `}${first.replace(/\s+/g, ' ')} in the loop over ${iter} at :${i + 1})` });
        }
      }
    }
  }
  return out;
};

/** Settings fragments' apps: lists under a *INSTALLED_APPS name other than Django's own that the repo's code reads by name. */
export const fragmentApps = (ctx: FrameworkContext): FragmentApp[] => {
  const readers = new Map<string, { file: string; line: number }>();
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    // The reader loads the fragments itself (importlib, pkgutil): a file importing neither reads no fragment.
    if (!file.endsWith('.py') || !importsLoader(ctx, file, true)) continue;
    const text = ctx.readText(file);
    if (text === null || text.length > MAX_TEXT || !text.includes('INSTALLED_APPS')) continue;
    for (const m of text.matchAll(/(?:([\w.]*)\.get\s*\(|getattr\s*\(\s*[\w.]+\s*,|([\w.]*)\[)\s*(['"])(\w+INSTALLED_APPS)\3/g)) {
      // `os.environ.get('EXTRA_INSTALLED_APPS')` reads the environment, not a fragment.
      if (isEnviron(m[1] ?? m[2] ?? '')) continue;
      if (!readers.has(m[4])) readers.set(m[4], { file, line: lineOfOffset(lineStarts(text), m.index) });
    }
  }
  const out: FragmentApp[] = [];
  if (readers.size === 0) return out;
  const names = [...readers.keys()];
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    // Extraction lists the names a module defines at its top level: only a file defining a read name is read.
    const defined = file.endsWith('.py') ? ctx.facts(file)?.definitions : undefined;
    if (defined === undefined || !names.some((k) => defined.includes(k))) continue;
    const text = ctx.readText(file);
    if (text === null || text.length > MAX_TEXT) continue;
    // attribute-imports' reading: top-level literal lists of a fragment (no def or class) that is not switched off (`DISABLED = True`).
    for (const set of fragmentAssignments(text, names.filter((k) => defined.includes(k)))) {
      const reader = readers.get(set.attr)!;
      for (const value of set.names) {
        // The reader's own `config.get('ADD_INSTALLED_APPS', [])` is no fragment.
        if (value === set.attr || !MODULE.test(value)) continue;
        out.push({ value, file, line: set.line, setting: set.attr, reader: reader.file, readerLine: reader.line });
      }
    }
  }
  return out;
};
