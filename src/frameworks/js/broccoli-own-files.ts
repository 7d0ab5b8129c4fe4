/**
 * Stop 63: a Broccoli tree of the module's own folder with a literal `files` list. ember-cli's
 * lib/broccoli/default-packager.js:374-384 builds
 * `new ConfigReplace(new UnwatchedDir(__dirname), configTree, { files: EMBER_CLI_FILES, … })` and
 * `new Funnel(emberCLITree, { files: EMBER_CLI_FILES, … })`, `EMBER_CLI_FILES` a module-level list
 * of names ('app-boot.js', 'vendor-prefix.js', …, lines 23-34): those files beside the packager are
 * read, filled in and concatenated into every app's vendor.js and app.js. Nothing imports them, and
 * census called the 10 dead.
 *
 * Read: a call whose first argument is the module's folder as a Broccoli input (`__dirname`, or
 * `new UnwatchedDir(__dirname)` / `new WatchedDir(__dirname)`) and whose options object (a later
 * argument, an object literal) has `files:` with a literal list of strings or a name the module
 * declares once at a line's start as `const|let|var NAME = [ …strings… ]`. Each name is a path
 * below the module's folder; an existing file there is a reference from the module, with the
 * call's line. Where it stops: a tree of another folder (`new Funnel('vendor', { files })`, a
 * parameter), a list with anything but string literals, a name declared twice or not as a list,
 * `include`/`exclude` globs (other rules), a call in a comment. Cost: only files with the `dirname`
 * text mark whose text holds `files` and a Broccoli own-folder input are read.
 */
