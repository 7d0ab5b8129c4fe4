/**
 * Which relative module a name of a JavaScript/TypeScript module is bound to, read from its text:
 * one reading for the framework readers that follow a name into the repo's own module (nconf-config,
 * knex-migrator, imported-path-helpers) and for folder-expr, which leaves a repo's own helper to
 * them. Here, in languages/, because folder-expr may not import frameworks/.
 */
import { escapeRegExp } from '../../util/regexp.js';
import { commentsBlanked } from './text-skips.js';

/** The opening of the interop helper call tsc (plain and through tslib), Babel and esbuild wrap a `require` in: a pattern's source (compiled-interop.ts). */
export const INTEROP_OPEN = String.raw`(?:tslib(?:_1)?\.)?(?:__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard|__toESM)\([ \t]*`;

const ID = String.raw`[A-Za-z_$][\w$]*`;
/** A relative specifier as written (`./x`, `../x`, `.`): the repo's own module. */
const RELATIVE = String.raw`['"](\.[^'"\n]*)['"]`;
/** `const { f, g: name, h = 1 } = require('./x')`: the pattern and the specifier. */
const DESTRUCTURED = new RegExp(String.raw`\b(?:const|let|var)\s*\{([^{}=;'"]{0,500}?(?:=[^{}=;'"]{0,100}?)*)\}\s*=\s*require\(\s*${RELATIVE}\s*\)`, 'g');
/** `import … from './x'` (not `import type`): the clause and the specifier. */
const IMPORT = new RegExp(String.raw`\bimport\s+(?!type\s)([^;'"]{1,500}?)\s*from\s*${RELATIVE}`, 'g');

/** The export a destructuring or named-import list binds to `name` (`f as name`, `f: name`, `name`), or null. */
const memberIn = (list: string, name: string, separator: RegExp): string | null => {
  for (const item of list.split(',')) {
    const [from, local] = item.replace(/=.*$/s, '').split(separator).map((s) => s.replace(/^type\s+/, '').trim());
    if ((local ?? from) === name && from !== '') return from;
  }
  return null;
};

/**
 * `derived`: the name holds a value made from the module (`require('./x')(opts)`,
 * `require('./x').a.b`): bound to the repo's module, but neither it nor one of its exports.
 */
export interface ModuleBinding {
  spec: string;
  member: string | null;
  derived?: true;
}

/**
 * The local module a name is bound to, and the export it stands for (null: the module itself):
 * `const name = require('./x')` (`require('./x').f` names the export f, stop 58; `.default` is the module) (through a compiler's interop helper too: `const x_1 =
 * __importDefault(require("./x"))`, compiled-interop.ts), `import name from './x'`, `import * as
 * name from './x'`; `import { f as name } from './x'`, `import d, { name } from './x'` and `const {
 * f: name } = require('./x')` name the export.
 */
export const moduleBinding = (text: string, name: string): ModuleBinding | null => {
  const id = escapeRegExp(name);
  // `require('./x').f` binds the export f, not the module; a value made from it (a call, a deeper part) is derived: neither.
  const required = new RegExp(String.raw`\b(?:const|let|var)\s+${id}\s*=\s*(?:${INTEROP_OPEN})?require\(\s*${RELATIVE}\s*\)(?:\s*\.\s*(${ID})(?![\w$])(?!\s*[.(\[]))?(\s*[.([])?`).exec(text);
  if (required) {
    if (required[3] !== undefined) return { spec: required[1], member: null, derived: true };
    // `.default` is how CommonJS reaches a compiled module's default export: the module, as the readers take an interop binding.
    return { spec: required[1], member: required[2] === undefined || required[2] === 'default' ? null : required[2] };
  }
  if (!text.includes(name)) return null;
  for (const m of text.matchAll(IMPORT)) {
    const clause = m[1].trim();
    const brace = clause.indexOf('{');
    const named = brace < 0 ? '' : clause.slice(brace + 1, clause.lastIndexOf('}'));
    const heads = (brace < 0 ? clause : clause.slice(0, brace)).split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (heads.some((h) => h === name || new RegExp(String.raw`^\*\s*as\s+${id}$`).test(h))) return { spec: m[2], member: null };
    const member = memberIn(named, name, /\s+as\s+/);
    if (member !== null) return { spec: m[2], member };
  }
  for (const m of text.matchAll(DESTRUCTURED)) {
    const member = memberIn(m[1], name, /:/);
    if (member !== null) return { spec: m[2], member };
  }
  return null;
};

