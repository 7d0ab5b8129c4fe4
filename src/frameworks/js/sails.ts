/**
 * Sails loads an app from folders when it lifts (sailsjs.com/documentation/anatomy): every file
 * under `api/controllers` is an action (routes name it by its path: `action: 'dashboard/view-welcome'`),
 * `api/helpers` become `sails.helpers.*`, `api/models` the ORM's models, `api/policies` and
 * `api/responses` are named by file name, `api/hooks/<name>/index.js` are app hooks, and every file
 * of `config/` (with `config/env/<NODE_ENV>.js` on top) is merged into `sails.config`. None of them
 * is imported, so all looked dead. Each is a reference from the file that lifts the app
 * (`sails.lift(…)`/`sails.load(…)`: app.js, which the package's start script runs), or, without
 * one, an entry with the kind of what runs `sails lift`.
 *
 * The asset pipeline (`tasks/pipeline.js`, read by the Grunt tasks) lists the browser scripts
 * sails-linker injects into the pages as `<script>` tags: `jsFilesToInject = ['dependencies/**\/*.js',
 * 'js/**\/*.js']`, globs relative to the app's `assets/`. Each file they match is a reference from
 * pipeline.js.
 */
import { compileRepoGlob } from '../../util/glob.js';
import { lineAt } from '../../util/lines.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { eachPackage, enabledByPackages, fileReference, kindOf, packageFilesUnder, runEvidence, toolPackages, toolRun, type JsPackage } from './support.js';

const CODE = /\.[cm]?[jt]s$/;
const FOLDERS: { dir: string; what: string; only?: RegExp }[] = [
  { dir: 'api/controllers', what: 'action (api/controllers/)' },
  { dir: 'api/helpers', what: 'helper (api/helpers/, sails.helpers.*)' },
  { dir: 'api/models', what: 'model (api/models/)' },
  { dir: 'api/policies', what: 'policy (api/policies/)' },
  { dir: 'api/responses', what: 'custom response (api/responses/)' },
  { dir: 'api/hooks', what: 'app hook (api/hooks/<name>/index.js)', only: /^api\/hooks\/[^/]+\/index\.[cm]?[jt]s$/ },
  { dir: 'config', what: 'config file merged into sails.config (config/)' },
];
const LIFTS = /\bsails\s*\.\s*(?:lift|load)\(/;
const INJECTED = /\b(jsFilesToInject|cssFilesToInject|templateFilesToInject)\s*=\s*\[([^\]]*)\]/g;
const LITERAL = /"([^"\n]*)"|'([^'\n]*)'/g;

const packages = (ctx: FrameworkContext): JsPackage[] => toolPackages(ctx, ['sails'], null);

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const at = (p: string) => (pkg.dir === '' ? p : `${pkg.dir}/${p}`);
  const code = packageFilesUnder(ctx, pkg, pkg.dir).filter((f) => CODE.test(f));
  const lifter = code.find((f) => !f.startsWith(at('api/')) && !f.startsWith(at('config/')) && LIFTS.test(ctx.readText(f) ?? '')) ?? null;
  const run = toolRun(ctx, pkg.dir, ['sails']);
  const why = runEvidence(run, 'sails lift');
  const lifterText = lifter === null ? '' : (ctx.readText(lifter) ?? '');
  const liftLine = lifter === null ? 1 : lineAt(lifterText, lifterText.search(LIFTS));
  for (const { dir, what, only } of FOLDERS) {
    const folder = at(dir);
    for (const file of packageFilesUnder(ctx, pkg, folder)) {
      if (!CODE.test(file) || file.endsWith('.d.ts') || (only && !only.test(file.slice(at('').length)))) continue;
      if (lifter !== null) out.references.push(fileReference(lifter, file, liftLine, `Sails ${what}, loaded when ${lifter}:${liftLine} lifts the app`));
      else out.entries.push({ source: pkg.manifest, target: file, targetKind: 'file', kind: kindOf(run), evidence: `Sails ${what}, loaded by ${why}` });
    }
  }
  const assets = at('assets');
  const assetFiles = packageFilesUnder(ctx, pkg, assets).filter((f) => /\.(?:js|mjs)$/.test(f));
  for (const pipeline of code.filter((f) => f.startsWith(at('tasks/')))) {
    const text = ctx.readText(pipeline) ?? '';
    if (!text.includes('FilesToInject')) continue;
    for (const m of text.matchAll(INJECTED)) {
      const globs = [...m[2].matchAll(LITERAL)].map((l) => l[1] ?? l[2]).filter((g) => g !== '');
      const include = globs.filter((g) => !g.startsWith('!')).map((g) => compileRepoGlob(g.replace(/^\.\//, '')));
      const exclude = globs.filter((g) => g.startsWith('!')).map((g) => compileRepoGlob(g.slice(1).replace(/^\.\//, '')));
      const line = lineAt(text, m.index);
      for (const file of assetFiles) {
        const rel = file.slice(assets.length + 1);
        if (!include.some((g) => g(rel)) || exclude.some((g) => g(rel))) continue;
        out.references.push(fileReference(pipeline, file, line, `${pipeline}:${line} ${m[1]} (globs relative to ${assets}/): sails-linker injects it into the pages as a <script> tag`));
      }
    }
  }
};

const sails: FrameworkReader = {
  id: 'sails',
  title: 'Sails (api/ and config/ folders loaded at lift, the asset pipeline)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'Sails'),
  collect: eachPackage(packages, collectPackage),
};

export default sails;
