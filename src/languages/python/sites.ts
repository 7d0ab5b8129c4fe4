/**
 * The token pass after the statement walk, over the tokens the scanner noted (not every token):
 * notes dotted names that may be calls census cares about (resolved in calls.ts once every import
 * is known) and reads string literals that name modules; the scanner counted the branch points.
 *
 * Complexity is a cheap approximation: 1 + the number of `if`, `elif`, `for`, `while`, `except`,
 * `with`, `and`, `or` tokens and `case` clauses. So comprehension `if`/`for` and conditional
 * expressions count too, `else` does not.
 */
import type { Frame } from './frames.js';
import { entryPointTarget, isModuleName, mayBeEntryPoint, moduleAttrAt, stringList, stringValue } from './literals.js';
import { callArgs, isOp, splitTop } from './ranges.js';
import type { ExtractState } from './state.js';
import type { PythonTokens } from './tokenize.js';
import { Kind, Op, StringFlag, Word } from './tokens.js';
import { importsGraphqlLibrary, noteTypePaths } from './type-paths.js';
import { importsDjangoTest, noteSettingSwaps } from './setting-swaps.js';
import { execImportAt } from './exec-imports.js';
import { holdsImportLine, MAX_TEMPLATE_LINES } from './template-imports.js';
import { noteModuleArg } from './module-args.js';

const NO_NAMES: number[] = [];

/** Names (Word.None) whose text is in `renamed` and that are not an attribute (`x.sh`), in order. */
const renamedNames = (t: PythonTokens, renamed: Set<string>): number[] => {
  const out: number[] = [];
  const kinds = t.kind;
  const values = t.value;
  for (let i = 0; i < t.count; i++) {
    if (kinds[i] === Kind.Name && values[i] === Word.None && renamed.has(t.text.slice(t.start[i], t.end[i])) && !isOp(t, i - 1, Op.Dot)) out.push(i);
  }
  return out;
};

/**
 * Visits the tokens the scanner noted (tokenize.ts `notes`: the names of calls census reads and
 * the constant str literals), merged in token order with the names `renamed` holds, which only
 * files that import a known callee under another name have.
 */
export const scanTokens = (st: ExtractState, lineFrames: readonly Frame[], renamed: Set<string>): number => {
  const t = st.t;
  const kinds = t.kind;
  const values = t.value;
  const notes = t.notes;
  const noteCount = t.noteCount;
  // The frame of a token is its logical line's (statements.ts files each line under one).
  const lineFirst = t.lineFirst;
  const lines = t.lines;
  let seg = 0;
  const typePaths = st.typePaths;
  // Only graphene and strawberry take a type by its path: other files never pay for the test.
  const graphql = st.imports.some((i) => importsGraphqlLibrary(i.specifier));
  // Only a test that imports django.test swaps settings with its helpers.
  const djangoTest = st.imports.some((i) => importsDjangoTest(i.specifier));
  const extra = renamed.size > 0 ? renamedNames(t, renamed) : NO_NAMES;
  let x = 0;
  for (let j = 0; j < noteCount || x < extra.length; ) {
    if (x < extra.length && (j === noteCount || extra[x] < notes[j])) {
      const i = extra[x++];
      while (seg + 1 < lines && lineFirst[seg + 1] <= i) seg++;
      st.nameSites.push({ root: i, last: i, frame: lineFrames[seg] });
      continue;
    }
    const i = notes[j++];
    if (kinds[i] === Kind.Name) {
      switch (values[i]) {
        case Word.DunderImport:
        case Word.ImportModule:
        case Word.CommandCall:
        case Word.CliName: {
          let root = i;
          while (root >= 2 && kinds[root - 1] === Kind.Op && values[root - 1] === Op.Dot && kinds[root - 2] === Kind.Name) root -= 2;
          // `x().run`, `a[0].run`: not a plain dotted name.
          if (root > 0 && kinds[root - 1] === Kind.Op && values[root - 1] === Op.Dot) break;
          while (seg + 1 < lines && lineFirst[seg + 1] <= i) seg++;
          st.nameSites.push({ root, last: i, frame: lineFrames[seg] });
          break;
        }
        case Word.Include:
          includeReferences(st, i);
          break;
        case Word.AutodiscoverTasks:
          if (isOp(t, i + 1, Op.LParen)) autodiscoverModules(st, i + 1);
          break;
        case Word.SwapSettings:
          if (djangoTest) noteSettingSwaps(t, i, st.settingSwaps);
          break;
        case Word.Exec:
          // Stop 46: `exec("from .%s import %s" % (m, m))`, an import statement formatted at run time; a call in code
          // only (a docstring's or a comment's is no token). A hostile file of thousands costs no more than 200.
          if (isOp(t, i + 1, Op.LParen) && !isOp(t, i - 1, Op.Dot) && st.execImportLines.length < 200 && execImportAt(t.text, t.start[i])) st.execImportLines.push(t.line[i]);
          break;
      }
      continue;
    }
    // A constant str literal (the scanner notes no other string).
    if (graphql) noteTypePaths(t, i, typePaths);
    if ((values[i] & StringFlag.Triple) !== 0) {
      if (st.codeTemplateLines.length < MAX_TEMPLATE_LINES && holdsImportLine(t.text, t.start[i] + (values[i] >> StringFlag.PrefixShift) + 3, t.end[i] - 3)) st.codeTemplateLines.push(t.line[i]);
      continue;
    }
    // A one-line str literal: its content sits between one quote and the prefix.
    const start = t.start[i] + (values[i] >> StringFlag.PrefixShift) + 1;
    const end = t.end[i] - 1;
    // `'label.js'`: a script the module names by its file name (FileFacts.scriptNames); tested by its last three characters first.
    if (end - start > 3 && t.text.charCodeAt(end - 1) === 115 && t.text.charCodeAt(end - 2) === 106 && t.text.charCodeAt(end - 3) === 46) noteScriptName(st, t.text.slice(start, end), t.line[i]);
    // `"-m", "pkg.mod"`: a module the list runs with Python (FileFacts.moduleArgs); tested by its two characters first.
    if (end - start === 2 && t.text.charCodeAt(start) === 45 && t.text.charCodeAt(start + 1) === 109) noteModuleArg(t, i, st.moduleArgs);
    const target = moduleAttrAt(t.text, start, end) ?? (mayBeEntryPoint(t.text, start, end) ? entryPointTarget(t.text.slice(start, end)) : null);
    if (target !== null) st.facts.references.push({ target, form: 'module-attr', line: t.line[i], via: 'string literal' });
  }
  return 1 + st.caseClauses + t.branchWords;
};

