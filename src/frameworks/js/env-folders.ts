/**
 * Stop 59: a folder a module puts in an environment variable and other modules read back as the
 * base of their paths. homebridge-config-ui-x's dist/env-setup.js sets
 * `process.env.UIX_BASE_PATH = process.env.UIX_BASE_PATH_OVERRIDE || resolve(__dirname, '../')`, and
 * the server serves `resolve(process.env.UIX_BASE_PATH, 'public')`, forks
 * `resolve(process.env.UIX_BASE_PATH, 'scripts/extract-plugin-alias.js')` and runs
 * `resolve(process.env.UIX_BASE_PATH, 'dist', 'bin', 'standalone.js')`: no path names the package's
 * folder but the variable. Read from the text, never run:
 *
 * - a read `process.env.NAME` (or `process.env['NAME']`) given to folder-expr.ts as a base names the
 *   folder every assignment `process.env.NAME = VALUE` of the scan's JS files spells, when VALUE is
 *   a folder folder-expr.ts settles on its own (`__dirname`, a join onto it, a workspace package's folder);
 * - `process.env.OTHER || VALUE` (or `??`) is read as VALUE: the override is unset in an install
 *   nobody configured, and VALUE is the folder the package ships with;
 * - one assignment census cannot read (`process.env.NAME = argv.dir`), or two that name different
 *   folders, and the variable names nothing: the folder would depend on which ran. A variable no
 *   repo file assigns (set by the user's shell or a service file) names nothing either.
 *
 * Every JS file of the scan is read for assignments, once per scan and only when a path is joined
 * onto a variable: an assignment in a file that spells no folder is what makes it unknown.
 *
 * Every reader that settles a folder expression reads such a base (folder-scope.ts: a static folder
 * `express.static(path.join(process.env.APP_ROOT, 'public'))`). The reader here reads the paths
 * themselves: a `path.join`/`path.resolve` (or a bare `join`/`resolve`) of `process.env.NAME` and
 * string literals only, that ends at an existing JS/TS file of the scan, is a reference from the
 * module that spells it, as anchored-paths.ts reads a join onto `__dirname`; one read or copied as
 * bytes says so, and one only written, removed or tested for names nothing. A script or a file of
 * another kind is left alone (what runs it is not in the text: homebridge-config-ui-x hands
 * `scripts/upgrade-install-plugin.sh` to its own `runNpmCommand`).
 */
import { lineAt } from '../../util/lines.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { ENV_OVERRIDE, folderOf, literalTexts, type FolderScope } from '../../languages/javascript/folder-expr.js';
import { asSource } from '../../languages/javascript/compiled-interop.js';
import { byteUse, codeFilesMarked, jsCodeFiles, labelledReferences, type LabelledReference } from './support.js';
import { joinRepo } from '../../util/path.js';
import { folderScopeOf } from './folder-scope.js';
import { PATH_NAMES, dataUseNote } from './anchored-paths.js';
import { testRoots } from '../test-roots.js';
import { blankedText } from './blanked-texts.js';
import { agreedFolder, type NamedFolder } from './agreed-folder.js';

/**
 * `process.env.NAME` / `process.env['NAME']`: the name is group 1 or 3 (group 2 is the quote). Each
 * pattern below that names the variable starts with it, so their groups are numbered alike.
 */
const ENV_VARIABLE = String.raw`process\s*\.\s*env\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(["'])([A-Za-z_$][\w$]*)\2\s*\])`;
/** A read of a variable, the whole expression. */
const ENV_READ = new RegExp(String.raw`^${ENV_VARIABLE}$`);

/** `process.env.NAME = value` (not `==`, `=>`): the name (group 1 or 3) and the value to the end of the statement or line (group 4). */
const ASSIGNMENT = new RegExp(String.raw`(?<![\w$.])${ENV_VARIABLE}\s*=(?![=>])\s*([^;\n]+)`, 'g');

/** Whether a text may hold an assignment: the blanking of comments is paid only by those that do. */
const ASSIGNMENT_START = /process\s*\.\s*env\s*(?:\.\s*[A-Za-z_$][\w$]*|\[[^\]\n]*\])\s*=(?![=>])/;

/** The value an install nobody configured gets: the fallback of an override, else the value itself. */
const defaultValue = (value: string): string => value.replace(ENV_OVERRIDE, '').trim();

interface Assignment {
  file: string;
  at: number;
  value: string;
}

/**
 * Every `process.env.NAME = …` of the scan's JS files, by NAME. All files are read (once, and only
 * when some path is joined onto a variable): an assignment in a file that spells no folder
 * (`process.env.DATA_DIR = argv.dataDir`) is what makes the variable's folder unknown.
 */
const envAssignments = perScan((ctx: FrameworkContext): Map<string, Assignment[]> => {
  const out = new Map<string, Assignment[]>();
  for (const file of jsCodeFiles(ctx)) {
    const written = ctx.readText(file) ?? '';
    if (!written.includes('process') || !ASSIGNMENT_START.test(written)) continue;
    // An assignment in a comment (`// process.env.ROOT = path.resolve(__dirname, '..')`, an old default) sets nothing:
    // the variable is the user's shell's, and what it names is not in the tree. Blanked only for a file that assigns one.
    const text = blankedText(ctx, file, written);
    for (const m of text.matchAll(ASSIGNMENT)) {
      const name = m[1] ?? m[3];
      const list = out.get(name) ?? [];
      list.push({ file, at: m.index ?? 0, value: m[4].trim() });
      out.set(name, list);
    }
  }
  return out;
});

