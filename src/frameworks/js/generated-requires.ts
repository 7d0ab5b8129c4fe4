/**
 * Code that writes JS source: a module builds the text of another module and hands it to a bundler
 * or writes it to a file, and the `require()`s in that text load files no module imports. Keystone's
 * admin UI builds its field-type bundle this way: `buildFieldTypesStream` runs
 * `src += type + ': require("../../fields/types/' + type + '/' + fieldTypes[type] + i + '"),\n'` for
 * each of `['Column', 'Field', 'Filter']` and feeds the text to browserify as an entry, so every
 * `fields/types/<type>/<Type>{Column,Field,Filter}.js` is production code that nothing imports.
 *
 * Read statically: a string literal, template or `+` chain of them (the code, never run) whose
 * literal text holds `require(` and a quote other than its own (`'require("…")'`, `` `require('…')` ``)
 * is generated source, and the specifier between that quote and its close is read with each
 * computed part (`' + type + '`, `${name}`) as `*` within one path segment. A part that is a
 * local assigned literals, or the element variable of a loop around it over a literal list
 * (literal-lists.ts: `[…].forEach(function (i)`, `.map((i) =>`, `for (const i of […])`, a list a
 * `const` of the file holds), stands for those values. Only a relative specifier whose literal parts
 * name a folder is followed. Where the generated module sits is not in the text (a bundler's
 * `basedir`, a file written elsewhere): a `./` specifier is read from the generating file's own
 * folder, a `../` one from that folder or the nearest folder above it from which the literal folder
 * exists in the repo (the module is generated somewhere the `../` steps lead to that folder). Each
 * code file the specifier may load (Node's completions: the file, `.js` and the other code
 * extensions, `/index.js`; tests and type declarations left out) is a reference from the
 * generating file, with the line and the pattern as evidence.
 */
import { type AstNode, childKeysTable, isNode, nodeAt, nodesAt } from '../../languages/javascript/ast.js';
import { parseCheckedFile } from '../../languages/javascript/parse.js';
import { isFolder, pathsWithPrefix } from '../../util/file-index.js';
import { compileRepoGlob } from '../../util/glob.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { perScan } from '../per-scan.js';
import type { FrameworkReader } from '../types.js';
import { codeFilesMarked, labelledReferences, type LabelledReference } from './support.js';
import { argumentValues } from './parameter-values.js';
import { listBoundAt } from './literal-lists.js';

