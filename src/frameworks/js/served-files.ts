/**
 * Files a JS server hands out by a path census can compute, and scripts a browser loads by URL.
 *
 * Server side (Express and what copies its API): `res.sendFile(path.join(__dirname, 'public',
 * 'index.html'))` sends one file, and `res.sendFile('index.html', { root: path.join(__dirname,
 * 'public') })` one file below a folder; the path must be anchored (folder-expr.ts: `__dirname`, a
 * workspace package's folder, a const holding one). `app.set('views', path.join(__dirname, 'views'))`
 * with a view engine for an extension (`app.set('view engine', 'html')`, `app.engine('html', …)`)
 * makes `res.render('index')` render `views/index.html` (a name with an extension as it is): each
 * literal name rendered by a code file of the same package is looked up in each anchored views
 * folder with each extension the package registers. Each file found is a reference from the file
 * that sends or renders it, so a page a production server sends is reached from production and its
 * `<script src>` (html-pages) are production too.
 *
 * Browser side: `navigator.serviceWorker.register('sw.js')`, `new Worker('x.js')` /
 * `new SharedWorker('x.js')` with a plain string, and `importScripts('a.js', …)` name a script
 * the browser fetches. The first two are relative to the page's URL, the third to the worker's own
 * URL (a `/x` URL is from the site's root either way). The page is each page whose `<script src>`
 * loads the file (html-pages: its folder, its site root, and beside that root the package's `public/`,
 * which vite, Create React App and Next serve at `/` too); a file no page loads is resolved against
 * its own folder, and a `/x` URL against the static folder that serves it (static-dirs), else
 * against the site root html-pages gives the folder, else its package's `public/` (the folder the
 * package's bundler or dev server serves at `/`). Node's own `new Worker('x.js')` (worker_threads,
 * relative to the process's working folder) and the threads package's are left alone. Each script
 * found is a reference from the file that names it, so its kind is the kind of what loads that file.
 */
import { isFolder, pathsWithPrefix } from '../../util/file-index.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { explainedFolderOf, splitArgs, templateAsJoin } from '../../languages/javascript/folder-expr.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { folderScopeOf } from './folder-scope.js';
import { pageScripts } from './html-pages.js';
import { callArgsText, objectText, propertyOf } from './parameter-values.js';
import { servedFolders } from './static-dirs.js';
import { codeFilesMarked, enclosingPackages, labelledReferences, mayHold } from './support.js';

/**
 * Words one of the calls read here holds (`serviceWorker` holds `Worker`). The files read are those
 * whose marks (text-marks.ts) hold one, and each call's own word is tested before it is read; a view
 * engine counts only in a file holding one of them (the files' list was once filtered by this).
 */