/** A folder of tests (`test/`, `__tests__/`, `spec/`, `fixtures/`): a file there runs under a test runner, never in an install. */
const TEST_FOLDER = /(?:^|\/)(?:tests?|__tests__|specs?|__mocks__|fixtures?|e2e)\//;

/** Whether a file runs for the tests only: a test root (a runner collects it) or a file of a test folder. */
const testSide = (ctx: FrameworkContext, file: string): boolean => TEST_FOLDER.test(file) || testRoots(ctx).has(file);

/**
 * The folder every assignment of `process.env.NAME` names, by name; null when none does or they
 * disagree. A test's assignment (`process.env.PLUGINS_DIR = path.join(__dirname, 'fixtures')` in
 * test/setup.js) sets the variable for the tests alone: it settles a read in a test, never one in
 * the code an install runs, where the user sets it (its fixtures would be called production).
 */
const assignedFolders = perScan((ctx: FrameworkContext) => {
  const known = new Map<string, NamedFolder | null>();
  return (name: string, scope: FolderScope, forTests: boolean): NamedFolder | null => {
    const key = `${forTests ? 't' : 'p'}:${name}`;
    if (known.has(key)) return known.get(key) ?? null;
    // a variable set from itself (`process.env.A = path.join(process.env.A, 'x')`) names nothing
    known.set(key, null);
    const named = function* () {
      for (const a of envAssignments(ctx).get(name) ?? []) {
        if (!forTests && testSide(ctx, a.file)) continue;
        const text = ctx.readText(a.file) ?? '';
        const folder = folderOf(defaultValue(a.value.replace(/,$/, '')), a.file, text, scope);
        yield { folder, why: () => `process.env.${name} = ${a.value} at ${a.file}:${lineAt(text, a.at)}` };
      }
    };
    const result = agreedFolder(named());
    known.set(key, result);
    return result;
  };
});

/** The folder an environment variable read (`process.env.UIX_BASE_PATH`) in `file` names, with the assignment that set it, or null. */
export const envFolder = (ctx: FrameworkContext, expr: string, scope: FolderScope, file: string): NamedFolder | null => {
  const m = ENV_READ.exec(expr.trim());
  return m === null ? null : assignedFolders(ctx)(m[1] ?? m[3], scope, testSide(ctx, file));
};

/** Whether `expr` is a read of an environment variable (envFolder's to settle, no other setting's). */
export const isEnvRead = (expr: string): boolean => ENV_READ.test(expr.trim());

/** A join of `process.env.NAME` and string literals only: the variable's name (group 1 or 3) and the literal parts (group 4). */
const ENV_JOIN = new RegExp(String.raw`(?:\bpath\s*\.\s*|(?<![\w$.]))(?:join|resolve)\(\s*${ENV_VARIABLE}\s*((?:,\s*(?:"[^"\n]*"|'[^'\n]*'|\`[^\`$\n]*\`)\s*)+),?\s*\)`, 'g');
/** What a join onto the variable's folder may name here: a JS/TS module. */
const CODE = /\.[cm]?[jt]sx?$/;

const envJoins = perScan((ctx: FrameworkContext): LabelledReference[] => {
  const out: LabelledReference[] = [];
  const scope = folderScopeOf(ctx);
  // A join's own words are no text mark: the files that load or spell a folder are asked (a module with only
  // static imports and no folder of its own is not), and read only when they spell process.env.
  for (const file of codeFilesMarked(ctx, ['dirname', 'require(', 'import('])) {
    const written = ctx.readText(file) ?? '';
    if (!written.includes('process') || !written.includes('env')) continue;
    // A join in a comment (`// fork(path.resolve(process.env.ROOT, 'old.js'))`) names nothing; strings are kept.
    const text = asSource(blankedText(ctx, file, written), PATH_NAMES);
    for (const m of text.matchAll(ENV_JOIN)) {
      const name = m[1] ?? m[3];
      const parts = literalTexts(m[4]);
      const last = parts[parts.length - 1] ?? '';
      // Most joins name a file the user keeps (a config, a log): the folder is settled only for a code file's name.
      if (!CODE.test(last)) continue;
      const base = assignedFolders(ctx)(name, scope, testSide(ctx, file));
      const target = base === null ? null : joinRepo(base.folder, ...parts);
      if (base === null || target === null || target === file || !ctx.files.has(target)) continue;
      const at = m.index ?? 0;
      const bytes = byteUse(text, at);
      if (bytes === 'content-free') continue;
      const use = bytes === null ? '' : dataUseNote(text, file, at, bytes);
      const line = lineAt(text, at);
      out.push({ from: file, target, line, label: `${file}:${line} names ${target} by ${m[0].replace(/\s+/g, ' ')}${use} (${base.why})` });
    }
  }
  return out;
});

const envFolders: FrameworkReader = {
  id: 'env-folders',
  title: 'files named by a path joined onto a folder an environment variable holds (process.env.NAME = __dirname …)',
  ecosystem: 'javascript',
  ...labelledReferences(envJoins),
};

export default envFolders;
