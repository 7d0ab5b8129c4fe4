/**
 * Electron loads code by path, not by import: the main process is package.json `main` (the
 * package-json detector's entry), and each window's preload script is a path in
 * `webPreferences: { preload: ... }` — a literal or `path.join(__dirname, 'preload.js')` —
 * resolved from the file that creates the window (a built `.js` path names its `.ts` source
 * beside it). Windows that `loadFile('index.html')` load that page's scripts. electron-vite's
 * default entries (`src/main/index`, `src/preload/index`, `src/renderer/index.html`) and each
 * process's `build.rollupOptions.input` / `build.lib.entry` in electron.vite.config count when
 * its config is there. All with the kind of what runs electron in the package.
 */
import { configAt } from '../../languages/javascript/config-value.js';
import { byString } from '../../util/compare.js';
import { dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { htmlScripts } from './vite.js';
import { codeFileAt, enabledByPackages, fileReference, filesIn, kindOf, packageFilesUnder, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const ELECTRON_VITE = /^electron\.vite\.config\.[cm]?[jt]s$/;
const CODE = /\.([cm]?[jt]sx?)$/;
/** `preload: '…'` or `preload: path.join(__dirname, '…', '…')` (also resolve, also bare join). */
const PRELOAD = /\bpreload\s*:\s*(?:(?:path\s*\.\s*)?(?:join|resolve)\s*\(\s*__dirname\s*,\s*((?:(["'])[^"'\n]*\2[ \t]*(?:,[ \t]*)?)+)\)|(["'])([^"'\n]+)\3)/g;
const LOAD_FILE = /\bloadFile\s*\(\s*(?:(?:path\s*\.\s*)?(?:join|resolve)\s*\(\s*__dirname\s*,\s*((?:(["'])[^"'\n]*\2[ \t]*(?:,[ \t]*)?)+)\)|(["'])([^"'\n]+)\3)/g;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['electron', 'electron-vite'], ELECTRON_VITE);

/** The path a matched `path.join(__dirname, 'a', 'b')` argument list or plain literal spells. */
const spelled = (m: RegExpMatchArray): string => (m[1] !== undefined ? [...m[1].matchAll(/(["'])([^"'\n]*)\1/g)].map((x) => x[2]).join('/') : m[4]);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const run = toolRun(ctx, pkg.dir, ['electron', 'electron-forge', 'electron-builder', 'electron-vite'], { bundler: true });
  const kind = kindOf(run);
  const why = runEvidence(run, 'electron');
  for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
    if (!CODE.test(file) || !(ctx.facts(file)?.imports ?? []).some((i) => i.specifier === 'electron')) continue;
    const text = ctx.readText(file) ?? '';
    const lineOf = (index: number | undefined) => text.slice(0, index).split('\n').length;
    for (const m of text.matchAll(PRELOAD)) {
      const path = spelled(m);
      const line = lineOf(m.index);
      const target = resolveToolPath(ctx, dirname(file), path.startsWith('.') ? path : `./${path}`);
      if (target && target !== file) out.entries.push({ source: file, target, targetKind: 'file', kind, line, evidence: `${file}:${line} webPreferences.preload "${path}", loaded by ${why}` });
    }
    for (const m of text.matchAll(LOAD_FILE)) {
      const path = spelled(m);
      const page = joinRepo(dirname(file), path);
      if (page === null || !ctx.files.has(page)) continue;
      const line = lineOf(m.index);
      for (const script of htmlScripts(ctx.readText(page) ?? '')) {
        const target = resolveToolPath(ctx, dirname(page), script.src.startsWith('/') ? `.${script.src}` : script.src);
        if (target) out.references.push(fileReference(file, target, line, `<script src="${script.src}"> in ${page}:${script.line}, loaded by ${file}:${line} loadFile`));
      }
    }
  }
  const config = filesIn(ctx, pkg.dir, ELECTRON_VITE)[0];
  if (config) {
    const base = (p: string) => (pkg.dir === '' ? p : `${pkg.dir}/${p}`);
    for (const name of ['src/main/index', 'src/preload/index']) {
      const file = codeFileAt(ctx, base(name));
      if (file) out.references.push(fileReference(config, file, undefined, `electron-vite's default ${name.split('/')[1]} entry (${config})`));
    }
    // Each process's `build.rollupOptions.input` (or `build.lib.entry`) replaces its default.
    const { value } = readToolConfig(ctx, config, out.diagnostics, 'electron');
    for (const proc of ['main', 'preload', 'renderer']) {
      for (const v of [configAt(value, proc, 'build', 'rollupOptions', 'input'), configAt(value, proc, 'build', 'lib', 'entry')]) {
        const inputs = v?.kind === 'string' ? [v] : v?.kind === 'array' ? v.items : v?.kind === 'object' ? [...v.props.values()] : [];
        for (const input of inputs) {
          if (input.kind !== 'string') continue;
          const file = resolveToolPath(ctx, pkg.dir, input.value);
          if (file && !file.endsWith('.html')) out.references.push(fileReference(config, file, input.line, `electron-vite ${proc} input "${input.value}" in ${config}:${input.line}`));
          const html = joinRepo(pkg.dir, input.value);
          for (const script of html !== null && html.endsWith('.html') && ctx.files.has(html) ? htmlScripts(ctx.readText(html) ?? '') : []) {
            const target = resolveToolPath(ctx, dirname(html ?? ''), script.src.startsWith('/') ? `.${script.src}` : script.src);
            if (target) out.references.push(fileReference(config, target, input.line, `<script src="${script.src}"> in ${html}:${script.line}, electron-vite's ${proc} page`));
          }
        }
      }
    }
    const page = base('src/renderer/index.html');
    for (const script of ctx.files.has(page) ? htmlScripts(ctx.readText(page) ?? '') : []) {
      const target = resolveToolPath(ctx, dirname(page), script.src.startsWith('/') ? `.${script.src}` : script.src);
      if (target) out.references.push(fileReference(config, target, undefined, `<script src="${script.src}"> in ${page}:${script.line}, electron-vite's renderer page`));
    }
  }
};

const electron: FrameworkReader = {
  id: 'electron',
  title: 'Electron (preload scripts, loadFile pages, electron-vite default entries)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Electron'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx).sort((a, b) => byString(a.dir, b.dir))) collectPackage(ctx, pkg, out);
    return out;
  },
};

export default electron;