/** The local module a name is bound to as a whole (moduleBinding without a named export), or null. */
export const requiredModule = (text: string, name: string): string | null => {
  const bound = moduleBinding(text, name);
  return bound !== null && bound.member === null && bound.derived !== true ? bound.spec : null;
};

/** A quoted specifier: the quote (group `n`, closed by its backreference) and the module. */
const spec = (n: number): string => String.raw`(['"])([^'"\n]+)` + `\\${n}`;
/**
 * A module bound whole to a name: `const x = require('m')` (through a compiler's interop helper too),
 * `, x = require('m')` in a declaration list, `const x = await import('m')`, `import x from 'm'`,
 * `import * as x from 'm'`, TypeScript's `import x = require('m')`. Groups: the name and the
 * specifier of each form; `via` below says which.
 */
const WHOLE = new RegExp(
  // Not a part read off it (`require('path').join`: MEMBER_OF's).
  String.raw`(?:\b(?:const|let|var)|,)\s*(${ID})\s*=\s*(?:(await\s+import\()|(${INTEROP_OPEN})?require\()\s*${spec(4)}\s*\)(?!\s*[.[])` +
    String.raw`|\bimport\s+(?:\*\s*as\s+)?(${ID})(?:\s*,\s*\{[^{}'";]{0,500}\}\s*|\s+)from\s*${spec(7)}` +
    String.raw`|\bimport\s+(${ID})\s*=\s*require\(\s*${spec(10)}\s*\)`,
  'g',
);
/** Named parts of a module bound to names: `const { join: pjoin } = require('m')` (or `await import('m')`), `import { join as pjoin } from 'm'`. */
const MEMBERS = new RegExp(
  String.raw`\b(?:const|let|var)\s*\{([^{}=;'"]{0,500}?)\}\s*=\s*(?:await\s+import\(|require\()\s*${spec(2)}\s*\)` +
    String.raw`|\bimport\s*(?:${ID}\s*,\s*)?\{([^{}'";]{0,500})\}\s*from\s*${spec(5)}`,
  'g',
);
/**
 * WHOLE's and MEMBERS' import forms alone, for a text that holds neither `require(` nor `import(`,
 * where their other forms cannot match: the same matches, without trying those forms at every `,`
 * and declaration (stop 56: 535 of payload's 538 texts naming `dirname` hold no `require(`).
 * Groups: the name or list, the quote, the specifier.
 */
const WHOLE_IMPORT = new RegExp(String.raw`\bimport\s+(?:\*\s*as\s+)?(${ID})(?:\s*,\s*\{[^{}'";]{0,500}\}\s*|\s+)from\s*${spec(2)}`, 'g');
const MEMBERS_IMPORT = new RegExp(String.raw`\bimport\s*(?:${ID}\s*,\s*)?\{([^{}'";]{0,500})\}\s*from\s*${spec(2)}`, 'g');
/** A part of a module read off its `require` (`const pjoin = require('path').join`): the name, the specifier and the part; not a call or a deeper member. */
const MEMBER_OF = new RegExp(String.raw`\b(?:const|let|var)\s+(${ID})\s*=\s*require\(\s*${spec(2)}\s*\)\s*\.\s*(${ID})(?![\w$])(?!\s*[.(\[])`, 'g');

/** A name a module is bound to in a text: the module itself (`member` null) or one of its exports; `via` says what bound it: a `require`, one a compiler's interop helper wraps, or an import. */
export interface ModuleAlias {
  local: string;
  module: string;
  member: string | null;
  via: 'require' | 'interop' | 'import';
}

/**
 * Every name `text` binds one of `modules` to, in text order: the one binder for the readers that read
 * a module under the name source code gives it (compiled-interop.ts asSource for compiled CommonJS,
 * moduleAliasedAsSource for hand-written aliases). Also `import d, { x as y } from 'm'` (both names) and
 * `const pjoin = require('path').join` (review 1). A named part bound to its own name (`{ join }`)
 * is left out: it is spelled as the source spells it already, unless it is one of `ownNamed` (a part
 * that is a module of its own, `const { posix } = require('path')`, whose uses `posix.join(` the source
 * spells `path.posix.join(`). `members` false: whole modules only.
 */
export const moduleAliases = (text: string, modules: (module: string) => boolean, members = true, ownNamed: ReadonlySet<string> = NO_NAMES): ModuleAlias[] =>
  aliasesIn(text, modules, members, ownNamed, (pattern) => text.matchAll(pattern));