import { dirname, joinRepo } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { folderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { blankedText } from './blanked-texts.js';
import { functionRegion } from './function-region.js';
import { literalValue } from './parameter-values.js';
import { codeFilesMarked, fileReference } from './support.js';

/** The module's folder as a Broccoli input, at the start of a call's first argument. */
const OWN_FOLDER_INPUT = /^(?:new\s+(?:Unwatched|Watched)Dir\s*\(\s*__dirname\s*\)|__dirname)$/;
/** A local as a Broccoli input: `new UnwatchedDir(testemPath)` (Stop 63), the folder read from its assignments. */
const HELD_FOLDER_INPUT = /^new\s+(?:Unwatched|Watched)Dir\s*\(\s*([A-Za-z_$][\w$]*)\s*\)$/;
/** The cheap check before a file is searched: an own-folder input, or a directory input of a name, spelled somewhere. */
const OWN_FOLDER_MARK = /(?:Unwatched|Watched)Dir\s*\(\s*[\w$]+\s*\)|\(\s*__dirname\s*,\s*\{/;
/** A call whose first argument may be such an input: `Name(__dirname` or `Name(new UnwatchedDir(__dirname)`. */
const CALL = /[\w$]\s*\(\s*(?=__dirname\b|new\s+(?:Unwatched|Watched)Dir\s*\()/g;
/** `files:` at the top level of an options object, and its value's first character. */
const FILES_KEY = /(?:^|[{,]\s*)files\s*:\s*/;
/** Funnel's `srcDir:`, which the `files` are relative to, and its value. */
const SRC_DIR_KEY = /^srcDir\s*:\s*/;
/** An assignment to `__dirname` (an ES module's own `const __dirname = …`), and the value up to the line's end. */
const DIRNAME_ASSIGNED = /(?<![\w$.])__dirname\s*=(?![=>])\s*([^;\n]*)/g;
const NAME = /^[A-Za-z_$][\w$]*$/;

/** The strings of a `[ … ]` literal (comments already blanked), or null when an element is anything else. */
const stringList = (list: string): string[] | null => {
  const parts = splitArgs(list.slice(1, -1)).map((p) => p.trim());
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 0) return null;
  const out: string[] = [];
  for (const p of parts) {
    const v = literalValue(p);
    if (v === null) return null;
    out.push(v);
  }
  return out;
};

/** The list a name is declared once to hold, at a line's start (`const EMBER_CLI_FILES = [ … ]`), or null. */
const declaredList = (text: string, name: string): string[] | null => {
  const decls = [...text.matchAll(new RegExp(String.raw`^[ \t]*(?:export\s+)?(?:const|let|var)\s+${escapeRegExp(name)}\s*=\s*`, 'gm'))];
  if (decls.length !== 1) return null;
  const at = (decls[0].index ?? 0) + decls[0][0].length;
  if (text[at] !== '[') return null;
  // assigned again anywhere (`NAME = …`, not `NAME ==`): the list is not the value the call sees
  if (new RegExp(String.raw`(?<![\w$.])${escapeRegExp(name)}\s*=(?!=)`, 'g').exec(text.slice(at)) !== null) return null;
  const list = balancedText(text, at, 20_000);
  return list === null ? null : stringList(list);
};

/**
 * The folder a local holds at a call (Stop 63, ember-cli's lib/broccoli/default-packager.js:964-965:
 * `let testemPath = path.join(__dirname, 'testem'); testemPath = path.dirname(testemPath);`, then
 * `new UnwatchedDir(testemPath)`): each assignment of the name in the function around the call, before
 * it, in order, is a folder expression (folder-expr.ts) or `path.dirname(NAME)` of the value before;
 * null when one is anything else or none is there. The assignments are taken in text order, so a
 * name set in one branch and again in another is read as the last one.
 */
const heldFolder = (text: string, name: string, at: number, file: string): { folder: string; steps: string } | null => {
  const start = functionRegion(text, at).start;
  const set = new RegExp(String.raw`(?<![\w$.])(?:(?:let|const|var)\s+)?${escapeRegExp(name)}\s*=(?![=>])\s*([^;\n]+)`, 'g');
  set.lastIndex = start;
  const parentOfSelf = new RegExp(String.raw`^(?:path\s*\.\s*)?dirname\s*\(\s*${escapeRegExp(name)}\s*\)$`);
  let folder: string | null = null;
  const steps: string[] = [];
  for (let m = set.exec(text); m !== null && m.index < at; m = set.exec(text)) {
    const value = m[1].trim();
    if (parentOfSelf.test(value)) {
      if (folder === null || folder === '') return null;
      folder = dirname(folder);
    } else {
      folder = folderOf(value, file, text);
      if (folder === null) return null;
    }
    steps.push(`${name} = ${value} at line ${lineAt(text, m.index)}`);
  }
  return folder === null ? null : { folder, steps: `, ${steps.join(', ')}` };
};

interface Listed {
  from: string;
  target: string;
  line: number;
  label: string;
}

/**
 * `__dirname` is the module's folder unless the module gives the name another value (review
 * s63-rv2: `const __dirname = path.resolve()` is the working folder): every assignment must be the
 * module's own folder again (`dirname(fileURLToPath(import.meta.url))`).
 */
const dirnameIsOwnFolder = (file: string, text: string): boolean => {
  for (const m of text.matchAll(DIRNAME_ASSIGNED)) if (folderOf(m[1].trim(), file, text) !== dirname(file)) return false;
  return true;
};

/** The folder the listed files are relative to: the tree's, or a literal `srcDir:` below it (Funnel); null for a srcDir census cannot read. */
const filesFolder = (treeFolder: string, parts: string[]): string | null => {
  const srcDir = parts.find((p) => SRC_DIR_KEY.test(p));
  if (srcDir === undefined) return treeFolder;
  const value = literalValue(srcDir.replace(SRC_DIR_KEY, ''));
  return value === null ? null : joinRepo(treeFolder, value.replace(/^\.\//, ''));
};

const listedFiles = perScan((ctx: FrameworkContext): Listed[] => {
  const out: Listed[] = [];
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    const written = ctx.readText(file) ?? '';
    // a Broccoli plugin module is required (broccoli-funnel, broccoli-source, …): another API's `(__dirname, { files })` may delete or pack them
    if (!written.includes('files') || !written.includes('broccoli') || !OWN_FOLDER_MARK.test(written)) continue;
    const text = blankedText(ctx, file, written);
    if (!dirnameIsOwnFolder(file, text)) continue;
    let spans: number[] | undefined;
    for (const m of text.matchAll(CALL)) {
      // a call spelled in a string (a code generator's template) builds no tree here
      if (insideQuoted(text, (spans ??= quotedSpans(text)), m.index ?? 0)) continue;
      const paren = text.indexOf('(', m.index ?? 0);
      const args = balancedText(text, paren, 20_000);
      if (args === null) continue;
      const [first, ...rest] = splitArgs(args.slice(1, -1)).map((a) => a.trim());
      if (first === undefined) continue;
      const held = OWN_FOLDER_INPUT.test(first) ? null : HELD_FOLDER_INPUT.exec(first);
      const tree = held === null ? (OWN_FOLDER_INPUT.test(first) ? { folder: dirname(file), steps: '' } : null) : heldFolder(text, held[1], paren, file);
      if (tree === null) continue;
      const whose = tree.folder === dirname(file) ? 'its own folder' : tree.folder;
      for (const options of rest) {
        if (!options.startsWith('{')) continue;
        const inner = options.slice(1, -1);
        // the key at the options object's own level, not inside a nested value
        const parts = splitArgs(inner).map((p) => p.trim());
        const key = parts.find((p) => FILES_KEY.test(p) && p.startsWith('files'));
        if (key === undefined) continue;
        const folder = filesFolder(tree.folder, parts);
        if (folder === null) continue;
        const value = key.replace(FILES_KEY, '').trim();
        const names = value.startsWith('[') ? stringList(value) : NAME.test(value) ? declaredList(text, value) : null;
        if (names === null) continue;
        const line = lineAt(text, paren);
        const input = first.replace(/\s+/g, ' ');
        const below = folder === tree.folder ? '' : `, srcDir ${folder}`;
        for (const name of names) {
          const target = joinRepo(folder, name.replace(/^\.\//, ''));
          if (target === null || target === file || !ctx.files.has(target)) continue;
          out.push({ from: file, target, line, label: `${file}:${line}, which lists it in the files of a Broccoli tree of ${whose} (${input}${tree.steps}${below}${NAME.test(value) ? `, files: ${value}` : ''})` });
        }
      }
    }
  }
  return out;
});

const broccoliOwnFiles: FrameworkReader = {
  id: 'broccoli-own-files',
  title: "files a Broccoli tree of a module's own folder lists",
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = listedFiles(ctx)[0];
    return first ? `${first.from}:${first.line} lists ${first.target} in a Broccoli tree of its folder` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const l of listedFiles(ctx)) out.references.push(fileReference(l.from, l.target, l.line, l.label));
    return out;
  },
};

export default broccoliOwnFiles;
