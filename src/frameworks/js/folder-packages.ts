/**
 * Packages whose one call requires every file of a folder, so nothing imports those files by name:
 *
 * - require-directory: `requireDirectory(module, './routes', { recurse: false })` — the folder is
 *   relative to the calling module (its own folder when left out), recursive unless `recurse:
 *   false`, `.js` files (`extensions` widens it), never the calling file itself;
 * - require-all: `requireAll(__dirname + '/controllers')` or `requireAll({ dirname, filter,
 *   recursive })` — an absolute folder, recursive unless `recursive: false`, files matching
 *   `filter` (a regular expression on the file name; default `.js`/`.json`, not dot-files);
 * - require-dir: `requireDir('./models', { recurse: true })` — relative to the calling module,
 *   its top level unless `recurse: true`;
 * - redbean-node: `R.autoloadModels('./server/model')` — `glob.sync(dir + '/*.js')` from where the
 *   process runs (the package folder `npm start` runs in), `.d.ts` left out.
 *
 * The folder must be read statically: a string literal (placed by the package's rule) or an
 * anchored expression (`__dirname`, `path.join(__dirname, 'x')`, `__dirname + '/x'`, a const
 * holding one). Each code file the call would load is referenced from the calling file, with the
 * call's line; a folder computed at run time names nothing.
 */
import { lineAt } from '../../util/lines.js';
import { pathsInDir, pathsWithPrefix } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { folderOf } from '../../languages/javascript/folder-expr.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { fileReference, sortedFiles } from './support.js';
import { escapeRegExp } from '../../util/regexp.js';

const CODE = /\.[cm]?[jt]sx?$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const PACKAGES = ['require-directory', 'require-all', 'require-dir', 'redbean-node'] as const;
type FolderPackage = (typeof PACKAGES)[number];

interface Call {
  pkg: FolderPackage;
  /** The call's arguments, as written. */
  args: string[];
  index: number;
}

