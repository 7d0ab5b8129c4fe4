/**
 * The repo folder a JS expression names, read from the text without running it: `__dirname`,
 * `import.meta.dirname`, `path.join(__dirname, 'a', 'b')` / `path.resolve(…)`, a package's own
 * folder `path.dirname(require.resolve('pkg'))` (a workspace package of the scan), a setting the
 * scope can settle (an nconf `config.get('paths').x` its JSON files give: nconf-config.ts), a join
 * onto one of those (`obj.path.join` too: the path module held on an object), the module's folder
 * and a literal path concatenated (`__dirname + '/../public'`), a call of a one-parameter local
 * helper with a literal argument (read through its body), or a name whose
 * `const`/`let`/`var` holds one. Anything else is null: a folder
 * computed at run time is never guessed. Shared by the readers that follow a folder a module names
 * (folder loaders, static file servers).
 */
import { joinRepo, dirname, posix } from '../../util/path.js';
import { IDENTIFIER as NAME } from './js-text.js';
import { escapeRegExp } from '../../util/regexp.js';

/** A string literal: quotes or a substitution-free template (a pattern's source, to build others with). */
export const LITERAL = String.raw`(?:"[^"\n]*"|'[^'\n]*'|\`[^\`$\n]*\`)`;
const MAX_DEPTH = 3;