/** moduleAliases' reading, each pattern's matches given by `matches` (all of them, or all that may name a listed module). */
const aliasesIn = (text: string, modules: (module: string) => boolean, members: boolean, ownNamed: ReadonlySet<string>, matches: (pattern: RegExp) => Iterable<RegExpMatchArray>): ModuleAlias[] => {
  const out: { at: number; alias: ModuleAlias }[] = [];
  const calls = text.includes('require(') || text.includes('import(');
  if (calls) for (const m of matches(WHOLE)) {
    const local = m[1] ?? m[6] ?? m[9];
    const module = m[5] ?? m[8] ?? m[11];
    if (modules(module)) out.push({ at: m.index ?? 0, alias: { local, module, member: null, via: m[3] !== undefined ? 'interop' : m[1] !== undefined && m[2] === undefined ? 'require' : 'import' } });
  }
  else for (const m of matches(WHOLE_IMPORT)) {
    if (modules(m[3])) out.push({ at: m.index ?? 0, alias: { local: m[1], module: m[3], member: null, via: 'import' } });
  }
  if (members) for (const m of matches(calls ? MEMBERS : MEMBERS_IMPORT)) {
    const required = calls && m[1] !== undefined;
    const module = calls ? m[3] ?? m[6] : m[3];
    if (!modules(module)) continue;
    const separator = required ? ':' : /\s+as\s+/;
    for (const item of (calls ? m[1] ?? m[4] : m[1]).split(',')) {
      const [member, local] = item.split(separator).map((s) => s.trim());
      const bound = local ?? (ownNamed.has(member) ? member : undefined);
      if (bound === undefined || !new RegExp(`^${ID}$`).test(bound) || !new RegExp(`^${ID}$`).test(member) || (bound === member && !ownNamed.has(member))) continue;
      out.push({ at: m.index ?? 0, alias: { local: bound, module, member, via: required ? 'require' : 'import' } });
    }
  }
  // MEMBER_OF spells `require(`.
  if (members && text.includes('require(')) for (const m of matches(MEMBER_OF)) {
    if (modules(m[3]) && m[1] !== m[4]) out.push({ at: m.index ?? 0, alias: { local: m[1], module: m[3], member: m[4], via: 'require' } });
  }
  return out.sort((a, b) => a.at - b.at).map((o) => o.alias);
};

/** Each pattern above tried at one place only (sticky). */
const AT = new Map<RegExp, RegExp>([WHOLE, WHOLE_IMPORT, MEMBERS, MEMBERS_IMPORT, MEMBER_OF].map((p) => [p, new RegExp(p.source, 'y')]));
/** What a match of any of them starts with: `const`, `let`, `var`, `import`, or WHOLE's `,`. */
const FIRST = /[clvi,]/g;
/** What ends a MEMBER_OF match between its specifier's closing quote and its last name (`).`), where another could start. */
const MEMBER_OF_TAIL = /^\s*\)\s*\.\s*$/;

/** Where each of `specs` stands quoted in `text` (`'path'`, `"path"`): the opening quote's offset, ascending, once each. One search per spec, its quotes checked beside it. */
const quotedAt = (text: string, specs: readonly string[]): number[] => {
  const out: number[] = [];
  for (const spec of specs) {
    for (let at = text.indexOf(spec); at >= 0; at = text.indexOf(spec, at + 1)) {
      const quote = text.charCodeAt(at - 1);
      if ((quote === 39 || quote === 34) && text.charCodeAt(at + spec.length) === quote) out.push(at - 1);
    }
  }
  return out.length < 2 ? out : [...new Set(out)].sort((a, b) => a - b);
};

/**
 * The matches of `pattern` over the whole text whose specifier opens at one of `quotes`, found without
 * a pass over the whole text: no form spells a quote between its first character and its specifier's
 * (the name lists exclude them), so such a match starts after the quote before that one, and the
 * leftmost match from there is the one a pass from the text's start finds (the `\s*\)` that ends a
 * match after its closing quote starts none). MEMBER_OF ends in `.NAME`, where one of its matches
 * could start (`require('x').const y = require('path')`): null when a match starts right after such
 * an ending, and the caller makes the pass.
 */
const matchesAt = (text: string, pattern: RegExp, quotes: readonly number[]): RegExpExecArray[] | null => {
  const at = AT.get(pattern)!;
  const out: RegExpExecArray[] = [];
  for (const q of quotes) {
    const from = Math.max(text.lastIndexOf("'", q - 1), text.lastIndexOf('"', q - 1)) + 1;
    // The leftmost place a match starts, as a pass would find it: tried only where one of the words can start.
    let m: RegExpExecArray | null = null;
    FIRST.lastIndex = from;
    for (let first = FIRST.exec(text); first !== null && first.index < q && m === null; first = FIRST.exec(text)) {
      at.lastIndex = first.index;
      m = at.exec(text);
    }
    if (m === null) continue;
    if (pattern === MEMBER_OF && MEMBER_OF_TAIL.test(text.slice(from, m.index))) return null;
    out.push(m);
  }
  return out;
};

