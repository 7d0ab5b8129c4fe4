/**
 * Dotted code paths in config files a package ships and reads itself: lazr/INI-style `.cfg`,
 * `.ini`, `.conf` (mailman's `class: mailman.runners.lmtp.LMTPRunner`, loaded by `find_name`) and
 * ZCML (`<utility factory="mailman.model.bans.BanManager"/>`, loaded by zope's `xmlconfig`). The
 * code a config names is loaded by whatever reads the config, so the edge goes from the module
 * that reads it, where census can see the read: `read_text('mailman.config', 'configure.zcml')`,
 * `path(…)`/`files(…)`/`resource_filename(…)` with a literal package and file name, a path built
 * from `__file__` (`os.path.join(os.path.dirname(__file__), 'x.cfg')`), or zope's
 * `xmlconfig.file('configure.zcml', package)`. A ZCML file also reads what it `<include>`s.
 *
 * A config no module is seen reading gives no edge: it may be a sample an admin copies. Commented
 * lines (`#class: …`) load nothing. Only config files inside a package folder (not docs or examples)
 * count, and only values that name a repo module by a dotted path (`pkg.mod` or `pkg.mod.Attr`).
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths, pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { warning } from '../../util/diagnostics.js';
import { pathVariables } from '../../languages/python/sys-path.js';
import { blankComments, boundModule, fileAnchoredPath, MAX_FILE_PATHS_TRIED, MAX_PATH_LINE, packageDir, resourceReads, spannedPathLine } from './package-paths.js';
import { topPackageFolder } from './python-files.js';

const CONFIG = /\.(?:cfg|ini|conf|zcml)$/;
/** Folders whose configs are documentation or samples, not what the package reads. */
const DOC_FOLDER = /(?:^|\/)(?:docs?|examples?|samples?)\//;
const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/;
const RELATIVE_DOTTED = /^\.+[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

export interface ConfigValue {
  value: string;
  line: number;
  /** How the config names it, for the label: `class: …` or `factory="…"`. */
  as: string;
}

/**
 * The values of an INI/lazr config that are dotted names (`class: pkg.mod.Class`,
 * `handlers = a.b, c.d`), from `key: value` / `key = value` lines and their indented
 * continuations; comment lines and trailing `#`/`;` comments are skipped.
 */
export const iniDottedValues = (text: string): ConfigValue[] => {
  const out: ConfigValue[] = [];
  const lines = text.split('\n');
  let key = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';') || trimmed.startsWith('[')) {
      if (trimmed.startsWith('[')) key = '';
      continue;
    }
    let value: string;
    const pair = /^([^\s:=][^:=]*?)\s*[:=]\s*(.*)$/.exec(line);
    if (pair && !/^\s/.test(line)) {
      key = pair[1];
      value = pair[2];
    } else if (/^\s/.test(line) && key !== '') value = trimmed;
    else continue;
    for (const item of value.replace(/\s[#;].*$/, '').split(/[\s,]+/)) {
      if (DOTTED.test(item)) out.push({ value: item, line: i + 1, as: `${key}: ${item}` });
    }
  }
  return out;
};

/** ZCML attributes that name code (zope.component's directives). */
const CODE_ATTRIBUTES = new Set(['factory', 'component', 'class', 'handler', 'provides', 'for', 'interface', 'type', 'layer', 'view', 'permission_class']);

export interface Zcml {
  values: ConfigValue[];
  /** `<include package="x" file="y.zcml"/>` (file defaults to configure.zcml) and `<include file="y.zcml"/>`. */
  includes: { package: string | null; file: string; line: number }[];
  /** Where the markup could not be read (an unclosed comment or tag), with the line. */
  problem: { line: number; message: string } | null;
}

