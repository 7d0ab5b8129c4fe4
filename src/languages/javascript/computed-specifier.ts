/**
 * A module specifier built at run time from literal parts (``require(`./emails/${name}.txt.js`)``,
 * `import('./locales/' + lang + '.js')`): webpack makes such a call a context module holding every
 * file of that folder the literal parts allow, and Node loads whichever one the value names. The
 * pattern keeps the literal parts and puts `*` (one path segment) for each computed part. Only a
 * relative specifier whose literal parts say something — a folder below the importer's, or a file
 * suffix with an extension — counts, with one exception: a require of `./` and one computed name
 * (``require(`./${command}`)``, `require('./' + name)`) is a dispatcher over its own folder (Ghost's
 * CLI runs `require(`./${command}`)` with the command line's word; ncc's chunk loader requires
 * `'./' + chunkName`), so it names the module files directly in that folder and the index files of
 * its direct subfolders — what Node's resolution of `./name` can reach — tests, type declarations
 * and the requiring file left out. A suffix Node does not load as it is (``require(`./emails/${name}.txt`)``)
 * is completed as Node completes it: the file itself and `<name>.txt.js` (and the other code
 * extensions; a folder named `<name>.txt` is not looked for). A file that also lists a folder (`readdirSync`, `glob`) says
 * which names it requires, and folder-requires.ts reads that listing instead. `../` and one
 * computed name names nothing: the parent folder is not the requiring file's own collection. A
 * specifier that starts with a package name and a folder (`strapi/lib/commands/${name}`) is kept
 * the same way, for the graph to map through the package's own name or an alias. A relative
 * folder and a whole computed last segment (`require('../../hooks/' + id)`, Sails' core hooks, each
 * `hooks/<id>/index.js`) names the folder's files and its direct subfolders' index files, as
 * Node's resolution of `<folder>/<id>` reaches either. A relative pattern whose suffix does not end in a
 * code extension (``require(`./email-templates/${name}.txt`)``, Ghost's staff emails) also matches
 * the names with one added (`<name>.txt.js`), the files Node's resolution tries after the name itself.
 * A name prefix of two or more characters says as much as a folder (stop 59: cnpm's
 * `require('./cnpm-' + action)` names `./cnpm-*` and those names with a code extension).
 * Stop 63: holes in several segments are no guess when every hole is the same expression
 * (Quasar's ``import(`../modes/${ argv.mode }/${ argv.mode }-builder.js`)``, lib/cmd/build.js:140):
 * a `*` for each hole and `sameHoles`, every `*` standing for one text, so
 * `modes/ssr/ssr-builder.js` matches and `modes/ssr/pwa-builder.js` does not; only with a folder
 * and a suffix Node loads as it is (no completion to guess at).
 * Stop 66: one hole that is a whole folder name and a literal rest Node loads as it is
 * (``import(`./${ruleName}/index.mjs`)``, stylelint's rules) names that file in each direct subfolder.
 */
import { type AstNode, nodeAt, nodesAt, unwrap } from './ast.js';

const GLOB_CHARACTERS = /[*?[\]{}!]/;

/** The literal parts of a template literal or a `+` chain of strings and values, or null. */
const literalParts = (node: AstNode | null): string[] | null => {
  const n = unwrap(node);
  if (!n) return null;
  if (n.type === 'TemplateLiteral') {
    const parts: string[] = [];
    for (const quasi of nodesAt(n, 'quasis')) {
      const cooked = (quasi.value as { cooked?: unknown } | undefined)?.cooked;
      if (typeof cooked !== 'string') return null;
      parts.push(cooked);
    }
    return parts;
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    // a computed operand is a hole: the parts on each side of it
    const left = literalParts(nodeAt(n, 'left')) ?? ['', ''];
    const right = literalParts(nodeAt(n, 'right')) ?? ['', ''];
    return [...left.slice(0, -1), left[left.length - 1] + right[0], ...right.slice(1)];
  }
  if ((n.type === 'Literal' || n.type === 'StringLiteral') && typeof n.value === 'string') return [n.value];
  return null;
};

/** A hole's expression as a comparable key (`argv.mode`, `this.mode`, `mode`), or null for anything else. */
const expressionKey = (node: AstNode | null): string | null => {
  const n = unwrap(node);
  if (!n) return null;
  if (n.type === 'Identifier') return typeof n.name === 'string' ? n.name : null;
  if (n.type === 'ThisExpression') return 'this';
  if (n.type === 'MemberExpression' && n.computed !== true) {
    const object = expressionKey(nodeAt(n, 'object'));
    const property = nodeAt(n, 'property');
    // `this.#mode` is another field than `this.mode` (a PrivateIdentifier of the same name; review s63-rv2)
    return object === null || property?.type !== 'Identifier' || typeof property.name !== 'string' ? null : `${object}.${property.name}`;
  }
  return null;
};