/**
 * moduleAliases of the modules spelled `specs` (`['path', 'node:path']`), the same aliases in the same
 * order: the patterns run only from the quote before each quoted spec (matchesAt), not over the whole
 * text. Stop 62 (issue 19): payload's texts that name `'path'` bind it as `path` nearly always, and
 * anchored-paths' four passes over each whole text found nothing to rename.
 */
export const moduleAliasesOf = (text: string, specs: readonly string[], members = true, ownNamed: ReadonlySet<string> = NO_NAMES): ModuleAlias[] => {
  const quotes = quotedAt(text, specs);
  if (quotes.length === 0) return [];
  return aliasesIn(text, (module) => specs.includes(module), members, ownNamed, (pattern) => matchesAt(text, pattern, quotes) ?? text.matchAll(pattern));
};

const NO_NAMES: ReadonlySet<string> = new Set();
const MAX_RENAMES = 4;

/**
 * `text` with a listed module (module → the name source code gives it) that hand-written code binds to
 * a name of its own read under the source's spelling at its uses: pm2's `pth = require('path')` and
 * `pth.join(__dirname, 'completion.sh')` read as `path.join(…)`, `const { join: pjoin } =
 * require('path')` and `pjoin(…)` as `path.join(…)`. Only `NAME.` (a part: `NAME(`) is renamed, not a
 * bare `NAME`, which may be a parameter or a string of the same spelling elsewhere; lines stay where
 * they were. `aliases`: each name renamed and what it was read as (`path`, `path.join`), so evidence can say what the line spells.
 * `namespaces`: parts of a listed module that are modules of their own, used by their parts (stop 53:
 * `const { posix: pp } = require('path')`, `import { posix as pp } from 'path'`, `const pp =
 * require('path').posix` and `const { posix } = require('path')`, each `pp.join(…)` read as `path.posix.join(…)`).
 */
export const moduleAliasedAsSource = (text: string, names: Readonly<Record<string, string>>, namespaces: ReadonlySet<string> = NO_NAMES, blanked = false): { text: string; aliases: ReadonlyMap<string, string> } => {
  const renamed = new Map<string, string>();
  // A binding spells its module quoted (`'path'`, `"path"`), and blanking a comment makes no quote: a text without one binds none.
  if (!Object.keys(names).some((module) => text.includes(`'${module}'`) || text.includes(`"${module}"`))) return { text, aliases: renamed };
  // Bindings are read with comments blanked (`// Was: const { join: pjoin } = require('path')` binds nothing);
  // `blanked`: the caller blanked them already.
  const code = blanked ? text : commentsBlanked(text);
  // A compiler's binding (`path_1 = __importDefault(require("path"))`) is asSource's, which drops its `.default` too; a
  // name the source spells already needs no rename. Most texts bind the module under its own name and end here, before
  // the map of every binding below (stop 53).
  const candidates = moduleAliasesOf(code, Object.keys(names), true, namespaces).filter(({ local, module, via }) => via !== 'interop' && local !== names[module]);
  if (candidates.length === 0) return { text, aliases: renamed };
  let out = text;
  // A name bound to a module besides a listed one (`const pjoin = require('./url-join')`) is left as written: which
  // binding a use reads is not settled here.
  const modulesOf = new Map<string, Set<string>>();
  for (const a of moduleAliases(code, () => true, true, namespaces)) modulesOf.set(a.local, (modulesOf.get(a.local) ?? new Set()).add(a.module));
  for (const { local, module, member } of candidates) {
    const name = names[module];
    if ((modulesOf.get(local)?.size ?? 0) > 1) continue;
    // Each name once, and a few at most: every rename is a pass over the whole text.
    if (renamed.has(local) || renamed.size >= MAX_RENAMES) continue;
    renamed.set(local, member === null ? name : `${name}.${member}`);
    // A whole module and a part that is a module of its own (`path.posix`) are used by their parts (`pp.join(`), any other part by a call.
    const whole = member === null || namespaces.has(member);
    const use = whole ? String.raw`(?=[ \t]*\.[ \t]*[A-Za-z_$])` : String.raw`(?=[ \t]*\()`;
    out = out.replace(new RegExp(String.raw`(?<![\w$.])${escapeRegExp(local)}${use}`, 'g'), renamed.get(local) ?? name);
  }
  return { text: out, aliases: renamed };
};
