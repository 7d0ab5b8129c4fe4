/**
 * What Etherpad's own server hands to browsers as files, which nothing imports. Core
 * (`ep_etherpad-lite`) serves two folders of its package:
 *
 * - `static/`, at `/static/…`, by `node/utils/Minify` (`ROOT_DIR = path.join(settings.root,
 *   'src/static/')`, every request below it read from disk, minified or not). The pad and timeslider
 *   pages load its scripts with `<script src="../static/js/…">` and `require('ep_etherpad-lite/static/js/…')`
 *   through Etherpad's CommonJS loader, the bundles `node/utils/tar.json` lists are concatenated from
 *   it, and the skin's scripts (`static/skins/<settings.skinName>/pad.js`) are picked by a setting.
 *   So each script below core's `static/` is a reference from the Minify module: alive when
 *   Etherpad's server is.
 * - `tests/frontend/`, at `/tests/frontend/…`, by `node/hooks/express/tests` (`res.sendFile(path.join(
 *   rootTestFolder, file))`): the browser test page (`index.html`), its runner and helpers, and the
 *   libraries it loads. Each script there is a test root (the specs below it are already, by the
 *   etherpad-plugins reader).
 *
 * Both rules follow the serving module: no Minify module in core's package, no served `static/`;
 * no tests module, no test page.
 */
import { pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { codeFileAt, fileReference, jsPackages, type JsPackage } from './support.js';

const CORE = 'ep_etherpad-lite';
const CODE = /\.[cm]?[jt]sx?$/;

interface Server {
  pkg: JsPackage;
  /** The module that serves the folder. */
  file: string;
  /** The folder it serves, repo-relative. */
  folder: string;
  /** The line that names the folder, when the module says it in one. */
  line: number | undefined;
}

const corePackages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => p.json.name === CORE);

/** The first line of `file` matching `pattern` (the folder the module names), if any. */
const lineNaming = (ctx: FrameworkContext, file: string, pattern: RegExp): number | undefined => {
  const text = ctx.readText(file) ?? '';
  const m = pattern.exec(text);
  return m ? lineAt(text, m.index) : undefined;
};

const serverOf = (ctx: FrameworkContext, pkg: JsPackage, module: string, folder: string, names: RegExp): Server | null => {
  const base = joinRepo(pkg.dir, module);
  const file = base === null ? null : codeFileAt(ctx, base);
  const dir = joinRepo(pkg.dir, folder);
  if (file === null || dir === null) return null;
  return { pkg, file, folder: dir, line: lineNaming(ctx, file, names) };
};

/** Code files below a served folder, outside node_modules, not the server itself. */
const servedScripts = (ctx: FrameworkContext, s: Server): string[] =>
  pathsWithPrefix(ctx.files, `${s.folder}/`).filter((f) => CODE.test(f) && !f.includes('node_modules/') && f !== s.file);

const at = (s: Server): string => `${s.file}${s.line ? `:${s.line}` : ''}`;

const collectStatic = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const s = serverOf(ctx, pkg, 'node/utils/Minify', 'static', /['"`](?:src\/)?static\/?['"`]/);
  if (s === null) return;
  for (const target of servedScripts(ctx, s)) {
    out.references.push(fileReference(s.file, target, s.line, `${at(s)} serves ${s.folder}/ to browsers at /static/ (Etherpad's pages load its scripts, its tar.json bundles and the configured skin from there)`));
  }
};

const collectTestPage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  const s = serverOf(ctx, pkg, 'node/hooks/express/tests', 'tests/frontend', /['"`](?:src\/)?tests\/frontend\/?['"`]/);
  if (s === null) return;
  for (const target of servedScripts(ctx, s)) {
    out.entries.push({
      source: s.file,
      target,
      targetKind: 'file',
      kind: 'test',
      ...(s.line ? { line: s.line } : {}),
      evidence: `${at(s)} serves ${s.folder}/ as Etherpad's browser test page (/tests/frontend)`,
    });
  }
};

const etherpadCoreServing: FrameworkReader = {
  id: 'etherpad-core-serving',
  title: "Etherpad core's served folders (static/ by its Minify module, the tests/frontend page)",
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const core = corePackages(ctx)[0];
    return core ? `${core.manifest} is Etherpad's core package (${CORE})` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of corePackages(ctx)) {
      collectStatic(ctx, pkg, out);
      collectTestPage(ctx, pkg, out);
    }
    return out;
  },
};

export default etherpadCoreServing;
