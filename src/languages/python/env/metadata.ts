/**
 * Pure parsers for the files an installed distribution leaves in site-packages: METADATA/PKG-INFO
 * headers, RECORD, top_level.txt, .pth lines, direct_url.json and setuptools' editable finders.
 * None of them touch the disk; site-packages.ts feeds them text.
 */
import { byString } from '../../../util/compare.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const isIdentifier = (s: string): boolean => IDENTIFIER.test(s);

/** Core metadata (RFC 822 style) headers up to the first blank line; the first value of each wins. */
export const parseMetadataHeaders = (text: string): Map<string, string> => {
  const out = new Map<string, string>();
  let lastKey: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (lastKey !== null && out.get(lastKey) !== undefined) out.set(lastKey, `${out.get(lastKey)}\n${line.trim()}`);
      continue;
    }
    const i = line.indexOf(':');
    if (i <= 0) {
      lastKey = null;
      continue;
    }
    const key = line.slice(0, i).trim().toLowerCase();
    lastKey = out.has(key) ? null : key;
    if (!out.has(key)) out.set(key, line.slice(i + 1).trim());
  }
  return out;
};

export interface CoreMetadata {
  name: string;
  version: string;
}

/** Name and Version from METADATA/PKG-INFO, or null when there is no usable Name. */
export const readCoreMetadata = (text: string): CoreMetadata | null => {
  const headers = parseMetadataHeaders(text);
  const name = headers.get('name') ?? '';
  if (!/^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(name)) return null;
  return { name, version: headers.get('version') ?? '' };
};

/** The path column of each RECORD row (CSV; a path with a comma is quoted). */
export const recordPaths = (text: string): string[] => {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('"')) {
      const end = line.indexOf('"', 1);
      if (end > 0) out.push(line.slice(1, end));
      continue;
    }
    const comma = line.indexOf(',');
    out.push(comma < 0 ? line : line.slice(0, comma));
  }
  return out;
};

/** `foo.py`, `foo.cpython-311-x86_64-linux-gnu.so`, `foo.abi3.so`, `foo.pyd` → `foo`; anything else → null. */
export const moduleNameOfFile = (fileName: string): string | null => {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.[A-Za-z0-9_-]+)?\.(py|pyc|so|pyd)$/.exec(fileName);
  if (!m) return null;
  if (m[2] === 'py' && fileName !== `${m[1]}.py`) return null;
  return m[1];
};

/** How deep namespace packages are followed: `a.b.c.d` at most. */
const MAX_NAME_DEPTH = 4;

const SKIPPED_ROOT_FILE = /^(__editable__|_virtualenv|distutils-precedence)/;

export interface ImportNamesFromPaths {
  /** Top-level import names, plus dotted names below namespace packages (`google.protobuf`). */
  names: string[];
  /** Names above that are namespace packages (folders without __init__.py). */
  namespaces: string[];
  /** Files at the site-packages root that are not modules: .pth files, editable finders. */
  rootFiles: string[];
}

/**
 * Import names provided by a list of installed paths relative to site-packages (RECORD rows,
 * installed-files.txt). A folder without `__init__.py` is a namespace package: its children are
 * named too, down to the first regular package, so `protobuf` gives `google` and `google.protobuf`.
 */
export const importNamesFromPaths = (paths: string[]): ImportNamesFromPaths => {
  const rootFiles: string[] = [];
  const rootModules = new Set<string>();
  const tops = new Set<string>();
  const regularTops = new Set<string>();
  const normalized: string[] = [];
  // Pass 1, cheap: top-level folders and whether they are regular packages. Most are.
  for (const raw of paths) {
    let p = raw.includes('\\') ? raw.replace(/\\/g, '/') : raw;
    if (p.startsWith('./')) p = p.slice(2);
    const slash = p.indexOf('/');
    if (slash < 0) {
      const mod = moduleNameOfFile(p);
      if (mod && !SKIPPED_ROOT_FILE.test(p)) rootModules.add(mod);
      else if (p !== '') rootFiles.push(p);
      continue;
    }
    const top = p.slice(0, slash);
    if (!tops.has(top)) tops.add(top);
    if (p.startsWith('__init__.', slash + 1) && p.indexOf('/', slash + 1) < 0) regularTops.add(top);
    normalized.push(p);
  }
  const names = new Set<string>(rootModules);
  const nsTops = new Set<string>();
  for (const top of tops) {
    if (!isIdentifier(top) || top === '__pycache__') continue;
    names.add(top);
    if (!regularTops.has(top)) nsTops.add(top);
  }
  const namespaces = new Set<string>();
  if (nsTops.size > 0) expandNamespaces(normalized.filter((p) => nsTops.has(p.slice(0, p.indexOf('/')))), nsTops, names, namespaces);
  return { names: [...names].sort(byString), namespaces: [...namespaces].sort(byString), rootFiles: rootFiles.sort(byString) };
};

