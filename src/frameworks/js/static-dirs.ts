/**
 * A folder an HTTP server hands to browsers as it is: `app.use(express.static(path.join(__dirname,
 * 'public')))` (Express's built-in serve-static, also written `express['static'](…)`) or `serveStatic(dir)`. Every script in it is
 * served to whoever asks — the pages' `<script src>`, an editor's lazily loaded modes, a worker —
 * so none of them is imported by the server and all of them would look dead. Node-RED's editor
 * is served this way from another workspace package:
 * `express.static(path.join(path.dirname(require.resolve("@node-red/editor-client")), 'public'))`.
 * Other servers' static folders are read the same way: `sirv(dir)`, koa-static's `serve(dir)` (under the
 * name the file binds it to), `fastify.register(fastifyStatic, { root: dir })` (@fastify/static, by the name
 * the file binds it to or its require written in the call: `register(require('@fastify/static'), { root })`);
 * a folder may also be a template that opens with an anchor (`${__dirname}/../public`), or go through a
 * `const` holding a conditional (`path.resolve(rootDir, 'public')`: each branch's folder that exists).
 * The folder must be anchored (see folder-expr.ts: `__dirname`, a workspace package's folder, or a
 * const holding one, or an nconf setting its config module's JSON settles, as Ghost serves its built
 * admin from `path.join(config.get('paths').adminAssets, 'assets')`); a bare `'public'` is relative
 * to wherever the process starts and is not followed. Each code file below the folder is a reference from the file that serves it.
 * A server compiled to CommonJS is read as its source (compiled-interop.ts): tsc's
 * `express_1.default.static(path_1.default.join(__dirname, 'public'))`, Babel's `(0, _serveStatic.default)(…)`,
 * esbuild's `import_express.default.static(…)`, `register(static_1.default, { root })`. A folder a path helper
 * of another repo module returns (`express.static(Utils.getFileFromRelativeToRoot('public'))`) is read through
 * that helper (imported-path-helpers.ts).
 *
 * Stop 59: NestJS's `app.useStaticAssets(dir, { prefix })` (its Express platform: serve-static under
 * it) and `app.useStaticAssets({ root: dir })` (its Fastify platform: @fastify/static) serve a folder
 * the same way: homebridge-config-ui-x's dist/main.js serves its built Angular UI by
 * `app.useStaticAssets({ root: resolve(process.env.UIX_BASE_PATH, 'public') })`.
 */
import { isFolder, pathsWithPrefix } from '../../util/file-index.js';
import { emptyFrameworkOutput, type FrameworkReader } from '../types.js';
import { explainedCandidatesOf, splitArgs, templateAsJoin } from '../../languages/javascript/folder-expr.js';
import { callArgsText, objectText, propertyOf } from './parameter-values.js';
import { escapeRegExp } from '../../util/regexp.js';
import { folderScopeOf } from './folder-scope.js';
import { codeFilesMarked, fileReference } from './support.js';
import { lineAt } from '../../util/lines.js';
import { perScan } from '../per-scan.js';
import { asSource } from '../../languages/javascript/compiled-interop.js';
import { helperFolders } from './imported-path-helpers.js';
import { blankedText } from './blanked-texts.js';