const literal = (s: string): string => s.replace(/^["'`]|["'`]$/g, '');

const OWN_FOLDER_PLUS = new RegExp(String.raw`^(?:__dirname|import\.meta\.dirname)\s*\+\s*(${LITERAL})$`);

/**
 * The module's own file: `__filename`, `module.filename`, `import.meta.filename`,
 * `fileURLToPath(import.meta.url)`, or `fs.realpathSync(…)` of one (the file a link in
 * node_modules/.bin resolves to: homebridge's bin runs `path.dirname(fs.realpathSync(__filename))`).
 */
const OWN_FILE_NAME = String.raw`(?:__filename|module\.filename|import\.meta\.filename|(?:url\s*\.\s*)?fileURLToPath\(\s*import\.meta\.url\s*\))`;
const OWN_FILE = String.raw`(?:(?:fs\s*\.\s*)?realpathSync(?:\s*\.\s*native)?\(\s*${OWN_FILE_NAME}\s*\)|${OWN_FILE_NAME})`;
const OWN_FILE_ONLY = new RegExp(`^${OWN_FILE}$`);
/** `path.dirname(<own file>)`: the module's folder. */
const OWN_FILE_FOLDER = new RegExp(String.raw`^(?:path\s*\.\s*)?dirname\(\s*${OWN_FILE}\s*\)$`);

/** A join onto the module's own file whose first part is `..` (`path.resolve(fileURLToPath(import.meta.url), '..')`): the parts below its folder, else null. */
const ownFileJoin = (base: string, parts: string[]): string[] | null => (parts[0] === '..' && OWN_FILE_ONLY.test(base.trim()) ? parts.slice(1) : null);

/** What a folder expression may refer to: the workspace packages by name. */
export interface FolderScope {
  /** Repo folder of a workspace package, by its package.json name. */
  packageDir(name: string): string | null;
  /** The folder a config setting expression names in `file`, and where its value came from. */
  setting?(expr: string, file: string, text: string): { folder: string; why: string } | null;
}

/** A folder and, when a setting gave it, where that value came from (for the evidence). */
export interface ExplainedFolder {
  folder: string;
  why: string[];
}

/** The base of a join: `__dirname`, `path.dirname(require.resolve('pkg'))`, or a name holding a folder. */
const baseOf = (base: string, file: string, text: string, scope: FolderScope | null, depth: number, why: string[]): string | null => {
  const b = base.trim();
  if (b === '__dirname' || b === 'import.meta.dirname' || OWN_FILE_FOLDER.test(b)) return dirname(file);
  // `__dirname + '/../../public'`: the module's folder and a literal path after it
  const concatenated = OWN_FOLDER_PLUS.exec(b);
  if (concatenated) {
    const rest = literal(concatenated[1]);
    return rest.startsWith('/') ? joinRepo(dirname(file), rest.slice(1)) : null;
  }
  const setting = scope?.setting?.(b, file, text) ?? null;
  if (setting !== null) {
    why.push(setting.why);
    return setting.folder;
  }
  const resolved = new RegExp(String.raw`^(?:path\s*\.\s*)?dirname\(\s*require\.resolve\(\s*(${LITERAL})\s*\)\s*\)$`).exec(b);
  if (resolved) {
    const spec = literal(resolved[1]);
    const pkg = spec.replace(/\/package\.json$/, '');
    return /^(?:@[^/]+\/)?[^/@.][^/]*$/.test(pkg) ? (scope?.packageDir(pkg) ?? null) : null;
  }
  if (depth >= MAX_DEPTH) return null;
  const helper = HELPER_CALL.exec(b);
  if (helper) {
    const inlined = inlinedHelper(helper[1], literal(helper[2]), text);
    return inlined === null ? null : folderIn(inlined, file, text, scope, depth + 1, why);
  }
  if (!NAME.test(b)) return null;
  const decl = new RegExp(String.raw`\b(?:const|let|var)\s+${escapeRegExp(b)}\s*=\s*([^\n;]+)`).exec(text)?.[1];
  return decl ? folderIn(decl, file, text, scope, depth + 1, why) : null;
};

/** A call of a local helper with one literal argument: `getPkgPath('strapi-admin')`. */
const HELPER_CALL = new RegExp(String.raw`^([A-Za-z_$][\w$]*)\(\s*(${LITERAL})\s*\)$`);

/**
 * The expression a one-parameter helper of the file returns, its parameter replaced by the call's
 * literal: `const getPkgPath = name => path.dirname(require.resolve(`${name}/package.json`))` called
 * as `getPkgPath('strapi-admin')` reads as `path.dirname(require.resolve(`strapi-admin/package.json`))`.
 * Only an arrow with an expression body or a function whose body is one `return`; null otherwise.
 */
const inlinedHelper = (name: string, value: string, text: string): string | null => {
  if (/[`'"\\$\n]/.test(value)) return null;
  const n = escapeRegExp(name);
  const arrow = new RegExp(String.raw`\b(?:const|let|var)\s+${n}\s*=\s*(?:\(\s*([A-Za-z_$][\w$]*)\s*\)|([A-Za-z_$][\w$]*))\s*=>\s*([^\n;{][^\n;]*)`).exec(text);
  const fn = arrow ? null : new RegExp(String.raw`\bfunction\s+${n}\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\{\s*return\s+([^\n;]+);?\s*\}`).exec(text);
  const param = arrow ? (arrow[1] ?? arrow[2]) : fn?.[1];
  const body = arrow ? arrow[3] : fn?.[2];
  if (param === undefined || body === undefined) return null;
  const p = escapeRegExp(param);
  return body
    .trim()
    .replace(/,$/, '')
    .replace(new RegExp(String.raw`\$\{\s*${p}\s*\}`, 'g'), value)
    .replace(new RegExp(String.raw`(?<![\w$.'"\`])${p}(?![\w$'"\`])`, 'g'), `'${value}'`);
};

/** The path module held on an object (`obj.path.join(…)`, MeshCentral's habit): read as `path.join(…)`. */
const HELD_PATH_MODULE = /^(?:[A-Za-z_$][\w$]*\s*\.\s*)+(?=path\s*\.\s*(?:join|resolve)\()/;

/** `path.join(base, 'a', 'b')` / `path.resolve(…)`: the base and the literal parts. */
const JOIN_CALL = new RegExp(String.raw`^(?:path\s*\.\s*)?(?:join|resolve)\(\s*([^,()]+(?:\([^()]*(?:\([^()]*\))?[^()]*\))?(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*((?:,\s*${LITERAL}\s*)*)\)$`);

const folderIn = (expr: string, file: string, text: string, scope: FolderScope | null, depth: number, why: string[]): string | null => {
  const e = expr.trim().replace(HELD_PATH_MODULE, '');
  const call = JOIN_CALL.exec(e);
  if (call) {
    const parts = [...call[2].matchAll(new RegExp(LITERAL, 'g'))].map((m) => literal(m[0]));
    const below = ownFileJoin(call[1], parts);
    if (below !== null) return joinRepo(dirname(file), ...below);
    const base = baseOf(call[1], file, text, scope, depth, why);
    if (base === null) return null;
    return joinRepo(base, ...parts);
  }
  return baseOf(e, file, text, scope, depth, why);
};

/**
 * `${base}/a/b` (a template literal that opens with its one substitution) as `path.join(base, 'a/b')`,
 * the same folder spelled as a join, which the readers read; anything else as it is. testem serves
 * `${__dirname}/../../public/testem`, webpack-bundle-analyzer `${projectRoot}/public`.
 */
export const templateAsJoin = (expr: string): string => {
  const m = /^`\$\{\s*([^{}`]+?)\s*\}(\/[^`$'\\]*)?`$/.exec(expr.trim());
  return m ? `path.join(${m[1]}, '${(m[2] ?? '').replace(/^\/+/, '')}')` : expr;
};

/** The repo folder `expr` names in `file` (whose text is `text`), with the settings it went through, or null. */
export const explainedFolderOf = (expr: string, file: string, text: string, scope: FolderScope | null = null): ExplainedFolder | null => {
  const why: string[] = [];
  const folder = folderIn(expr, file, text, scope, 0, why);
  return folder === null ? null : { folder, why };
};

/** A region of the text (a function's body: function-region.ts) in which a local's assignments are looked for. */
export interface TextRegion {
  start: number;
  end: number;
}

/** The values assigned to `name` in the region: `name = value` and `var name = value`, in order. */
export const assignmentsIn = (name: string, text: string, region: TextRegion): { value: string; index: number }[] => {
  const assignment = new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*=(?![=>])\s*([^\n;]+)`, 'g');
  return [...text.slice(region.start, region.end).matchAll(assignment)].map((m) => ({ value: m[1].trim(), index: region.start + (m.index ?? 0) }));
};

const candidatesIn = (expr: string, file: string, text: string, scope: FolderScope | null, region: TextRegion, depth: number): string[] => {
  const e = expr.trim().replace(HELD_PATH_MODULE, '');
  const call = JOIN_CALL.exec(e);
  const base = call ? call[1].trim() : e;
  if (call) {
    const below = ownFileJoin(base, [...call[2].matchAll(new RegExp(LITERAL, 'g'))].map((m) => literal(m[0])));
    if (below !== null) {
      const own = joinRepo(dirname(file), ...below);
      return own === null ? [] : [own];
    }
  }
  let bases: string[];
  const assigned = depth < MAX_DEPTH && NAME.test(base) && base !== '__dirname' ? assignmentsIn(base, text, region) : [];
  if (assigned.length > 0) bases = assigned.flatMap((a) => candidatesIn(a.value, file, text, scope, region, depth + 1));
  else {
    const one = baseOf(base, file, text, scope, depth, []);
    bases = one === null ? [] : [one];
  }
  const parts = call ? [...call[2].matchAll(new RegExp(LITERAL, 'g'))].map((m) => literal(m[0])) : [];
  const out = bases.map((b) => joinRepo(b, ...parts)).filter((f): f is string => f !== null);
  return [...new Set(out)];
};

/**
 * Every repo folder `expr` may name when a local it goes through is assigned more than once in
 * the region (`dir = path.join(root, 'min'); … dir = path.join(root, 'full')`, `root` itself set
 * from a setting or from `__dirname`): each assignment census can read is a candidate, the others
 * are left out (as conditional alias branches are). A name with no assignment in the region is
 * read as folderOf reads it. Bounded to the region: no flow between functions or files.
 */
export const folderCandidatesOf = (expr: string, file: string, text: string, region: TextRegion, scope: FolderScope | null = null): string[] =>
  candidatesIn(expr, file, text, scope, region, 0);

/** The repo folder `expr` names in `file` (whose text is `text`), or null. */
export const folderOf = (expr: string, file: string, text: string, scope: FolderScope | null = null): string | null => explainedFolderOf(expr, file, text, scope)?.folder ?? null;

/** The top-level comma-separated parts of a call's argument text (commas inside brackets or quotes stay). */
export const splitArgs = (s: string): string[] => {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote && s[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = s.slice(start).trim();
  if (last !== '') out.push(last);
  return out;
};

/** A join part: a literal, a name whose `const` holds a literal, else one folder name census cannot know: `*`. */
const partOf = (part: string, text: string): string => {
  if (new RegExp(`^${LITERAL}$`).test(part)) return literal(part);
  if (!NAME.test(part)) return '*';
  const decl = new RegExp(String.raw`\b(?:const|let|var)\s+${escapeRegExp(part)}\s*=\s*(${LITERAL})\s*[;\n]`).exec(text)?.[1];
  return decl ? literal(decl) : '*';
};

/**
 * The folders `expr` may name when a part of it is computed at run time: as folderOf, but a join
 * part census cannot read (`path.resolve(__dirname, suite, 'app')`, `suite` from an environment
 * variable) stands for any one folder name, `*`, so the result is a glob. Null when the base is not
 * read or no literal part follows it (a bare `*` under the base would name every folder).
 */
export const folderPatternOf = (expr: string, file: string, text: string, scope: FolderScope | null = null, depth = 0): string | null => {
  const e = expr.trim();
  const exact = folderIn(e, file, text, scope, depth, []);
  if (exact !== null) return exact;
  const call = /^(?:path\s*\.\s*)?(?:join|resolve)\(([\s\S]*)\)$/.exec(e);
  if (call) {
    const [base, ...parts] = splitArgs(call[1]);
    const root = base === undefined ? null : baseOf(base, file, text, scope, depth, []);
    if (root === null) return null;
    const segments = parts.map((p) => partOf(p, text));
    return segments.some((s) => s !== '*' && s !== '') ? joinRepo(root, ...segments) : null;
  }
  if (depth >= MAX_DEPTH || !NAME.test(e)) return null;
  const decl = new RegExp(String.raw`\b(?:const|let|var)\s+${escapeRegExp(e)}\s*=\s*([^\n;]+)`).exec(text)?.[1];
  return decl ? folderPatternOf(decl, file, text, scope, depth + 1) : null;
};

/**
 * The relative specifier `require(name + '/tail')` names when `name` is declared once in the file
 * (`const`/`let`/`var`) holding a folder folderOf settles: homebridge's bin runs
 * `const lib = path.join(path.dirname(fs.realpathSync(__filename)), "../lib"); require(lib + '/cli')`,
 * read as `../lib/cli`. Null when the tail does not start a path below the folder, or the name is
 * declared more than once or holds anything else. The caller checks the name is no parameter.
 */
export const folderTailSpecifier = (name: string, tail: string, file: string, text: string): string | null => {
  if (!tail.startsWith('/') || tail === '/' || tail.includes('\n')) return null;
  const declared = text.match(new RegExp(String.raw`\b(?:const|let|var|function|class)\s+${escapeRegExp(name)}(?![\w$])`, 'g'));
  if (declared?.length !== 1) return null;
  const folder = folderOf(name, file, text);
  if (folder === null) return null;
  const from = dirname(file);
  const rel = posix.relative(`/${from}`, `/${folder}`);
  return `${rel === '' ? '.' : rel.startsWith('..') ? rel : `./${rel}`}${tail}`;
};
