/**
 * Stop 61: a Django management command built on `TemplateCommand` (the machinery of startapp and
 * startproject) copies every file of its template folder into the app it creates, rendering them on
 * the way. Horizon's startdash.py:24 `template = os.path.join(horizon.__path__[0], "conf",
 * "dash_template")` and startpanel.py:24 (`panel_template`): the files there (`__init__.py`,
 * `views.py`, a `static/dash_name/js/dash_name.js`) are read as templates by that command, never
 * imported, so census saw them dead. Each gets an edge from the command's file, which is what runs
 * it: alive as far as the command is (an operator's tool).
 *
 * The rule: a .py file whose imports name `TemplateCommand` and whose text assigns `template =`
 * a join of a head and literal segments only, the head `P.__path__[0]` (P a package the file's own
 * import finds: its folder), `os.path.dirname(P.__file__)` (likewise) or
 * `os.path.dirname(__file__)` (the file's folder). Every repo file below the folder so named is
 * one of its templates. A computed segment, another head, a folder not in the repo give nothing.
 */
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { listedPaths, pathsWithPrefix } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { bindingsOf } from './loader-calls.js';
import { asksImport, importQuestion } from './python-files.js';

const BASE = 'TemplateCommand';
/** `template = os.path.join(HEAD, 'a', "b")` at the start of a line (a class attribute or a plain name). */
const TEMPLATE = /^[ \t]*template[ \t]*=[ \t]*(?:os\.)?path\.join\([ \t]*([\w.]+(?:\((?:[^()\n]|\([^()\n]*\))*\))?(?:\[[ \t]*0[ \t]*\])?)[ \t]*((?:,[ \t]*(['"])[\w.-]+\3[ \t]*)+)\)/gm;
const PACKAGE_PATH = /^([A-Za-z_][\w.]*)\.__path__\[\s*0\s*\]$/;
const PACKAGE_FILE = /^(?:os\.)?path\.dirname\(\s*([A-Za-z_][\w.]*)\.__file__\s*\)$/;
/** `dirname(__file__)`, also of its absolute or real path (`os.path.dirname(os.path.abspath(__file__))`). */
const OWN_FILE = /^(?:os\.)?path\.dirname\(\s*(?:(?:os\.)?path\.(?:abspath|realpath)\(\s*__file__\s*\)|__file__)\s*\)$/;

/**
 * An import listing TemplateCommand, asked in the scan's one walk of the imports (python-files
 * importQuestion): each file's imports and their names were walked here, twice (issue 19: saleor's
 * 4,337 files, for none).
 */
const IMPORTS_TEMPLATE_COMMAND = importQuestion([], [BASE]);

const importsTemplateCommand = (ctx: FrameworkContext, file: string): boolean => asksImport(ctx, IMPORTS_TEMPLATE_COMMAND, file);

/**
 * The repo folder a head names, seen from `file`; null when it is none of the three forms or not the repo's.
 * Review of stop 61: P is the package the file's own import binds to that name (`import site as dash` makes
 * `dash.__path__[0]` site's folder), not whatever module is called P.
 */
const headFolder = (ctx: FrameworkContext, file: string, head: string): string | null => {
  if (OWN_FILE.test(head)) return dirname(file);
  const pkg = PACKAGE_PATH.exec(head)?.[1] ?? PACKAGE_FILE.exec(head)?.[1];
  if (pkg === undefined) return null;
  const init = bindingsOf(ctx, file, ctx.facts(file)?.imports ?? []).modules.get(pkg);
  return init !== undefined && basename(init) === '__init__.py' ? dirname(init) : null;
};

export const collectDjangoTemplateCommands = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
    const file = listed[at];
    // The cheap fact first: nearly no file imports TemplateCommand.
    if (!file.endsWith('.py') || !importsTemplateCommand(ctx, file)) continue;
    const text = ctx.readText(file);
    if (text === null || !new RegExp(`\\b${BASE}\\b`).test(text)) continue;
    for (const m of text.matchAll(TEMPLATE)) {
      const head = headFolder(ctx, file, m[1].trim());
      if (head === null) continue;
      const segments = [...m[2].matchAll(/(['"])([\w.-]+)\1/g)].map((s) => s[2]);
      const folder = joinRepo(head, segments.join('/'));
      if (folder === null || folder === '' || segments.some((s) => s === '..' || s === '.')) continue;
      const line = lineAt(text, m.index ?? 0);
      const label = `loaded by ${file}:${line} as a template: its Django TemplateCommand copies and renders every file of ${folder}/ into each app it creates`;
      for (const target of pathsWithPrefix(ctx.files, `${folder}/`)) if (target !== file) out.references.push({ from: file, target, targetKind: 'file', line, label });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'django-template-commands',
  title: "Django TemplateCommand template folders (startapp's machinery)",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    for (let at = 0, listed = listedPaths(ctx.files); at < listed.length; at++) {
      const f = listed[at];
      if (f.endsWith('.py') && importsTemplateCommand(ctx, f)) return `${f} imports ${BASE}`;
    }
    return null;
  },
  collect: collectDjangoTemplateCommands,
};

export default reader;