const ANY_WORD = /[sS]endFile|sendfile|views|render\(|Worker|importScripts/;
const SEND_FILE = /\bsend[Ff]ile\s*\(/g;
const SET_VIEWS = /\.\s*set\s*\(\s*(['"])views\1\s*,/g;
const VIEW_ENGINE = /\.\s*set\s*\(\s*(['"])view engine\1\s*,\s*(['"])\.?([\w-]+)\2\s*\)|\.\s*engine\s*\(\s*(['"])\.?([\w-]+)\4\s*,/g;
const RENDER = /\.\s*render\s*\(\s*(['"`])([\w./-]+)\1/g;
const REGISTER = /\bserviceWorker\s*\.\s*register\s*\(\s*(['"`])([^'"`$\n]+)\1/g;
const NEW_WORKER = /\bnew\s+((?:Shared)?Worker)\s*\(\s*(['"`])([^'"`$\n]+)\2/g;
const IMPORT_SCRIPTS = /\bimportScripts\s*\(/g;
/**
 * `new Worker(joinUrl(base_url, 'search/worker.js'))`, `new Worker(baseUrl + 'search/worker.js')`: a
 * URL joined onto a base the page computes (mkdocs' search plugin: the site's root), whose literal
 * tail is a path below that base.
 */
const NEW_WORKER_TAIL = /\bnew\s+((?:Shared)?Worker)\s*\(\s*(?:[A-Za-z_$][\w$.]*\s*\(\s*[A-Za-z_$][\w$.]*\s*,\s*|[A-Za-z_$][\w$.]*\s*\+\s*)(['"`])([^'"`$\n]+)\2\s*\)?\s*[,)]/g;
const LITERAL = /^(["'`])([^"'`$\n]*)\1$/;
/** Node's workers: their bare path is relative to the process's working folder (walk.ts), or the threads package's (threads-workers.ts). */
const NODE_WORKERS = /(['"])(?:node:)?worker_threads\1|(['"])threads\2|\btiny-worker\b|\bweb-worker\b/;
const SCRIPT = /\.[cm]?[jt]sx?$/;
const PAGE = /\.html?$/;
/** A URL of another site or scheme: not a file of this repo. */
const REMOTE = /^[a-z][\w+.-]*:|^\/\//i;

interface ServedFile {
  from: string;
  line: number;
  target: string;
  label: string;
}

const literalOf = (expr: string | undefined): string | null => (expr === undefined ? null : (LITERAL.exec(expr.trim())?.[2] ?? null));

/** A call's arguments as the evidence quotes them: one line, at most 120 characters. */
const shortArgs = (args: string): string => {
  const flat = args.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
};

/** The innermost package folder holding `file` ('' for the repo's root or no package). */
const packageOf = (ctx: FrameworkContext, file: string): string => enclosingPackages(ctx, dirname(file))[0]?.dir ?? '';

interface Views {
  file: string;
  line: number;
  folder: string;
}

/** What the server side sends: `res.sendFile(…)` and `res.render(…)` through the views folders. */
const serverFiles = (ctx: FrameworkContext, files: readonly string[]): ServedFile[] => {
  const out: ServedFile[] = [];
  const scope = folderScopeOf(ctx);
  const views = new Map<string, Views[]>();
  const engines = new Map<string, Map<string, string>>();
  const renders: { file: string; text: string }[] = [];
  for (const file of files) {
    const text = ctx.readText(file) ?? '';
    // Each word asked of the text first of the file's marks (text-marks.ts): a word its marks lack is
    // not in it, and testing the text for it walked all of it (payload: 250 files, 3 MB, four words).
    if (mayHold(ctx, file, ['endFile', 'endfile']) && (text.includes('endFile') || text.includes('endfile'))) {
      for (const m of text.matchAll(SEND_FILE)) {
        const args = callArgsText(text, (m.index ?? 0) + m[0].length - 1);
        if (args === null) continue;
        const [first, options] = splitArgs(args);
        if (first === undefined) continue;
        const root = propertyOf(objectText(options, text), 'root');
        let target: string | null = null;
        let why: string[] = [];
        const name = literalOf(first);
        const line = lineAt(text, m.index ?? 0);
        const call = `${m[0].replace(/\s+/g, '')}${shortArgs(args)})`;
        const rootNote = root !== null && options !== undefined && !options.trim().startsWith('{') ? `, ${options.trim()}.root = ${root.trim()}` : '';
        if (root !== null) {
          const folder = explainedFolderOf(templateAsJoin(root), file, text, scope);
          if (folder === null) continue;
          why = folder.why;
          if (name === null) {
            // A name the request gives (`req.params[0]`) below an anchored root: the whole folder is served, as express.static serves one.
            const settings = why.length === 0 ? '' : ` (${why.join('; ')})`;
            for (const served of pathsWithPrefix(ctx.files, folder.folder === '' ? '' : `${folder.folder}/`)) {
              if (served === file || served.includes('node_modules/') || !(SCRIPT.test(served) || PAGE.test(served))) continue;
              out.push({ from: file, line, target: served, label: `loaded by browsers from ${file}:${line}, which sends any file below ${folder.folder || '.'}/ with ${call}${rootNote}${settings}` });
            }
            continue;
          }
          target = joinRepo(folder.folder, name.replace(/^\/+/, ''));
        } else if (name === null) {
          const found = explainedFolderOf(templateAsJoin(first), file, text, scope);
          if (found !== null) {
            target = found.folder;
            why = found.why;
          }
        }
        if (target === null || target === file || !ctx.files.has(target)) continue;
        const settings = why.length === 0 ? '' : ` (${why.join('; ')})`;
        out.push({ from: file, line, target, label: `loaded by browsers from ${file}:${line}, which sends it with ${call}${rootNote}${settings}` });
      }
    }
    if (mayHold(ctx, file, ['views']) && text.includes('views')) {
      for (const m of text.matchAll(SET_VIEWS)) {
        const args = callArgsText(text, text.indexOf('(', m.index ?? 0));
        const value = args === null ? undefined : splitArgs(args)[1];
        if (value === undefined) continue;
        const exprs = value.startsWith('[') && value.endsWith(']') ? splitArgs(value.slice(1, -1)) : [value];
        for (const expr of exprs) {
          const found = explainedFolderOf(templateAsJoin(expr), file, text, scope);
          if (found === null || !isFolder(ctx.files, found.folder)) continue;
          const pkg = packageOf(ctx, file);
          views.set(pkg, [...(views.get(pkg) ?? []), { file, line: lineAt(text, m.index ?? 0), folder: found.folder }]);
        }
      }
    }
    if (mayHold(ctx, file, ['render(']) && text.includes('render(')) renders.push({ file, text });
  }
  // The view engines only where a views folder was set: renders are read through one, and only there (payload sets none).
  if (views.size > 0) {
    for (const file of files) {
      const text = ctx.readText(file) ?? '';
      if (!text.includes('engine') || !ANY_WORD.test(text)) continue;
      for (const m of text.matchAll(VIEW_ENGINE)) {
        const pkg = packageOf(ctx, file);
        const ext = m[3] ?? m[5];
        const known = engines.get(pkg) ?? new Map<string, string>();
        if (!known.has(ext)) known.set(ext, `${file}:${lineAt(text, m.index ?? 0)}`);
        engines.set(pkg, known);
      }
    }
  }
  for (const { file, text } of renders) {
    const pkg = packageOf(ctx, file);
    const folders = views.get(pkg);
    if (folders === undefined) continue;
    const exts = engines.get(pkg) ?? new Map<string, string>();
    for (const m of text.matchAll(RENDER)) {
      const name = m[2].replace(/^\/+/, '');
      const line = lineAt(text, m.index ?? 0);
      for (const v of folders) {
        const named = /\.[\w-]+$/.test(name) ? [[joinRepo(v.folder, name), 'its extension'] as const] : [...exts].map(([ext, at]) => [joinRepo(v.folder, `${name}.${ext}`), `view engine ${ext} at ${at}`] as const);
        for (const [target, how] of named) {
          if (target === null || !ctx.files.has(target)) continue;
          out.push({ from: file, line, target, label: `loaded by browsers as the page ${file}:${line} renders with render('${m[2]}') from the views folder ${v.folder || '.'}/ (set at ${v.file}:${v.line}; ${how})` });
        }
      }
    }
  }
  return out;
};

interface Base {
  folder: string;
  why: string;
}

/** What the browser side fetches: service workers, web workers and the scripts a worker imports. */
const browserFiles = (ctx: FrameworkContext, files: readonly string[]): ServedFile[] => {
  const out: ServedFile[] = [];
  const { scripts, roots } = pageScripts(ctx);
  const pagesOf = new Map<string, { page: string; line: number }[]>();
  for (const s of scripts) pagesOf.set(s.target, [...(pagesOf.get(s.target) ?? []), { page: s.page, line: s.line }]);
  const served = servedFolders(ctx);
  const innermostServed = (file: string) =>
    served.filter((s) => s.folder === '' || file.startsWith(`${s.folder}/`)).sort((a, b) => b.folder.length - a.folder.length)[0];
  /** Where a `/x` URL of a file no page loads is looked for, best first. */
  const siteRoots = (file: string): Base[] => {
    const bases: Base[] = [];
    const s = innermostServed(file);
    if (s) bases.push({ folder: s.folder, why: `the folder ${s.file}:${s.line} serves with ${s.call}()` });
    const publicDir = joinRepo(packageOf(ctx, file), 'public');
    // A file in its package's public/ was fetched from there: `/x` is beside it in that folder's tree.
    if (publicDir !== null && file.startsWith(`${publicDir}/`)) bases.push({ folder: publicDir, why: `its package's public/ folder, served at /` });
    let pageRoot: string | null = null;
    for (const root of new Set(roots.values())) if ((root === '' || file.startsWith(`${root}/`)) && (pageRoot === null || root.length > pageRoot.length)) pageRoot = root;
    if (pageRoot !== null) bases.push({ folder: pageRoot, why: `the site root of the pages in ${pageRoot || '.'}/` });
    if (publicDir !== null && !file.startsWith(`${publicDir}/`)) bases.push({ folder: publicDir, why: `its package's public/ folder, served at /` });
    return bases;
  };
  /**
   * A tail joined onto a computed base: the base is the site's root (as `/tail`), else, as a script is
   * served from within its site, the nearest folder above the script (up to its package's) that
   * holds the tail.
   */
  const resolveTail = (file: string, tail: string): { target: string; why: string } | null => {
    const rest = tail.replace(/^\.?\/+/, '');
    if (REMOTE.test(rest)) return null;
    const rooted = resolve(file, `/${rest}`, true);
    if (rooted !== null) return rooted;
    const top = packageOf(ctx, file);
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      const target = joinRepo(dir, rest);
      if (target !== null && target !== file && ctx.files.has(target) && SCRIPT.test(target)) return { target, why: `the folder ${dir || '.'}/ above ${file}, which holds it (the base URL is the root of the site ${file} is served in)` };
      if (dir === top || dir === '') return null;
    }
  };
  const resolve = (file: string, url: string, pageRelative: boolean): { target: string; why: string } | null => {
    if (REMOTE.test(url)) return null;
    const path = url.replace(/[?#].*$/, '');
    if (path === '' || !SCRIPT.test(path)) return null;
    const absolute = path.startsWith('/');
    const rest = absolute ? path.replace(/^\/+/, '') : path;
    const pages = pagesOf.get(file) ?? [];
    let bases: Base[];
    if (pages.length > 0 && (pageRelative || absolute)) {
      bases = pages.flatMap(({ page, line }) => {
        const root = roots.get(page) ?? dirname(page);
        const folder = absolute ? root : dirname(page);
        const found = [{ folder, why: `${absolute ? 'the site root' : 'the folder'} of ${page}, which loads ${file} (${page}:${line})` }];
        // A bundler's dev server and build serve the package's public/ at / beside the page: vite, Create React App, Next.
        const publicDir = joinRepo(packageOf(ctx, page), 'public');
        if (folder === root && publicDir !== null) found.push({ folder: publicDir, why: `the public/ folder served at / beside ${page}, which loads ${file} (${page}:${line})` });
        return found;
      });
    } else if (absolute) bases = siteRoots(file);
    else bases = [{ folder: dirname(file), why: `the folder of ${file}` }];
    for (const b of bases) {
      const target = joinRepo(b.folder, rest);
      if (target !== null && target !== file && ctx.files.has(target)) return { target, why: b.why };
    }
    return null;
  };
  for (const file of files) {
    const text = ctx.readText(file) ?? '';
    const add = (index: number, call: string, url: string, pageRelative: boolean | 'tail') => {
      const found = pageRelative === 'tail' ? resolveTail(file, url) : resolve(file, url, pageRelative);
      if (found === null) return;
      const line = lineAt(text, index);
      out.push({ from: file, line, target: found.target, label: `loaded by the browser: ${file}:${line} ${call}(${pageRelative === 'tail' ? `a base URL joined with '${url}'` : `'${url}'`}), resolved against ${found.why}` });
    };
    // `serviceWorker` holds the mark `Worker`: the marks first, as in serverFiles.
    const workers = mayHold(ctx, file, ['Worker']);
    if (workers && text.includes('serviceWorker')) for (const m of text.matchAll(REGISTER)) add(m.index ?? 0, 'navigator.serviceWorker.register', m[2], true);
    if (workers && text.includes('Worker') && !NODE_WORKERS.test(text)) {
      for (const m of text.matchAll(NEW_WORKER)) add(m.index ?? 0, `new ${m[1]}`, m[3], true);
      for (const m of text.matchAll(NEW_WORKER_TAIL)) add(m.index ?? 0, `new ${m[1]}`, m[3], 'tail');
    }
    if (mayHold(ctx, file, ['importScripts']) && text.includes('importScripts')) {
      for (const m of text.matchAll(IMPORT_SCRIPTS)) {
        const args = callArgsText(text, (m.index ?? 0) + m[0].length - 1);
        if (args === null) continue;
        for (const arg of splitArgs(args)) {
          const url = literalOf(arg);
          if (url !== null) add(m.index ?? 0, 'importScripts', url, false);
        }
      }
    }
  }
  return out;
};

/** Every file a server sends or a browser fetches by a path census computes (once per scan). */
const servedFiles = perScan((ctx: FrameworkContext): ServedFile[] => {
  // The files whose marks (text-marks.ts) hold a word of ANY_WORD; serverFiles and browserFiles test
  // each call's word before reading for it, so the list is not filtered by the text again (it read
  // every marked text with one more pattern).
  const files = codeFilesMarked(ctx, ['endFile', 'endfile', 'views', 'render(', 'Worker', 'importScripts']);
  if (files.length === 0) return [];
  return [...serverFiles(ctx, files), ...browserFiles(ctx, files)];
});

const servedFilesReader: FrameworkReader = {
  id: 'served-files',
  title: 'files a server sends (res.sendFile, res.render through its views folder) and scripts a browser fetches (service workers, web workers, importScripts)',
  ecosystem: 'javascript',
  ...labelledReferences(servedFiles),
};

export default servedFilesReader;