const LITERAL = /^\s*(["'`])([^"'`$\n]*)\1\s*$/;

/** The text between the parenthesis at `open` and its match, split at top-level commas; null when unbalanced. */
const argumentsAt = (text: string, open: number): string[] | null => {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  let quote: string | null = null;
  for (let i = open; i < text.length && i < open + 2000; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        const last = text.slice(start, i).trim();
        if (last !== '' || args.length > 0) args.push(last);
        return args;
      }
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return null;
};

/** The names the file binds to each package (`const requireDir = require('require-dir')`, `import requireAll from 'require-all'`, `{ R }`). */
const callsIn = (text: string, imported: ReadonlySet<string>): Call[] => {
  const calls: Call[] = [];
  for (const pkg of PACKAGES) {
    if (!imported.has(pkg)) continue;
    const spec = String.raw`["']${escapeRegExp(pkg)}["']`;
    const callees: string[] = [];
    if (pkg === 'redbean-node') callees.push(String.raw`\b[A-Za-z_$][\w$]*\s*\.\s*autoloadModels`);
    else {
      const bound = new RegExp(String.raw`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*${spec}\s*\)\s*[;\n]|\bimport\s+([A-Za-z_$][\w$]*)\s+from\s+${spec}`, 'g');
      for (const m of text.matchAll(bound)) callees.push(String.raw`\b${escapeRegExp(m[1] ?? m[2])}`);
      callees.push(String.raw`\brequire\(\s*${spec}\s*\)`);
    }
    for (const callee of callees) {
      for (const m of text.matchAll(new RegExp(String.raw`${callee}\s*\(`, 'g'))) {
        const open = m.index + m[0].length - 1;
        const args = argumentsAt(text, open);
        if (args) calls.push({ pkg, args, index: m.index });
      }
    }
  }
  return calls;
};

/** `dirname: EXPR` / `recurse: true` in an options object literal. */
const option = (arg: string | undefined, name: string): string | null => {
  if (!arg?.startsWith('{')) return null;
  const m = new RegExp(String.raw`\b${name}\s*:\s*([^,}]+)`).exec(arg);
  return m ? m[1].trim() : null;
};

/** The folder an expression names: a literal relative to `base`, or an anchored folder expression (`__dirname + '/x'` too). */
const folderNamed = (expr: string, file: string, text: string, base: string): string | null => {
  const literal = LITERAL.exec(expr);
  if (literal) return literal[2].startsWith('/') ? null : joinRepo(base, literal[2]);
  const concat = /^(.+?)\s*\+\s*(["'`])([^"'`$\n]*)\2$/.exec(expr.trim());
  if (concat) {
    const head = folderOf(concat[1], file, text);
    return head === null ? null : joinRepo(head, concat[3].replace(/^\//, ''));
  }
  return folderOf(expr, file, text);
};

/** Where a process started for `file` runs: its nearest package.json folder, else the repo root. */
const processFolder = (ctx: FrameworkContext, file: string): string => {
  const manifest = ctx.manifests.nearest(dirname(file), 'package.json');
  return manifest === null ? '' : dirname(manifest);
};

interface Selection {
  folder: string;
  recursive: boolean;
  accepts: (name: string) => boolean;
  /** How the evidence describes what is loaded. */
  what: string;
}

const jsOnly = (name: string): boolean => /\.[cm]?js$/.test(name);

const extensionsOf = (arg: string | undefined): string[] | null => {
  const list = option(arg, 'extensions');
  return list ? [...list.matchAll(/["'`]\.?(\w+)["'`]/g)].map((m) => m[1]) : null;
};

const selectionOf = (ctx: FrameworkContext, call: Call, file: string, text: string): Selection | null => {
  const here = dirname(file);
  const [first, second, third] = call.args;
  switch (call.pkg) {
    case 'require-directory': {
      const options = second?.startsWith('{') ? second : third;
      const folder = second === undefined || second.startsWith('{') ? here : folderNamed(second, file, text, here);
      const extensions = extensionsOf(options);
      return folder === null ? null : { folder, recursive: option(options, 'recurse') !== 'false', accepts: extensions ? (n) => extensions.some((e) => n.endsWith(`.${e}`)) : jsOnly, what: 'call loads every module of' };
    }
    case 'require-all': {
      const dirExpr = first?.startsWith('{') ? option(first, 'dirname') : first;
      const folder = dirExpr ? folderNamed(dirExpr, file, text, here) : null;
      const filter = option(first, 'filter');
      const regex = filter ? /^\/(.+)\/([a-z]*)$/.exec(filter) : null;
      let accepts = (n: string): boolean => !n.startsWith('.') && jsOnly(n);
      if (regex) {
        try {
          const re = new RegExp(regex[1], regex[2].replace(/[gy]/g, ''));
          accepts = (n) => re.test(n);
        } catch {
          return null;
        }
      } else if (filter) accepts = (n) => !n.startsWith('.') && jsOnly(n);
      return folder === null || first === undefined ? null : { folder, recursive: option(first, 'recursive') !== 'false', accepts, what: 'call loads every module of' };
    }
    case 'require-dir': {
      const folder = first === undefined ? here : folderNamed(first, file, text, here);
      return folder === null ? null : { folder, recursive: option(second, 'recurse') === 'true', accepts: jsOnly, what: 'call loads every module of' };
    }
    case 'redbean-node': {
      const folder = first === undefined ? null : folderNamed(first, file, text, LITERAL.test(first) ? processFolder(ctx, file) : here);
      return folder === null ? null : { folder, recursive: false, accepts: (n) => n.endsWith('.js'), what: 'R.autoloadModels call loads every model of' };
    }
  }
};

const loaded = (ctx: FrameworkContext, s: Selection, caller: string): string[] => {
  const candidates = s.recursive ? pathsWithPrefix(ctx.files, s.folder === '' ? '' : `${s.folder}/`) : pathsInDir(ctx.files, s.folder);
  return candidates.filter((f) => f !== caller && CODE.test(f) && !DECLARATION.test(f) && !f.includes('node_modules/') && s.accepts(basename(f)));
};

const collectFile = (ctx: FrameworkContext, file: string, imported: ReadonlySet<string>, out: FrameworkOutput): void => {
  const text = ctx.readText(file);
  if (text === null) return;
  for (const call of callsIn(text, imported)) {
    const selection = selectionOf(ctx, call, file, text);
    if (!selection) continue;
    const line = lineAt(text, call.index);
    for (const target of loaded(ctx, selection, file)) {
      out.references.push(fileReference(file, target, line, `${file}:${line}, whose ${call.pkg} ${selection.what} ${selection.folder === '' ? 'the repo root' : selection.folder}`));
    }
  }
};

const NONE: ReadonlySet<string> = new Set();

/** The folder packages a file imports, in import order; asked of every code file, so a file that imports none allocates nothing. */
const importedPackages = (ctx: FrameworkContext, file: string): ReadonlySet<string> => {
  let found: Set<string> | null = null;
  const imports = ctx.facts(file)?.imports;
  if (imports === undefined) return NONE;
  // By index: asked of every code file's imports once, in code that is not optimized, where a for-of loop makes an object per step.
  for (let i = 0; i < imports.length; i++) if ((PACKAGES as readonly string[]).includes(imports[i].specifier)) (found ??= new Set()).add(imports[i].specifier);
  return found ?? NONE;
};

const folderPackages: FrameworkReader = {
  id: 'folder-packages',
  title: 'Packages that require a whole folder (require-directory, require-all, require-dir, redbean-node autoloadModels)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const files = sortedFiles(ctx);
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      if (!CODE.test(f)) continue;
      const first = [...importedPackages(ctx, f)][0];
      if (first) return `${f} imports ${first}`;
    }
    return null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const files = sortedFiles(ctx);
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      if (!CODE.test(f) || f.includes('node_modules/')) continue;
      const imported = importedPackages(ctx, f);
      if (imported.size > 0) collectFile(ctx, f, imported, out);
    }
    return out;
  },
};

export default folderPackages;