/** A plain file name of a script (`autoadd.js`, not a path or a URL): deluge's plugins serve theirs as `get_resource('autoadd.js')`. */
const SCRIPT_NAME = /^[\w.-]+\.js$/;

const noteScriptName = (st: ExtractState, value: string, line: number): void => {
  if (SCRIPT_NAME.test(value)) st.scriptNames.push({ name: value, line });
};

const addModules = (st: ExtractState, names: string[] | null, line: number, via: string): void => {
  if (names === null || !names.every(isModuleName)) return;
  for (const target of names) st.facts.references.push({ target, form: 'module', line, via });
};

/** The dotted name right before index `open` (a call's callee), e.g. `app.conf.update`. */
const calleeBefore = (st: ExtractState, open: number): string => {
  const t = st.t;
  let i = open - 1;
  if (i < 0 || t.kind[i] !== Kind.Name) return '';
  let name = t.text.slice(t.start[i], t.end[i]);
  while (i >= 2 && isOp(t, i - 1, Op.Dot) && t.kind[i - 2] === Kind.Name) {
    i -= 2;
    name = `${t.text.slice(t.start[i], t.end[i])}.${name}`;
  }
  return name;
};

/**
 * Celery's `Celery(..., include=['pkg.tasks'])` (or `app.conf.update(include=[...])`), and
 * Django's `include('app.urls')` when `include` comes from django. Other `include=` keywords
 * (pydantic's field sets, for one) are not module names.
 */
const includeReferences = (st: ExtractState, i: number): void => {
  const t = st.t;
  if (isOp(t, i + 1, Op.Assign) && t.depth[i] > 0) {
    const d = t.depth[i];
    let open = i - 1;
    while (open >= 0 && !(t.depth[open] === d - 1 && isOp(t, open, Op.LParen))) open--;
    const callee = calleeBefore(st, open);
    if (!(callee === 'Celery' || callee.endsWith('.Celery') || callee.endsWith('conf.update'))) return;
    let end = i + 2;
    // The value runs to the next comma on this level or the call's closing bracket.
    while (end < t.count && t.depth[end] >= d && !(t.depth[end] === d && isOp(t, end, Op.Comma))) end++;
    addModules(st, stringList(t, i + 2, end), t.line[i], 'celery include');
  } else if (isOp(t, i + 1, Op.LParen) && !isOp(t, i - 1, Op.Dot) && st.aliases.get('include')?.startsWith('django.')) {
    firstArgModules(st, i + 1, 'django include', true);
  }
};

/**
 * Celery's `autodiscover_tasks(['pkg', ...], related_name='x')` (or `packages=[...]`, or the name
 * as the second argument) imports `pkg.x` for each package; `x` defaults to `tasks`. Without a
 * literal package list Celery uses the installed apps, which the Django reader knows.
 */
const autodiscoverModules = (st: ExtractState, open: number): void => {
  const t = st.t;
  const args = callArgs(t, open, t.count);
  if (!args) return;
  const packages = args.keywords.get('packages') ?? args.positional[0];
  const related = args.keywords.get('related_name') ?? args.positional[1];
  const name = related ? stringValue(t, related[0], related[1]) : 'tasks';
  if (!packages || name === null || !isModuleName(name) || splitTop(t, packages[0], packages[1]).length !== 1) return;
  const names = stringList(t, packages[0], packages[1]);
  addModules(st, names && names.map((p) => `${p}.${name}`), t.line[open], 'celery autodiscover_tasks');
};

/** Module names in the first argument of the call opened at `open`: a list, or one string. */
const firstArgModules = (st: ExtractState, open: number, via: string, single = false): void => {
  const t = st.t;
  const args = callArgs(t, open, t.count);
  const first = args?.positional[0];
  if (!first) return;
  if (single) {
    const value = stringValue(t, first[0], first[1]);
    if (value !== null && value.includes('.')) addModules(st, [value], t.line[open], via);
    return;
  }
  if (splitTop(t, first[0], first[1]).length === 1) addModules(st, stringList(t, first[0], first[1]), t.line[open], via);
};
