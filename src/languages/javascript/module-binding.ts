/**
 * Which relative module a name of a JavaScript/TypeScript module is bound to, read from its text:
 * one reading for the framework readers that follow a name into the repo's own module (nconf-config,
 * knex-migrator, imported-path-helpers) and for folder-expr, which leaves a repo's own helper to
 * them. Here, in languages/, because folder-expr may not import frameworks/.
 */
import { escapeRegExp } from '../../util/regexp.js';
import { INTEROP_OPEN } from './compiled-interop.js';

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
 * The local module a name is bound to, and the export it stands for (null: the module itself):
 * `const name = require('./x')` (through a compiler's interop helper too: `const x_1 =
 * __importDefault(require("./x"))`, compiled-interop.ts), `import name from './x'`, `import * as
 * name from './x'`; `import { f as name } from './x'`, `import d, { name } from './x'` and `const {
 * f: name } = require('./x')` name the export.
 */
export const moduleBinding = (text: string, name: string): { spec: string; member: string | null } | null => {
  const id = escapeRegExp(name);
  const required = new RegExp(String.raw`\b(?:const|let|var)\s+${id}\s*=\s*(?:${INTEROP_OPEN})?require\(\s*${RELATIVE}\s*\)`).exec(text);
  if (required) return { spec: required[1], member: null };
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
  return bound !== null && bound.member === null ? bound.spec : null;
};
