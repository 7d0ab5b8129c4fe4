/**
 * unplugin-auto-import: the bundler plugin (`AutoImport({ imports, dirs, dts })` in a Vite,
 * Vitest, webpack, Rollup, Rspack, Rsbuild, Rolldown, esbuild, Vue CLI or Nuxt config) rewrites every free use of a
 * name it knows into an import of the module that exports it, so no import in the source names
 * those modules. It writes what it knows into a declaration file (`dts`: default
 * `./auto-imports.d.ts` beside the config, i.e. in the package folder, where TypeScript is installed;
 * a string for another path; `false` for none: unplugin-dts.ts reads the option for both plugins)
 * of `const X: typeof import('./path')['X']` lines inside `declare global`.
 * That file is the plugin's own output: a tooling root. Each code file of the package that uses a
 * declared name as a bare word (outside comments and strings; not as `obj.X` or an object key `{ X: … }`) gets an edge to the
 * module the line's `import('./path')` resolves to (relative to the .d.ts), with the line as evidence;
 * a declared name no file uses gives no edge. Only in packages that depend on the plugin, and
 * files are read only when the .d.ts is there. A computed `dts` is a warning naming the config and
 * line; the default is not guessed then.
 */
import { escapeRegExp } from '../../util/regexp.js';
import { commentEnd, quotedEnd } from '../../languages/javascript/text-skips.js';
import type { FrameworkContext, FrameworkOutput, FrameworkReader } from '../types.js';
import { dependsOn, eachPackage, enabledByPackages, fileReference, jsPackages, packageFilesUnder, type JsPackage } from './support.js';
import { dtsEntry, dtsImport, generatedDtsFiles, type DtsImport } from './unplugin-dts.js';

const PLUGIN = 'unplugin-auto-import';
const DEFAULT_DTS = './auto-imports.d.ts';
/**
 * The files whose free names the plugin rewrites (its default `include`: scripts, Vue, Svelte, Astro,
 * Markdown and MDX). The plugin's list, not census's JS family (languages/js-family.ts): no Marko or
 * TSRX, and `.md` pages (unplugin-vue-markdown) are in it.
 */