const CODE = /\.[cm]?[jt]sx?$/;
const STATIC_CALL = /\b(express\s*(?:\.\s*static|\[\s*["']static["']\s*\])|serveStatic|sirv)\(\s*([^()\n]*(?:\([^()\n]*(?:\([^()\n]*(?:\([^()\n]*\))?[^()\n]*\))?[^()\n]*\))?[^()\n]*?)\s*[,)]/g;
/** koa-static's default export under the name a file binds it to: `const serve = require('koa-static')`, `import serve from 'koa-static'`. */
const KOA_STATIC = /\b(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:[\w$.]+\(\s*)?require\(\s*(['"])koa-static\2\s*\)|import\s+([A-Za-z_$][\w$]*)\s+from\s*(['"])koa-static\4)/;
/** `const fastifyStatic = require('@fastify/static')` / `import fastifyStatic from 'fastify-static'`: the name `fastify.register(fastifyStatic, { root })` passes the plugin by (its require may also be written in the call). */
const FASTIFY_STATIC = /\b(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:[\w$.]+\(\s*)?require\(\s*(['"])(?:@fastify\/static|fastify-static)\2\s*\)|import\s+([A-Za-z_$][\w$]*)\s+from\s*(['"])(?:@fastify\/static|fastify-static)\4)/;
const REGISTER = /\.\s*register\s*\(/g;
/** NestJS's `app.useStaticAssets(…)`: a folder first, or an options object holding `root`. */
const NEST_STATIC_ASSETS = /\.\s*useStaticAssets\s*\(/g;
/** What every call this reader reads holds (see servedFolders). */
const STATIC_OR_SIRV = /tatic|sirv/;
/** The names source code gives the modules read here, which compiled code binds to names of its own. */
const SOURCE_NAMES: Record<string, string> = { express: 'express', 'serve-static': 'serveStatic', sirv: 'sirv', path: 'path', 'node:path': 'path', 'koa-static': 'koaStatic', '@fastify/static': 'fastifyStatic', 'fastify-static': 'fastifyStatic' };

interface Served {
  file: string;
  line: number;
  call: string;
  folder: string;
  /** The settings the folder expression went through: `config.get('paths').x = "…" from overrides.json:5`. */
  why: string[];
}

/** Every static folder a code file of the scan serves (found once per scan). */
export const servedFolders = perScan((ctx): Served[] => {
  const out: Served[] = [];
  // `express['static'](dir)` (how ES3-era and LiveScript/CoffeeScript output spell it: `static` was reserved)
  // holds no `tatic(` mark; an anchored folder there spells `dirname`, which is the mark asked for it.
  // NestJS's `useStaticAssets(` holds no `tatic(` and its folder need not spell `dirname` (a folder an environment variable holds).
  for (const file of codeFilesMarked(ctx, ['tatic(', 'dirname', 'StaticAssets'])) {
    const read = ctx.readText(file) ?? '';
    // Every call read below spells `tatic` (`static(`, `serveStatic(`, `koa-static`, `@fastify/static`,
    // `express['static']`) or `sirv(`: one pass for both, where the six tests below each walked the
    // whole text of a file holding none (payload: 476 of the 543 files asked, 4.8 MB).
    if (!STATIC_OR_SIRV.test(read)) continue;
    // Compiled CommonJS read as its source (compiled-interop.ts): tsc's `express_1.default.static(path_1.default.join(__dirname, 'public'))`,
    // Babel's `(0, _serveStatic.default)(…)`, `register(static_1.default, { root })` (verdaccio's and Node-RED's built servers).
    // A call in a comment (`// app.useStaticAssets(join(__dirname, '..', 'old-client'))`, a server's old folder) serves nothing.
    const text = asSource(blankedText(ctx, file, read), SOURCE_NAMES);
    // The bracket form's pattern only where its word is: most files asked hold neither call (payload: 530 of its 538 files marked dirname, 5.9 MB).
    const koa = text.includes('koa-static') ? KOA_STATIC.exec(text) : null;
    const koaName = koa === null ? null : (koa[1] ?? koa[3]);
    // The plugin's name where the file binds it; a file naming the plugin may also register its require inline
    // (`register(require('@fastify/static'), { root })`), bound to no name.
    const fastifyNamed = text.includes('@fastify/static') || text.includes('fastify-static');
    const fastify = fastifyNamed ? FASTIFY_STATIC.exec(text) : null;
    const nest = text.includes('useStaticAssets');
    if (!text.includes('static(') && !text.includes('serveStatic(') && !text.includes('sirv(') && koaName === null && !fastifyNamed && !nest && !(text.includes('express') && /express\s*\[\s*["']static["']\s*\]\s*\(/.test(text))) continue;
    const add = (index: number, call: string, expr: string) => {
      // A conditional `const` the folder goes through gives a candidate per branch, those of the scan (folder-expr.ts).
      const found = explainedCandidatesOf(templateAsJoin(expr), file, text, folderScopeOf(ctx));
      const own = found.length > 1 ? found.filter((f) => isFolder(ctx.files, f.folder)) : found;
      // A folder a path helper of another repo module builds (imported-path-helpers.ts): `express.static(Utils.fromRoot('public'))`.
      const folders = found.length > 0 ? own : helperFolders(ctx, file, text, expr, folderScopeOf(ctx));
      for (const f of folders) out.push({ file, line: lineAt(text, index), call, folder: f.folder, why: f.why });
    };
    // The pattern's greedy first part may run past the folder into the options (`sirv(`${root}/public`, { dev: true })`): the first argument is the folder.
    for (const m of text.matchAll(STATIC_CALL)) add(m.index ?? 0, m[1].replace(/\s+/g, '').replace(/\[["']static["']\]/, '.static'), splitArgs(m[2])[0] ?? m[2]);
    if (koaName !== null && koaName !== 'serveStatic' && koaName !== 'sirv') {
      for (const m of text.matchAll(new RegExp(String.raw`(?<![\w$.])${escapeRegExp(koaName)}\s*\(`, 'g'))) {
        const args = callArgsText(text, (m.index ?? 0) + m[0].length - 1);
        const first = args === null ? undefined : splitArgs(args)[0];
        if (first !== undefined) add(m.index ?? 0, `koa-static's ${koaName}`, first);
      }
    }
    if (fastifyNamed) {
      const plugin = fastify === null ? undefined : (fastify[1] ?? fastify[3]);
      for (const m of text.matchAll(REGISTER)) {
        const args = callArgsText(text, (m.index ?? 0) + m[0].length - 1);
        const [first, options] = args === null ? [] : splitArgs(args);
        if (first === undefined || (first !== plugin && !/^(?:await\s+)?(?:require|import)\(\s*(['"])(?:@fastify\/static|fastify-static)\1\s*\)$/.test(first))) continue;
        // The options written in the call, or the object a `const` of the file holds (as served-files reads sendFile's).
        const root = propertyOf(objectText(options, text), 'root');
        if (root !== null) add(m.index ?? 0, "@fastify/static's register", root);
      }
    }
    if (nest) {
      for (const m of text.matchAll(NEST_STATIC_ASSETS)) {
        const args = callArgsText(text, (m.index ?? 0) + m[0].length - 1);
        const first = args === null ? undefined : splitArgs(args)[0];
        if (first === undefined) continue;
        // `{ root: dir, … }` (the Fastify platform's options), else the folder itself (the Express platform's).
        const folder = first.trim().startsWith('{') ? propertyOf(objectText(first, text), 'root') : first;
        if (folder !== null) add(m.index ?? 0, "NestJS's useStaticAssets", folder);
      }
    }
  }
  return out;
});

const staticDirs: FrameworkReader = {
  id: 'static-dirs',
  title: 'folders an HTTP server serves to browsers as they are (express.static, serve-static)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = servedFolders(ctx)[0];
    return first ? `${first.file}:${first.line} ${first.call}() serves ${first.folder || '.'}` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const s of servedFolders(ctx)) {
      const prefix = s.folder === '' ? '' : `${s.folder}/`;
      for (const target of pathsWithPrefix(ctx.files, prefix)) {
        if (!CODE.test(target) || target.includes('node_modules/') || target === s.file) continue;
        const why = s.why.length === 0 ? '' : ` (${s.why.join('; ')})`;
        out.references.push(fileReference(s.file, target, s.line, `${s.file}:${s.line} serves ${s.folder || '.'} to browsers with ${s.call}()${why}`));
      }
    }
    return out;
  },
};

export default staticDirs;