/** Pass 2, only below namespace tops: name their children down to the first regular package. */
const expandNamespaces = (paths: string[], nsTops: Set<string>, names: Set<string>, namespaces: Set<string>): void => {
  const dirs = new Set<string>();
  const inits = new Set<string>();
  const modules = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    const file = parts[parts.length - 1];
    const folders = parts.slice(0, -1);
    // Only the first levels can be names (see MAX_NAME_DEPTH); deeper files just prove their folders exist.
    const shallow = folders.slice(0, MAX_NAME_DEPTH);
    if (!shallow.every(isIdentifier) || shallow.includes('__pycache__')) continue;
    let prefix = '';
    for (const f of shallow) {
      prefix = prefix === '' ? f : `${prefix}.${f}`;
      dirs.add(prefix);
    }
    if (folders.length > MAX_NAME_DEPTH || folders.includes('__pycache__')) continue;
    if (/^__init__\.(py|pyc|pyi|.*\.so|pyd)$/.test(file)) inits.add(folders.join('.'));
    else {
      const mod = moduleNameOfFile(file);
      if (mod) modules.add(`${folders.join('.')}.${mod}`);
    }
  }
  const children = new Map<string, string[]>();
  for (const child of [...dirs, ...modules]) {
    const dot = child.lastIndexOf('.');
    if (dot < 0) continue;
    const parent = child.slice(0, dot);
    const list = children.get(parent);
    if (list) list.push(child);
    else children.set(parent, [child]);
  }
  const visit = (name: string, depth: number): void => {
    names.add(name);
    if (!dirs.has(name) || inits.has(name) || depth >= MAX_NAME_DEPTH) return;
    namespaces.add(name);
    for (const child of children.get(name) ?? []) visit(child, depth + 1);
  };
  for (const top of nsTops) visit(top, 1);
};

/** top_level.txt: one name a line (some tools write `pkg/sub`). */
export const parseTopLevelTxt = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/\//g, '.'))
    .filter((l) => l !== '' && l.split('.').every(isIdentifier));

export interface PthLines {
  /** Path lines, as written (relative to the site folder unless absolute). */
  paths: string[];
  /** `import ...` lines: code that site.py would run. census never runs it. */
  importLines: string[];
}

export const parsePth = (text: string): PthLines => {
  const paths: string[] = [];
  const importLines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (/^import[ \t]/.test(line)) importLines.push(line);
    else paths.push(line);
  }
  return { paths, importLines };
};

/** setuptools' `__editable___x_finder.py` holds `MAPPING = {'pkg': '/abs/src/pkg', ...}`: read it, never run it. */
export const parseEditableFinderMapping = (text: string): Map<string, string> => {
  const out = new Map<string, string>();
  const m = /^MAPPING\s*(?::[^=]*)?=\s*\{([^}]*)\}/m.exec(text);
  if (!m) return out;
  const pair = /(['"])((?:\\.|(?!\1).)*)\1\s*:\s*(['"])((?:\\.|(?!\3).)*)\3/g;
  for (const p of m[1].matchAll(pair)) out.set(p[2], p[4].replace(/\\\\/g, '\\'));
  return out;
};

/** direct_url.json of an editable install: `{"url": "file:///...", "dir_info": {"editable": true}}`. */
export const editableUrlPath = (text: string): string | null => {
  try {
    const data = JSON.parse(text) as { url?: unknown; dir_info?: { editable?: unknown } };
    if (data.dir_info?.editable !== true || typeof data.url !== 'string' || !data.url.startsWith('file://')) return null;
    const path = decodeURIComponent(data.url.slice('file://'.length));
    return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
  } catch {
    return null;
  }
};