/** The keys of a specifier's holes, in order (as literalParts splits it), or null when one is no plain name. */
const holeKeys = (node: AstNode | null): (string | null)[] => {
  const n = unwrap(node);
  if (!n) return [];
  if (n.type === 'TemplateLiteral') return nodesAt(n, 'expressions').map(expressionKey);
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    const side = (s: AstNode | null): (string | null)[] => (literalParts(s) === null ? [expressionKey(s)] : holeKeys(s));
    return [...side(nodeAt(n, 'left')), ...side(nodeAt(n, 'right'))];
  }
  return [];
};

/** Every hole the same plain name, with literal text between each two (adjacent holes would merge into one `*`). */
const holesAreOneName = (node: AstNode | null, parts: string[]): boolean => {
  const keys = holeKeys(node);
  return keys.length === parts.length - 1 && keys[0] !== null && keys.every((k) => k === keys[0]) && parts.slice(1, -1).every((p) => p !== '');
};

/** The files a computed relative specifier may load: a glob relative to the importing file's folder, and what it leaves out. */
export interface ComputedPattern {
  target: string;
  exclude?: string[];
  /** Every `*` of the target stands for the same text (one name filled into several segments). */
  sameHoles?: true;
}

/** The extensions Node's resolution (or a bundler's) completes `./name` with. */
const CODE_EXTENSION_LIST = ['js', 'cjs', 'mjs', 'jsx', 'ts', 'cts', 'mts', 'tsx', 'json'] as const;

/** What Node's resolution of `./name` reaches in a folder: a module file, or a direct subfolder's index. */
const CODE_EXTENSIONS = `{${CODE_EXTENSION_LIST.join(',')}}`;

/** The extensions a specifier may end with that Node (or a bundler) loads without completing it: those, and a native addon's `.node`. */
const NODE_EXTENSION = new RegExp(`\\.(?:${[...CODE_EXTENSION_LIST, 'node'].join('|')})$`, 'i');

/** Folders beside a set of plugin folders that hold no plugin: a whole-folder hole skips them. */
const NOT_PLUGIN_FOLDERS = ['test', 'tests', '__tests__', 'spec', 'specs', '__mocks__', 'fixtures', '__fixtures__', 'docs', 'doc', 'example', 'examples', 'node_modules'];

export const OWN_FOLDER: ComputedPattern = {
  target: `./{*,*/index}.${CODE_EXTENSIONS}`,
  exclude: ['./{*,*/index}.d.{ts,cts,mts}', './*.{test,spec}.*'],
};

/**
 * A package name and its slash at the start of a pattern (`strapi/`, `@scope/pkg/`), with no hole
 * in it: such a pattern is kept for the graph, which maps it when the name is the requiring
 * package's own (Strapi's CLI resolves `strapi/lib/commands/${name}` from the app, where the
 * package is installed) or a bundler alias; any other package's files are not in the repo.
 */