/** `require(` and a quote: a require in code, or one inside a string. */
const REQUIRE_QUOTE = /\brequire\(\s*\\?['"`]/g;
const QUOTE = /['"`]/;
/** How far back on its line a quote is looked for before a `require(` (a minified line may be huge). */
const LOOK_BACK = 400;

/**
 * Cheap test before a parse: a `require(` and a quote with a quote before it on its line
 * (generated code, or a string that mentions one); `const x = require('x')` has none. Linear in
 * the text: each match looks back a bounded way.
 */
const mayGenerate = (text: string): boolean => {
  REQUIRE_QUOTE.lastIndex = 0;
  for (let m = REQUIRE_QUOTE.exec(text); m !== null; m = REQUIRE_QUOTE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - LOOK_BACK), m.index);
    if (QUOTE.test(before.slice(before.lastIndexOf('\n') + 1))) return true;
  }
  return false;
};
const CODE = /\.[cm]?[jt]sx?$/;
const TEST_OR_TYPES = /\.(?:test|spec)\.[cm]?[jt]sx?$|\.d\.[cm]?ts$|(?:^|\/)(?:__tests__|__mocks__)\//;
const GLOB_CHARACTERS = /[*?[\]{}!\\]/;
const NAME = /^[A-Za-z_$][\w$]*$/;
/** What Node's resolution of a specifier reaches: the file, a code extension, a folder's index. */
const COMPLETIONS = ['', '.js', '.cjs', '.mjs', '.jsx', '.ts', '.tsx', '.json', '/index.js'];
/** A file this large is generated or minified: not read for generated source. */
const MAX_TEXT = 500_000;
const HOLE = '\u0000';
const MAX_NESTING = 40;
const MAX_SPECIFIER = 400;
/** Computed parts one specifier may hold. */
const MAX_PARTS = 6;

type Piece = { text: string } | { hole: AstNode };

/** A string's parts: a literal, a template's quasis and expressions, a `+` chain's operands in order; null when no literal is in it. */
const piecesOf = (node: AstNode | null, depth = 0): Piece[] => {
  if (node === null) return [];
  // a string nested this deep (parenthesized chains, templates in templates) is read as one computed part
  if (depth > MAX_NESTING) return [{ hole: node }];
  if ((node.type === 'Literal' || node.type === 'StringLiteral') && typeof node.value === 'string') return [{ text: node.value }];
  if (node.type === 'TemplateLiteral') {
    const quasis = nodesAt(node, 'quasis');
    const expressions = nodesAt(node, 'expressions');
    const out: Piece[] = [];
    quasis.forEach((q, i) => {
      const cooked = (q.value as { cooked?: unknown } | undefined)?.cooked;
      out.push(typeof cooked === 'string' ? { text: cooked } : { hole: q });
      if (i < expressions.length) out.push({ hole: expressions[i] });
    });
    return out;
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    // `a + b + c` nests to the left, one level per operand: walked down the left side, not recursed
    // (a generated file may chain thousands).
    const rights: (AstNode | null)[] = [];
    let left: AstNode | null = node;
    while (left !== null && left.type === 'BinaryExpression' && left.operator === '+') {
      rights.push(nodeAt(left, 'right'));
      left = nodeAt(left, 'left');
    }
    const out = piecesOf(left, depth + 1);
    for (let i = rights.length - 1; i >= 0; i--) for (const p of piecesOf(rights[i], depth + 1)) out.push(p);
    return out;
  }
  if (node.type === 'ParenthesizedExpression') return piecesOf(nodeAt(node, 'expression'), depth + 1);
  return [{ hole: node }];
};

interface Found {
  line: number;
  /** The specifier as written: literal parts, `${…}` for each computed part. */
  spec: string;
  /** The glob: each computed part `*`, or its values. */
  pattern: string;
  notes: string[];
}

/** The values a computed part stands for: the elements of the literal list the loop around it that binds it iterates (literal-lists.ts), or literals a local is assigned. */
const holeValues = (hole: AstNode, text: string): { values: string[]; note: string } | null => {
  if (hole.type !== 'Identifier' || typeof hole.name !== 'string' || !NAME.test(hole.name)) return null;
  const name = hole.name;
  const at = hole.start as number;
  const list = listBoundAt(text, at, name);
  if (list !== null) return { values: list.names, note: `${name} takes ${list.names.map((v) => `'${v}'`).join(', ')} (line ${lineAt(text, list.at)})` };
  const assigned = argumentValues(name, text, at);
  if (assigned.literals.length > 0 && assigned.unread.length === 0) return { values: assigned.literals, note: `${name} is ${assigned.literals.map((v) => `'${v}'`).join(' or ')}` };
  return null;
};

/** The relative specifiers the generated source in one string holds. */
const specifiersIn = (pieces: Piece[], text: string, line: number): Found[] => {
  const holes: AstNode[] = [];
  let joined = '';
  for (const p of pieces) {
    if ('text' in p) joined += p.text;
    else {
      joined += `${HOLE}${holes.length}${HOLE}`;
      holes.push(p.hole);
    }
  }
  const out: Found[] = [];
  for (const m of joined.matchAll(/\brequire\(\s*(['"`])/g)) {
    const quote = m[1];
    const start = (m.index ?? 0) + m[0].length;
    const end = joined.indexOf(quote, start);
    if (end < 0) continue;
    const raw = joined.slice(start, end);
    // a specifier is short and on one line: anything else is not one (and would cost a look-up per part)
    if (raw.length > MAX_SPECIFIER || raw.includes('\n') || raw.split(HOLE).length > 2 * MAX_PARTS + 1) continue;
    let spec = '';
    let pattern = '';
    let ok = true;
    const notes: string[] = [];
    // split on the marks: literal, hole index, literal, …
    const segments = raw.split(HOLE);
    for (let i = 0; i < segments.length; i++) {
      if (i % 2 === 0) {
        if (GLOB_CHARACTERS.test(segments[i])) ok = false;
        spec += segments[i];
        pattern += segments[i];
        continue;
      }
      const hole = holes[Number(segments[i])];
      const source = text.slice(hole.start as number, hole.end as number).replace(/\s+/g, ' ');
      spec += `\${${source}}`;
      const known = holeValues(hole, text);
      if (known !== null && known.values.length > 0 && known.values.every((v) => v !== '' && !v.includes('/') && !GLOB_CHARACTERS.test(v) && !v.includes(','))) {
        pattern += known.values.length === 1 ? known.values[0] : `{${known.values.join(',')}}`;
        notes.push(known.note);
      } else pattern += '*';
    }
    pattern = pattern.replace(/\*{2,}/g, '*');
    if (!ok || !/^\.\.?\//.test(pattern)) continue;
    out.push({ line, spec, pattern, notes });
  }
  return out;
};

/** Every string holding generated source in a file, with the specifiers in it. */
const generatedIn = (file: string, text: string): Found[] => {
  let program: AstNode;
  try {
    program = parseCheckedFile(file, text, /\.[cm]?tsx?$/.test(file)).program;
  } catch {
    return [];
  }
  const out: Found[] = [];
  const childKeys = childKeysTable();
  // Only the outermost string of a `+` chain or template is read: its parts hold the inner ones.
  const stack: { node: AstNode; inString: boolean }[] = [{ node: program, inString: false }];
  while (stack.length > 0) {
    const { node, inString } = stack.pop()!;
    const stringy = node.type === 'TemplateLiteral' || (node.type === 'BinaryExpression' && node.operator === '+') || ((node.type === 'Literal' || node.type === 'StringLiteral') && typeof node.value === 'string');
    if (stringy && !inString) {
      const pieces = piecesOf(node);
      if (pieces.some((p) => 'text' in p && p.text.includes('require('))) out.push(...specifiersIn(pieces, text, lineAt(text, node.start as number)));
    }
    // A chain's operands and a template's quasis are parts of the string just read; a hole's own
    // code (a callback building its own string) is read afresh.
    for (const key of childKeys.get(node.type) ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const part = (stringy && (key === 'left' || key === 'right' || key === 'quasis')) || (inString && node.type === 'ParenthesizedExpression');
      if (Array.isArray(child)) {
        for (const c of child) if (isNode(c)) stack.push({ node: c, inString: part });
      } else if (isNode(child)) stack.push({ node: child, inString: part });
    }
  }
  return out;
};

/** The folder a relative pattern's literal folder is read from: the file's own for `./`, else it or the nearest folder above from which the literal folder exists. */
const baseFor = (files: ReadonlySet<string>, own: string, pattern: string): string | null => {
  const hole = pattern.search(/[*{]/);
  const literalFolder = pattern.slice(0, hole < 0 ? pattern.lastIndexOf('/') + 1 : pattern.lastIndexOf('/', hole) + 1);
  // the literal folder must name one below the steps up: `../../` alone would be any folder
  if (literalFolder.replace(/^(?:\.\.?\/)+/, '') === '') return null;
  const exists = (base: string): boolean => {
    const folder = joinRepo(base, literalFolder);
    return folder !== null && folder !== '' && isFolder(files, folder);
  };
  if (pattern.startsWith('./')) return exists(own) ? own : null;
  for (let base = own; ; base = dirname(base)) {
    if (exists(base)) return base;
    if (base === '') return null;
  }
};

const references = perScan((ctx): { refs: LabelledReference[]; warnings: Diagnostic[] } => {
  const refs: LabelledReference[] = [];
  const warnings: Diagnostic[] = [];
  for (const file of codeFilesMarked(ctx, ['require('])) {
    if (file.includes('node_modules/')) continue;
    const text = ctx.readText(file) ?? '';
    if (text.length > MAX_TEXT || !mayGenerate(text)) continue;
    for (const found of generatedIn(file, text)) {
      const own = dirname(file);
      const base = baseFor(ctx.files, own, found.pattern);
      if (base === null) continue;
      const full = joinRepo(base, found.pattern);
      if (full === null) continue;
      let match: (path: string) => boolean;
      try {
        const matchers = COMPLETIONS.map((c) => compileRepoGlob(`${full}${c}`));
        match = (p) => matchers.some((m) => m(p));
      } catch {
        warnings.push(warning('generated-requires/pattern', `${file}:${found.line} generates require("${found.spec}"), which census cannot read as a path pattern`, file, found.line));
        continue;
      }
      const hole = full.search(/[*{]/);
      const prefix = full.slice(0, full.lastIndexOf('/', hole < 0 ? full.length : hole) + 1);
      const where = base === own ? '' : `, read from ${base || '.'}: the nearest folder above the file from which ${found.pattern.slice(0, found.pattern.lastIndexOf('/', hole < 0 ? found.pattern.length : found.pattern.search(/[*{]/)) + 1)} exists`;
      const notes = found.notes.length === 0 ? '' : `; ${found.notes.join('; ')}`;
      for (const target of pathsWithPrefix(ctx.files, prefix)) {
        if (target === file || !CODE.test(target) || TEST_OR_TYPES.test(target) || target.includes('node_modules/') || !match(target)) continue;
        refs.push({ from: file, target, line: found.line, label: `${file}:${found.line} generates JS source that requires "${found.spec}" (${full}${where}${notes})` });
      }
    }
  }
  return { refs, warnings };
});

const generatedRequires: FrameworkReader = {
  id: 'generated-requires',
  title: 'requires in JS source a module generates (a string of code fed to a bundler or written to a file)',
  ecosystem: 'javascript',
  ...labelledReferences(
    (ctx) => references(ctx).refs,
    (ctx) => references(ctx).warnings,
  ),
};

export default generatedRequires;
