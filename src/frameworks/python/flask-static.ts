/**
 * Flask serves an app's static folder to browsers: `Flask(__name__)` serves `static/` beside the
 * module that makes it (the app's root path: a package's folder, or a module's), at `/static/…`,
 * and a page names each script with `url_for('static', filename='js/app.js')`. A blueprint serves
 * one only when it is given (`Blueprint('admin', __name__, static_folder='assets')`). No Python
 * file imports those scripts, so each `.js`/`.mjs` below the folder is an edge from the module
 * that makes the app or blueprint, as Django's staticfiles folders are. A literal `static_folder`
 * (a relative path; `None` serves nothing) replaces the default; one made at run time is a
 * warning naming the line.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { emptyFrameworkOutput } from '../types.js';
import { perScan } from '../per-scan.js';
import { callArguments } from './call-text.js';
import { packageImporters } from './python-files.js';

/** `Flask(`/`flask.Flask(` or `Blueprint(`/`flask.Blueprint(`, whose first argument is the module's `__name__`. */
const APP_CALL = /\b(Flask|Blueprint)\(\s*(?:['"][^'"]*['"]\s*,\s*)?__name__\b/g;
/** `static_folder=<value>` among a call's arguments. */
const STATIC_FOLDER = /^static_folder\s*=\s*([\s\S]+)$/;
/** A plain string literal, the whole value: `'assets'`, `"static/"`. */
const LITERAL = /^(['"])([^'"\n]*)\1$/;
const STATIC_SCRIPT = /\.m?js$/;

interface StaticFolder {
  file: string;
  line: number;
  kind: 'Flask' | 'Blueprint';
  folder: string;
  given: boolean;
}

/** The static folders the repo's Flask apps and blueprints serve, warnings for those made at run time, and every `Flask(__name__…)` app made. */
export const staticFolders = perScan((ctx: FrameworkContext): { folders: StaticFolder[]; diagnostics: Diagnostic[]; apps: { file: string; line: number }[] } => {
  const folders: StaticFolder[] = [];
  const diagnostics: Diagnostic[] = [];
  const apps: { file: string; line: number }[] = [];
  for (const file of packageImporters(ctx, 'flask', 'sorted')) {
    const text = ctx.readText(file);
    if (text === null || !(text.includes('Flask(') || text.includes('Blueprint('))) continue;
    APP_CALL.lastIndex = 0;
    for (let m = APP_CALL.exec(text); m !== null; m = APP_CALL.exec(text)) {
      const kind = m[1] as 'Flask' | 'Blueprint';
      const line = lineAt(text, m.index);
      if (kind === 'Flask') apps.push({ file, line });
      // An argument list census cannot split (unbalanced, or past folder-loaders' window) reads as one without static_folder.
      const args = callArguments(text, m.index + m[1].length) ?? [];
      const given = args.map((a) => STATIC_FOLDER.exec(a)?.[1].trim()).find((v) => v !== undefined);
      if (given === undefined) {
        if (kind === 'Flask') folders.push({ file, line, kind, folder: joinRepo(dirname(file), 'static') ?? 'static', given: false });
        continue;
      }
      if (given === 'None') continue; // nothing served
      const value = LITERAL.exec(given)?.[2];
      if (value === undefined) {
        diagnostics.push(warning('flask/not-static', `a ${kind} static_folder made at run time is not read: ${given.slice(0, 80)}`, file, line));
        continue;
      }
      const folder = value.startsWith('/') ? null : joinRepo(dirname(file), value.replace(/\/+$/, ''));
      if (folder !== null && folder !== '') folders.push({ file, line, kind, folder, given: true });
    }
  }
  return { folders, diagnostics, apps };
});

export const collectFlaskStatic = (ctx: FrameworkContext): FrameworkOutput => {
  const out = emptyFrameworkOutput();
  const { folders, diagnostics } = staticFolders(ctx);
  out.diagnostics.push(...diagnostics);
  for (const s of folders) {
    const how = s.given ? `static_folder ${s.folder}/` : `its default static folder ${s.folder}/`;
    for (const target of pathsWithPrefix(ctx.files, `${s.folder}/`)) {
      if (!STATIC_SCRIPT.test(target)) continue;
      out.references.push({ from: s.file, target, targetKind: 'file', line: s.line, label: `loaded by browsers: the Flask ${s.kind === 'Flask' ? 'app' : 'blueprint'} made at ${s.file}:${s.line} serves ${how} (a page names it with url_for('static', …))` });
    }
  }
  return out;
};

const reader: FrameworkReader = {
  id: 'flask-static',
  title: "Flask apps' and blueprints' static folders (scripts served to browsers)",
  ecosystem: 'python',
  enabledBy: (ctx) => {
    const first = staticFolders(ctx).folders[0] ?? null;
    const warned = staticFolders(ctx).diagnostics[0]?.location?.file ?? null;
    if (first !== null) return `${first.file}:${first.line} makes a Flask ${first.kind === 'Flask' ? 'app' : 'blueprint'}`;
    return warned === null ? null : `${warned} makes a Flask app`;
  },
  collect: collectFlaskStatic,
};

export default reader;