const CODE = /\.(vue|svelte|astro|mdx?|[cm]?[jt]sx?)$/;
/** `const useX: typeof import('./path')['useX']` (or `.useX`, or the module itself). */
const DECLARATION = /^\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*:\s*typeof\s+import\(\s*(['"])([^'"]+)\2\s*\)/;

const packages = (ctx: FrameworkContext): JsPackage[] => jsPackages(ctx).filter((p) => dependsOn(p, PLUGIN));

/** The names a generated .d.ts declares with the repo module each comes from (bare package names are left out). */
const declarations = (ctx: FrameworkContext, dts: string, text: string): DtsImport[] => {
  const out: DtsImport[] = [];
  text.split('\n').forEach((lineText, i) => {
    const m = DECLARATION.exec(lineText);
    const declared = m ? dtsImport(ctx, dts, m[1], m[3], i + 1) : null;
    if (declared) out.push(declared);
  });
  return out;
};

/**
 * A code text with comments and string literals blanked (newlines kept, so lines still count).
 * Template literals keep their `${…}` parts. In .vue/.svelte/.astro/.md(x) files only comments
 * go: their templates put expressions inside attribute quotes.
 *
 * Comments and strings end where languages/javascript/text-skips.ts says, as in
 * function-region.ts and TSRX's scanner; this loop stays its own because it differs from those:
 * it blanks rather than skips, keeps a template's `${…}` code (a global used there is a use), blanks
 * HTML comments, and reads no regular expressions (a quote in `/'/` starts a string here, to its
 * line's end: reading them as function-region.ts does would change which words it finds).
 */
export const codeOnly = (text: string, keepStrings: boolean): string => {
  const out: string[] = [];
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let i = 0;
  // One entry per open template literal: the brace depth of its current `${`.
  const templates: number[] = [];
  let depth = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (templates.length > 0 && templates[templates.length - 1] === -1) {
      // inside a template literal's text
      let j = i;
      while (j < n && text[j] !== '`' && !(text[j] === '$' && text[j + 1] === '{')) j += text[j] === '\\' ? 2 : 1;
      out.push(blank(text.slice(i, j)));
      if (j >= n) break;
      if (text[j] === '`') { templates.pop(); out.push(' '); i = j + 1; }
      else { templates[templates.length - 1] = depth; depth++; out.push('  '); i = j + 2; }
      continue;
    }
    const comment = commentEnd(text, i);
    if (comment >= 0) {
      out.push(blank(text.slice(i, comment)));
      i = comment;
    } else if (c === '<' && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      const j = end === -1 ? n : end + 3;
      out.push(blank(text.slice(i, j)));
      i = j;
    } else if (!keepStrings && (c === '"' || c === "'")) {
      const j = quotedEnd(text, i);
      out.push(blank(text.slice(i, j)));
      i = j;
    } else if (!keepStrings && c === '`') {
      templates.push(-1);
      out.push(' ');
      i++;
    } else {
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (templates.length > 0 && templates[templates.length - 1] === depth) {
          templates[templates.length - 1] = -1;
          out.push(' ');
          i++;
          continue;
        }
      }
      out.push(c);
      i++;
    }
  }
  return out.join('');
};

/** For each name `names` matches as a free word in `code` (not `x.name`, not part of a longer name), the first line it stands on. */
const firstUse = (code: string, names: RegExp): Map<string, number> => {
  const uses = new Map<string, number>();
  names.lastIndex = 0;
  for (let m = names.exec(code); m !== null; m = names.exec(code)) {
    const before = code[m.index - 1];
    if (before === '.' && code[m.index - 2] !== '.') continue;
    // An object key (`{ useX: …, useY: … }`) names no global; a ternary's `? useX :` does.
    if (/^\s*:(?!:)/.test(code.slice(m.index + m[0].length, m.index + m[0].length + 40)) && /[{,]\s*$/.test(code.slice(Math.max(0, m.index - 40), m.index))) continue;
    if (!uses.has(m[1])) uses.set(m[1], code.slice(0, m.index).split('\n').length);
  }
  return uses;
};

const collectPackage = (ctx: FrameworkContext, pkg: JsPackage, out: FrameworkOutput) => {
  const found = generatedDtsFiles(ctx, pkg, out, PLUGIN, DEFAULT_DTS);
  if (found.length === 0) return;
  const declared: DtsImport[] = [];
  for (const dts of found) {
    out.entries.push(dtsEntry(PLUGIN, dts));
    const text = ctx.readText(dts.file);
    if (text !== null) declared.push(...declarations(ctx, dts.file, text));
  }
  if (declared.length === 0) return;
  const byName = new Map<string, DtsImport[]>();
  for (const d of declared) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const words = `(?<![\\w$])(${[...byName.keys()].map(escapeRegExp).join('|')})(?![\\w$])`;
  const names = new RegExp(words, 'g');
  const anyName = new RegExp(words);
  const dtsSet = new Set(found.map((d) => d.file));
  for (const file of packageFilesUnder(ctx, pkg, '')) {
    if (!CODE.test(file) || file.endsWith('.d.ts') || dtsSet.has(file)) continue;
    const text = ctx.readText(file);
    if (text === null || !anyName.test(text)) continue;
    const code = codeOnly(text, /\.(vue|svelte|astro|mdx?)$/.test(file));
    for (const [name, line] of firstUse(code, names)) {
      for (const d of byName.get(name) ?? []) {
        if (d.target === file) continue;
        out.references.push(fileReference(file, d.target, line, `used by ${file}:${line} as the global "${name}" (${d.dts}:${d.line} typeof import('${d.spec}')), which unplugin-auto-import rewrites into an import`));
      }
    }
  }
};

const unpluginAutoImport: FrameworkReader = {
  id: 'unplugin-auto-import',
  title: 'unplugin-auto-import (its generated .d.ts, and the modules of the globals code uses)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => enabledByPackages(packages(ctx), 'unplugin-auto-import'),
  collect: eachPackage(packages, collectPackage),
};

export default unpluginAutoImport;
