/**
 * Electron loads code by path, not by import: the main process is package.json `main` (the
 * package-json detector's entry), and each window's preload script is a path in
 * `webPreferences: { preload: ... }` — a literal or `path.join(__dirname, 'preload.js')` —
 * resolved from the file that creates the window (a built `.js` path names its `.ts` source
 * beside it). Windows that `loadFile('index.html')` load that page's scripts. electron-vite's
 * default entries (`src/main/index`, `src/preload/index`, `src/renderer/index.html`) and each
 * process's `build.rollupOptions.input` / `build.lib.entry` in electron.vite.config count when
 * its config is there. All with the kind of what runs electron in the package; vite-plugin-electron's
 * entries in a vite config are production (see vitePluginEntries).
 */
import { configAt } from '../../languages/javascript/config-value.js';
import { byString } from '../../util/compare.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { htmlScripts } from './vite.js';
import { codeFileAt, dependsOn, enabledByPackages, fileReference, filesIn, kindOf, packageFilesUnder, readToolConfig, resolveToolPath, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const ELECTRON_VITE = /^electron\.vite\.config\.[cm]?[jt]s$/;
const CODE = /\.([cm]?[jt]sx?)$/;
/** `preload: '…'` or `preload: path.join(__dirname, '…', '…')` (also resolve, also bare join). */
const PRELOAD = /\bpreload\s*:\s*(?:(?:path\s*\.\s*)?(?:join|resolve)\s*\(\s*__dirname\s*,\s*((?:(["'])[^"'\n]*\2[ \t]*(?:,[ \t]*)?)+)\)|(["'])([^"'\n]+)\3)/g;
const LOAD_FILE = /\bloadFile\s*\(\s*(?:(?:path\s*\.\s*)?(?:join|resolve)\s*\(\s*__dirname\s*,\s*((?:(["'])[^"'\n]*\2[ \t]*(?:,[ \t]*)?)+)\)|(["'])([^"'\n]+)\3)/g;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['electron', 'electron-vite'], ELECTRON_VITE);

/** The path a matched `path.join(__dirname, 'a', 'b')` argument list or plain literal spells. */
const spelled = (m: RegExpMatchArray): string => (m[1] !== undefined ? [...m[1].matchAll(/(["'])([^"'\n]*)\1/g)].map((x) => x[2]).join('/') : m[4]);

/**
 * The `.ts` source beside a built `preload.mjs`/`.cjs`/`.js` the code names: vite-plugin-electron
 * builds `electron/preload.ts` to `dist-electron/preload.mjs`, and main.ts, built beside it, names
 * the output with its own `__dirname`, so from main.ts's folder the name is the source's with the
 * built extension.
 */
const builtSource = (ctx: FrameworkContext, dir: string, path: string): string | null => {
  const source = /\.[cm]?js$/.test(path) ? joinRepo(dir, path.replace(/\.[cm]?js$/, '.ts')) : null;
  return source !== null && ctx.files.has(source) ? source : null;
};

const VITE_CONFIG = /^vite\.config\.[cm]?[jt]s$/;
/** `electron(` as a call: vite-plugin-electron's (and `/simple`'s) default export, as vite configs name it. */
const ELECTRON_CALL = /\belectron\s*\(/g;
/** `entry:`/`input:` with a literal, an array of literals, or `path.join(__dirname, '…')`. */
const PLUGIN_ENTRY = /\b(entry|input)\s*:\s*(?:(?:path\s*\.\s*)?(?:join|resolve)\s*\(\s*__dirname\s*,\s*((?:(["'`])[^"'`\n]*\3[ \t]*(?:,[ \t]*)?)+)\)|(["'`])([^"'`\n]+)\4|\[((?:\s*(["'`])[^"'`\n]*\7\s*,?)+)\s*\])/g;

/** The text of a call's argument list from its `(` to the matching `)` (strings skipped), or to the end of a bounded window. */
const callText = (text: string, open: number): string => {
  let depth = 0;
  const end = Math.min(text.length, open + 8000);
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open, end);
};

/**
 * vite-plugin-electron: `electron({ main: { entry }, preload: { input } })` (its `/simple` API) or
 * `electron([{ entry }, …])` in a vite config builds each file for Electron's main process and its
 * preload scripts, which is what the app runs (package.json `main` names the built
 * `dist-electron/main.js`): production. Paths are relative to the config's folder.
 */
const vitePluginEntries = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  if (!dependsOn(pkg, 'vite-plugin-electron')) return;
  const main = typeof pkg.json.main === 'string' ? ` (package.json main ${pkg.json.main})` : '';
  for (const config of filesIn(ctx, pkg.dir, VITE_CONFIG)) {
    const text = ctx.readText(config) ?? '';
    for (const call of text.matchAll(ELECTRON_CALL)) {
      const open = (call.index ?? 0) + call[0].length - 1;
      const args = callText(text, open);
      for (const m of args.matchAll(PLUGIN_ENTRY)) {
        const values = m[2] !== undefined ? [[...m[2].matchAll(/(["'`])([^"'`\n]*)\1/g)].map((x) => x[2]).join('/')] : m[5] !== undefined ? [m[5]] : [...(m[6] ?? '').matchAll(/(["'`])([^"'`\n]*)\1/g)].map((x) => x[2]);
        const line = lineAt(text, open + (m.index ?? 0));
        for (const value of values) {
          const file = resolveToolPath(ctx, pkg.dir, value);
          if (file) out.entries.push({ source: config, target: file, targetKind: 'file', kind: 'production', line, evidence: `vite-plugin-electron ${m[1]} "${value}" in ${config}:${line}, built for Electron${main}` });
        }
      }
    }
  }
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  vitePluginEntries(ctx, pkg, out);
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
      const target = resolveToolPath(ctx, dirname(file), path.startsWith('.') ? path : `./${path}`) ?? builtSource(ctx, dirname(file), path);
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
  title: 'Electron (preload scripts, loadFile pages, electron-vite default entries, vite-plugin-electron entries)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Electron'),
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const pkg of packages(ctx).sort((a, b) => byString(a.dir, b.dir))) collectPackage(ctx, pkg, out);
    return out;
  },
};

export default electron;
