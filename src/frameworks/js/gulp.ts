/**
 * gulp builds from globs: `src(['assets/js/lib/*.js', 'assets/js/*.js'])` in a gulpfile reads
 * those files (to concatenate, minify, copy), relative to the gulpfile's folder, where gulp runs.
 * Nothing imports a theme's browser scripts that gulp concatenates into one bundle, so they looked
 * dead. Each literal glob (or list of them; `!` patterns only narrow) given to `src()` or
 * `gulp.src()` in a gulpfile is read, and every code file it matches is a reference from the
 * gulpfile, which carries the kind of whatever runs gulp (tool-configs.ts makes it a root).
 */
import { pathsWithPrefix, pathsNamedLike } from '../../util/file-index.js';
import { compileRepoGlob } from '../../util/glob.js';
import { basename, dirname } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkOutput, type FrameworkReader } from '../types.js';
import { fileReference } from './support.js';
import { lineAt } from '../../util/lines.js';
import { literalTexts } from '../../languages/javascript/folder-expr.js';

const GULPFILE = /^gulpfile(?:\.babel)?\.[cm]?[jt]s$/i;
const CODE = /\.[cm]?[jt]sx?$/;
const SRC_CALL = /\b(?:gulp\s*\.\s*)?src\(\s*(\[[^\]]*\]|"[^"\n]*"|'[^'\n]*'|`[^`$\n]*`)/g;

const gulpfiles = (ctx: FrameworkContext): string[] => pathsNamedLike(ctx.files, { stems: ['gulpfile'] }, 'sorted').filter((f) => GULPFILE.test(basename(f)) && !f.includes('node_modules/'));

const collectGulpfile = (ctx: FrameworkContext, gulpfile: string, out: FrameworkOutput) => {
  const text = ctx.readText(gulpfile) ?? '';
  const dir = dirname(gulpfile);
  const prefix = dir === '' ? '' : `${dir}/`;
  const under = pathsWithPrefix(ctx.files, prefix).filter((f) => CODE.test(f) && f !== gulpfile && !f.includes('node_modules/'));
  for (const call of text.matchAll(SRC_CALL)) {
    const globs = literalTexts(call[1]).filter((g) => g !== '');
    const include = globs.filter((g) => !g.startsWith('!')).map((g) => compileRepoGlob(g.replace(/^\.\//, '')));
    const exclude = globs.filter((g) => g.startsWith('!')).map((g) => compileRepoGlob(g.slice(1).replace(/^\.\//, '')));
    if (include.length === 0) continue;
    const line = lineAt(text, call.index ?? 0);
    const shown = globs.map((g) => JSON.stringify(g)).join(', ');
    for (const file of under) {
      const rel = file.slice(prefix.length);
      if (!include.some((g) => g(rel)) || exclude.some((g) => g(rel))) continue;
      out.references.push(fileReference(gulpfile, file, line, `${gulpfile}:${line} reads it with src(${shown})`));
    }
  }
};

const gulp: FrameworkReader = {
  id: 'gulp',
  title: 'gulp (the files a gulpfile reads with src())',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = gulpfiles(ctx).find((f) => (ctx.readText(f) ?? '').includes('src('));
    return first ? `${first} reads files with src()` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const f of gulpfiles(ctx)) collectGulpfile(ctx, f, out);
    return out;
  },
};

export default gulp;