const TAG = /<([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/y;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A focused ZCML reader: element names and their attributes, with lines; comments, processing
 * instructions, CDATA and closing tags are stepped over. Not a validating XML parser: what it
 * cannot read stops it, with the line, and what it read before stands.
 */
export const readZcml = (text: string): Zcml => {
  const out: Zcml = { values: [], includes: [], problem: null };
  let at = 0;
  while (true) {
    const lt = text.indexOf('<', at);
    if (lt === -1) return out;
    const skip = (open: string, close: string): boolean => {
      if (!text.startsWith(open, lt)) return false;
      const end = text.indexOf(close, lt + open.length);
      if (end === -1) {
        out.problem = { line: lineAt(text, lt), message: `an unclosed ${open}` };
        at = text.length;
      } else at = end + close.length;
      return true;
    };
    if (skip('<!--', '-->') || skip('<![CDATA[', ']]>') || skip('<?', '?>') || skip('<!', '>')) {
      if (out.problem !== null) return out;
      continue;
    }
    if (text.startsWith('</', lt)) {
      const end = text.indexOf('>', lt);
      if (end === -1) {
        out.problem = { line: lineAt(text, lt), message: 'an unclosed end tag' };
        return out;
      }
      at = end + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(text);
    if (tag === null) {
      out.problem = { line: lineAt(text, lt), message: 'a tag that is not name="value" attributes' };
      return out;
    }
    at = TAG.lastIndex;
    const name = tag[1].replace(/^.*:/, '');
    const attributes = new Map<string, { value: string; index: number }>();
    for (const a of tag[2].matchAll(ATTRIBUTE)) attributes.set(a[1], { value: a[2] ?? a[3], index: lt + tag[0].indexOf(tag[2]) + a.index! });
    if (name === 'include' || name === 'includeOverrides') {
      const pkg = attributes.get('package')?.value ?? null;
      const file = attributes.get('file')?.value ?? 'configure.zcml';
      out.includes.push({ package: pkg, file, line: lineAt(text, lt) });
      continue;
    }
    for (const [attr, { value, index }] of attributes) {
      if (!CODE_ATTRIBUTES.has(attr)) continue;
      // `for="a.IX b.IY"` adapts several interfaces.
      for (const item of value.trim().split(/\s+/)) {
        if (DOTTED.test(item) || RELATIVE_DOTTED.test(item)) out.values.push({ value: item, line: lineAt(text, index), as: `${attr}="${item}"` });
      }
    }
  }
};

/** A config file found read by a module: the module, where, and how. */
interface Read {
  config: string;
  reader: string;
  line: number;
  how: string;
  /** The package named as the anchor of an importlib.resources/pkg_resources call, which the call imports. */
  anchor?: string;
}

/** Imports of the APIs the reads below use: the resource APIs (package-paths), zope.configuration. */
const READ_APIS = /^(?:importlib(?:\.resources)?|importlib_resources|pkg_resources|pkgutil|zope\.configuration(?:\.xmlconfig)?)$/;
const XMLCONFIG_FILE = /\b(?:xmlconfig\.file|load_config)\s*\(\s*(['"])([^'"\n]+\.zcml)\1\s*,\s*(?:package\s*=\s*)?([A-Za-z_][\w.]*)\s*[,)]/g;

/** The configs of `configs` (by path) that a Python file reads by one of the forms above. */
const readsIn = (ctx: FrameworkContext, path: string, text: string, configs: ReadonlySet<string>, names: ReadonlySet<string>): Read[] => {
  const out: Read[] = [];
  const add = (config: string | null, index: number, how: string, anchor?: string) => {
    if (config !== null && configs.has(config) && !out.some((r) => r.config === config)) out.push({ config, reader: path, line: lineAt(text, index), how, ...(anchor === undefined ? {} : { anchor }) });
  };
  for (const r of resourceReads(ctx, path, text, (name) => names.has(basename(name)))) add(r.target, r.index, r.how, r.anchor);
  if (text.includes('.zcml')) {
    for (const m of text.matchAll(XMLCONFIG_FILE)) {
      if (!names.has(basename(m[2]))) continue;
      const dir = packageDir(ctx, boundModule(m[3], ctx.facts(path)?.imports ?? []));
      if (dir !== null) add(joinRepo(dir, m[2]), m.index!, m[0].replace(/\s*[,)]$/, ')'));
    }
  }
  if (text.includes('__file__')) {
    // A path built from __file__ on the line that names the config: tried from each place an
    // expression may start on that line to the end of the literal and the brackets that close after it.
    let vars: Map<string, string> | null = null;
    for (const name of names) {
      for (const quote of ["'", '"']) {
        const literal = `${quote}${name}${quote}`;
        let tried = 0;
        // A few places per name: each costs up to the square of its line's length, and a hostile file could repeat one thousands of times.
        for (let i = text.indexOf(literal); i !== -1 && tried < MAX_FILE_PATHS_TRIED; i = text.indexOf(literal, i + 1)) {
          tried++;
          const lineStart = text.lastIndexOf('\n', i) + 1;
          const lineEnd = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
          // Comments blanked: a literal in one (commented-out code) names nothing.
          const line = blankComments(text.slice(lineStart, lineEnd));
          vars ??= pathVariables(text, path);
          const accept = (p: string): boolean => configs.has(p);
          const own = line.length > MAX_PATH_LINE ? null : fileAnchoredPath(line, i - lineStart, i - lineStart + literal.length, path, vars, accept);
          // A call split over lines: read from the line that opens its brackets.
          const spanned = own === null ? spannedPathLine(text, i, literal.length) : null;
          add(own ?? (spanned === null ? null : fileAnchoredPath(spanned.line, spanned.at, spanned.at + literal.length, path, vars, accept)), i, `a path built from __file__`);
        }
      }
    }
  }
  return out;
};

/** A dotted value's module in the repo (`pkg.mod` or `pkg.mod` of `pkg.mod.Attr`), looked up as resolveNamed will from the reader; null when none. */
const repoModule = (ctx: FrameworkContext, value: string, reader: string): string | null => {
  const parts = value.split('.');
  for (let peel = 0; peel <= 1 && parts.length - peel >= 2; peel++) {
    const name = parts.slice(0, parts.length - peel).join('.');
    if (ctx.module(name, dirname(reader)).length > 0 || ctx.module(name).length > 0) return name;
  }
  return null;
};

/**
 * A ZCML value relative to its package (`.views.Page`): the repo file it names, then the
 * __init__.py of each package on the way down from that folder (Python runs them first); empty
 * when it names no file.
 */
const relativeFiles = (ctx: FrameworkContext, value: string, zcml: string): string[] => {
  const dots = /^\.+/.exec(value)![0].length;
  let dir = dirname(zcml);
  for (let i = 1; i < dots; i++) dir = dirname(dir);
  const parts = value.slice(dots).split('.');
  for (let peel = 0; peel <= 1 && parts.length - peel >= 1; peel++) {
    const kept = parts.slice(0, parts.length - peel);
    const base = joinRepo(dir, kept.join('/'));
    if (base === null) continue;
    const file = [`${base}.py`, `${base}/__init__.py`].find((f) => ctx.files.has(f));
    if (file === undefined) continue;
    const inits: string[] = [];
    for (let k = 1; k < kept.length; k++) {
      const init = joinRepo(dir, kept.slice(0, k).join('/'), '__init__.py');
      if (init !== null && ctx.files.has(init)) inits.push(init);
    }
    return [file, ...inits];
  }
  return [];
};

/** A config's dotted values and the configs it includes (ZCML), with the include's line. */
interface ConfigRead {
  values: ConfigValue[];
  includes: { file: string; line: number }[];
}

export const collectPackageConfigs = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  // Each config is parsed once per scan (collect runs once per scan), however many modules read it
  // or ZCML files include it, and a ZCML file census cannot read past is reported once.
  const parsed = new Map<string, ConfigRead | null>();
  const configRead = (config: string): ConfigRead | null => {
    if (parsed.has(config)) return parsed.get(config)!;
    const text = ctx.readText(config);
    let result: ConfigRead | null = null;
    if (text !== null && config.endsWith('.zcml')) {
      const zcml = readZcml(text);
      if (zcml.problem !== null) out.diagnostics.push(warning('python/zcml-unreadable', `ZCML not read past ${zcml.problem.message}`, config, zcml.problem.line));
      const includes: ConfigRead['includes'] = [];
      for (const inc of zcml.includes) {
        const dir = inc.package === null ? dirname(config) : packageDir(ctx, inc.package);
        const file = dir === null ? null : joinRepo(dir, inc.file);
        if (file !== null && ctx.files.has(file)) includes.push({ file, line: inc.line });
      }
      result = { values: zcml.values, includes };
    } else if (text !== null) result = { values: iniDottedValues(text), includes: [] };
    parsed.set(config, result);
    return result;
  };
  // Configs inside a package folder, by top package; their file names, for a cheap first test of a module's text.
  const byPackage = new Map<string, Set<string>>();
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const f = listed[at];
    if (!CONFIG.test(f) || DOC_FOLDER.test(f) || !ctx.files.has(joinRepo(dirname(f), '__init__.py') ?? '')) continue;
    const top = topPackageFolder(ctx.files, f);
    if (top === null) continue;
    (byPackage.get(top) ?? byPackage.set(top, new Set()).get(top)!).add(f);
  }
  const reads: Read[] = [];
  for (const [top, configs] of [...byPackage].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const names = new Set([...configs].map((c) => basename(c)));
    // Where a read can be: a module that imports a resources API or zope's configuration, or (a
    // `__file__` path) one in a config's own folder or the folder above it.
    const near = new Set<string>();
    for (const c of configs) near.add(dirname(c)).add(dirname(dirname(c)));
    for (const path of pathsWithPrefix(ctx.files, `${top}/`)) {
      if (!path.endsWith('.py')) continue;
      if (!near.has(dirname(path)) && !(ctx.facts(path)?.imports ?? []).some((i) => READ_APIS.test(i.specifier))) continue;
      const text = ctx.readText(path);
      if (text === null || ![...names].some((n) => text.includes(n))) continue;
      reads.push(...readsIn(ctx, path, text, configs, names));
    }
  }
  for (const read of reads) {
    if (read.anchor !== undefined) out.references.push({ from: read.reader, target: read.anchor, targetKind: 'module', line: read.line, label: `the package ${read.anchor}, imported by ${read.how} in ${read.reader}:${read.line} to read ${read.config}` });
    // A ZCML file reads its includes in turn: the closure, each with the chain that reached it.
    const queue: { config: string; via: string }[] = [{ config: read.config, via: '' }];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const { config, via } = queue.shift()!;
      if (seen.has(config)) continue;
      seen.add(config);
      const parsedConfig = configRead(config);
      if (parsedConfig === null) continue;
      const readBy = `read by ${read.reader}:${read.line} (${read.how})${via}`;
      for (const inc of parsedConfig.includes) queue.push({ config: inc.file, via: `${via}, included by ${config}:${inc.line}` });
      for (const v of parsedConfig.values) {
        const label = `named in ${config}:${v.line} as ${v.as}, ${readBy}`;
        if (v.value.startsWith('.')) {
          for (const file of relativeFiles(ctx, v.value, config)) out.references.push({ from: read.reader, target: file, targetKind: 'file', line: read.line, label });
          continue;
        }
        const module = repoModule(ctx, v.value, read.reader);
        if (module !== null) out.references.push({ from: read.reader, target: module, targetKind: 'module', line: read.line, label });
        else {
          // A plugin folder beside the config, which its loader puts on sys.path (mailman's `class: example.rest.ExamplePlugin` in plugins/testing/rest.cfg).
          for (const file of relativeFiles(ctx, `.${v.value}`, config)) out.references.push({ from: read.reader, target: file, targetKind: 'file', line: read.line, label: `${label}; found beside the config` });
        }
      }
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'package-configs',
  title: 'dotted code paths in package config files (lazr/INI .cfg, ZCML)',
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const f = listed[at];
      if (CONFIG.test(f) && !DOC_FOLDER.test(f) && ctx.files.has(joinRepo(dirname(f), '__init__.py') ?? '')) return `${f} is a config file inside a package`;
    }
    return null;
  },
  collect: collectPackageConfigs,
};

export default reader;