const PACKAGE_PREFIX = /^(?:@[^/*.][^/*]*\/)?[^/*.@][^/*]*\//;

/** A folder listing in the file: its names, not the whole folder, are what `./${name}` requires. */
const LISTS_FOLDER = /\breaddir(?:Sync)?\s*\(|\bglob(?:\s*\.\s*sync|Sync)?\s*\(/;

/** `opts.template || 'templates/default'`: a plain name or dotted name, `||` or `??`, and a quoted folder path. */
const defaultOf = (key: string, text: string): string | null => {
  const escaped = key.replace(/[.$]/g, (c) => `\\${c}`);
  const m = new RegExp(`(?<![\\w$.])${escaped}\\s*(?:\\|\\||\\?\\?)\\s*(['"\`])((?:\\.{1,2}/)?[\\w@-][\\w@.-]*(?:/[\\w@.-]+)+|\\./[\\w@.-]+)\\1`).exec(text);
  return m ? m[2] : null;
};

/**
 * Stop 66: a specifier that is one option's value and a literal rest (jsdoc's cli.js:430
 * ``require(`${env.opts.template}/publish`)``), where the same file gives the option a default
 * folder (cli.js:421 `env.opts.template || 'templates/default'`): with no option given, the
 * default's file loads. Read relative to the requiring file's folder, where a tool's own default
 * folder sits (jsdoc resolves it against its own install); a default the tree does not hold names
 * nothing, and a hole with no such default stays unread (a user's template is not in the repo).
 */
const optionDefault = (node: AstNode | null, parts: string[], text: string): ComputedPattern | null => {
  if (parts.length !== 2 || parts[0] !== '' || !parts[1].startsWith('/') || GLOB_CHARACTERS.test(parts[1])) return null;
  const [key] = holeKeys(node);
  if (key === null || key === undefined || !key.includes('.')) return null;
  const folder = defaultOf(key, text);
  if (folder === null) return null;
  const path = `${folder.startsWith('.') ? '' : './'}${folder}${parts[1]}`;
  if (NODE_EXTENSION.test(path)) return { target: path };
  // completed as Node completes `<folder>/publish`: the file, a code extension added, or its folder's index
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  return { target: `${path.slice(0, slash + 1)}{${name},${name}.${CODE_EXTENSIONS},${name}/index.${CODE_EXTENSIONS}}` };
};

/**
 * The glob a computed relative specifier may load, relative to the importing file's folder; null
 * when it names no clear set. `text` is the importing file's.
 */
export const computedSpecifierPattern = (node: AstNode | null, text: string): ComputedPattern | null => {
  const parts = literalParts(node);
  if (!parts || parts.length < 2 || parts.some((p) => GLOB_CHARACTERS.test(p))) return null;
  const defaulted = optionDefault(node, parts, text);
  if (defaulted) return defaulted;
  const pattern = parts.join('*').replace(/\*{2,}/g, '*');
  if (pattern === './*') return LISTS_FOLDER.test(text) ? null : OWN_FOLDER;
  const packageName = PACKAGE_PREFIX.exec(pattern)?.[0];
  if (!pattern.startsWith('./') && !pattern.startsWith('../') && packageName === undefined) return null;
  const hole = pattern.indexOf('*');
  const folder = pattern.slice(0, pattern.lastIndexOf('/', hole) + 1);
  const suffix = pattern.slice(pattern.lastIndexOf('*') + 1);
  const namesFolder = (packageName === undefined ? folder.replace(/^(\.\.?\/)+/, '') : folder.slice(packageName.length)) !== '';
  const namesSuffix = /\.[a-z]+$/i.test(suffix);
  // Stop 59: a literal name before the hole (`'./cnpm-' + action`, cnpm's bin/cnpm.js dispatching to
  // bin/cnpm-sync.js and its siblings) says which files of the folder too; one character says too little.
  const namesPrefix = pattern.slice(folder.length, hole).length >= 2;
  if (!namesFolder && !namesSuffix && !namesPrefix) return null;
  // a hole inside a folder name, or holes in several segments, would be a guess at the tree,
  // unless every hole is one name: `../modes/${m}/${m}-builder.js`
  if (pattern.slice(hole).includes('/')) {
    // Stop 66: one hole that is a whole folder name, then a literal path Node loads as it is
    // (stylelint's lib/rules/index.mjs:15 ``import(`./${ruleName}/index.mjs`)``, one folder per rule;
    // directus' ``import(`../operations/${operation}/index.js`)``) names that file in each direct
    // subfolder: no guess at the tree. Below the importer's own folder or a folder it names, as above.
    const wholeSegment = parts.length === 2 && pattern[hole - 1] === '/' && pattern[hole + 1] === '/';
    // A folder of tests, fixtures, docs or examples beside the plugin folders is not one of them
    // (a root index.js's `./${n}/index.js` would otherwise load test/index.js and docs/index.js).
    if (wholeSegment && packageName === undefined && (namesFolder || pattern.startsWith('./')) && NODE_EXTENSION.test(suffix))
      return { target: pattern, exclude: [pattern.replace('*', `{${NOT_PLUGIN_FOLDERS.join(',')}}`)] };
    const oneName = packageName === undefined && namesFolder && NODE_EXTENSION.test(suffix) && holesAreOneName(node, parts);
    return oneName ? { target: pattern, sameHoles: true } : null;
  }
  // a whole last segment (`'../../hooks/' + id`) may also be a subfolder, which Node resolves to its index
  if (packageName === undefined && pattern.endsWith('/*')) return { target: `${folder}{*,*/index.${CODE_EXTENSIONS}}`, exclude: [`${folder}*/index.d.{ts,cts,mts}`] };
  // A suffix Node does not load as it is (`${name}.txt`, `'-handler'`) is completed as Node completes it:
  // Ghost's ``require(`./email-templates/${templateName}.txt`)`` loads `new-comment.txt.js`.
  // Named by its prefix alone, the glob reaches what the own folder's would leave out (a declaration
  // `./cnpm-x.d.ts` no require loads, a test `./cnpm-x.test.js` beside the commands), and leaves them out too.
  const exclude = namesPrefix && !namesFolder && !namesSuffix && packageName === undefined ? [`${folder}*.d.{ts,cts,mts}`, `${folder}*.{test,spec}.*`] : undefined;
  if ((packageName === undefined || namesSuffix) && !NODE_EXTENSION.test(suffix)) {
    const rest = pattern.slice(folder.length);
    return { target: `${folder}{${rest},${rest}.${CODE_EXTENSIONS}}`, ...(exclude && { exclude }) };
  }
  return { target: pattern, ...(exclude && { exclude }) };
};
