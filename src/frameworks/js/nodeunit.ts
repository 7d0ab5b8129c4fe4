/**
 * nodeunit (an old Node test runner, still what many long-lived servers test with) runs the test
 * modules it is given as paths: on its command line (`nodeunit test/ lib/x_test.js`, relative to
 * the folder it runs in) or in a script that calls a reporter itself
 * (`require('nodeunit').reporters.default.run(['test/'])`, statsd's `run_tests.js`), which paths
 * are the working folder's: the package's when npm runs the script. A path that is a folder stands
 * for the `.js` files directly in it (nodeunit's `modulePaths` reads one level, no subfolders);
 * a file or a shell glob names itself. All are test roots. A run() whose list census cannot read
 * (a variable, a computed path) is a warning naming file and line.
 */
import { warning } from '../../util/diagnostics.js';
import { lineAt } from '../../util/lines.js';
import { pathsInDir } from '../../util/file-index.js';
import { basename, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { splitArgs } from '../../languages/javascript/folder-expr.js';
import { literalValue } from './parameter-values.js';
import { dependsOn, eachPackage, enabledByPackages, globFiles, jsPackages, packageFilesUnder, positionalArgs, toolInvocations, type JsPackage } from './support.js';

/** nodeunit's options that take a value. */
const VALUES = ['--config', '--reporter', '-t', '-f'];
/** What nodeunit loads from a folder: its `.js` files (and `.coffee` with CoffeeScript, not a code file here). */
const MODULE = /\.js$/;
const CODE = /\.[cm]?[jt]sx?$/;
/** A reporter's `run([...])` in a file that requires nodeunit: `reporter.run(…)`, `nodeunit.reporters.default.run(…)`. */
const RUN_CALL = /\breporters?\b[\w$.]*\.run\(\s*(\[[^\]]*\]|[A-Za-z_$][\w$.]*)/g;
const REQUIRES_NODEUNIT = /\brequire\(\s*["']nodeunit["']\s*\)|\bfrom\s+["']nodeunit["']/;

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, 'nodeunit'));

/** The test modules one path names, relative to `dir`: a folder's `.js` files one level down, else the file or the glob's matches. */
const modulesAt = (ctx: FrameworkContext, dir: string, path: string): string[] => {
  const clean = path.replace(/^\.\//, '').replace(/\/+$/, '');
  const folder = clean === '' || clean === '.' ? dir : joinRepo(dir, clean);
  if (folder !== null) {
    const inside = pathsInDir(ctx.files, folder).filter((f) => MODULE.test(f) && !basename(f).startsWith('.'));
    if (inside.length > 0) return inside;
    if (ctx.files.has(folder) && CODE.test(folder)) return [folder];
  }
  return globFiles(ctx, dir, [clean]).map((g) => g.file).filter((f) => CODE.test(f));
};

const push = (out: FrameworkOutput, source: string, target: string, evidence: string, line?: number) =>
  out.entries.push({ source, target, targetKind: 'file', kind: 'test', evidence, ...(line !== undefined && line > 1 ? { line } : {}) });

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput): void => {
  for (const run of toolInvocations(ctx, ['nodeunit']).filter((r) => r.cwd === pkg.dir)) {
    for (const path of positionalArgs(run.args, VALUES)) for (const file of modulesAt(ctx, pkg.dir, path)) push(out, run.source, file, `nodeunit "${path}" (${run.evidence})`);
  }
  for (const file of packageFilesUnder(ctx, pkg, pkg.dir)) {
    if (!CODE.test(file)) continue;
    const text = ctx.readText(file) ?? '';
    if (!text.includes('nodeunit') || !REQUIRES_NODEUNIT.test(text)) continue;
    for (const m of text.matchAll(RUN_CALL)) {
      const line = lineAt(text, m.index ?? 0);
      const list = m[1].startsWith('[') ? splitArgs(m[1].slice(1, -1)) : [m[1]];
      for (const item of list) {
        const path = literalValue(item);
        if (path === null) {
          out.diagnostics.push(warning('nodeunit/run-not-static', `${file}:${line} hands nodeunit's run() ${item.slice(0, 80)}, computed at run time: the modules it names are not followed`, file, line));
          continue;
        }
        for (const target of modulesAt(ctx, pkg.dir, path)) if (target !== file) push(out, file, target, `${file}:${line} runs nodeunit on "${path}" (from the package folder, where npm runs it)`, line);
      }
    }
  }
};

const nodeunit: FrameworkReader = {
  id: 'nodeunit',
  title: 'nodeunit (the test modules of its command line and of a reporter run() in a script)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'nodeunit'),
  collect: eachPackage(packages, collectPackage),
};

export default nodeunit;
