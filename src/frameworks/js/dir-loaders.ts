/**
 * Test harnesses load a file next to the caller by a computed path: a helper such as
 * `initPayloadInt(dirname)` runs `import(path.resolve(dirname, configFile ?? 'config.ts'))`, and
 * every spec calls it with its own folder, so each suite's `config.ts` is loaded though nothing
 * imports it. This reads both halves statically: a helper function whose `import()`/`require()`
 * is `path.resolve`/`path.join` of its first parameter and a literal leaf (or `x ?? 'leaf'`), and
 * each call of that helper whose first argument is the caller's folder (`__dirname`, or a
 * `const dirname = path.dirname(filename)` / `path.resolve(thatFolder, '../..')` in the caller).
 * Each such call is a reference from the caller to `<folder>/<leaf>`, with both lines as evidence.
 */
import { byString } from '../../util/compare.js';
import { dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { codeFilesMarked, fileReference, sortedFiles } from './support.js';
import { lineAt } from '../../util/lines.js';
import { perScan } from '../per-scan.js';
import { OWN_FOLDER_DECLARATION } from '../../languages/javascript/static-value.js';

const CODE = /\.[cm]?[jt]sx?$/;
const LOADER = /\b(?:import|require)\(\s*(?:path\s*\.\s*)?(?:resolve|join)\(\s*(\w+)\s*,\s*(?:[\w.]+\s*\?\?\s*)?(["'])([^"'\n/]+)\2\s*\)\s*\)/g;
const FUNCTION = /\bfunction\s+(\w+)\s*(?:<[^>{}]*>)?\s*\(([^)]*)\)|\b(?:const|let)\s+(\w+)\s*=\s*(?:async\s*)?\(([^)]*)\)\s*(?::[^=]*)?=>/g;

interface Helper {
  file: string;
  name: string;
  leaf: string;
  line: number;
}

const usesPath = (ctx: FrameworkContext, file: string): boolean => (ctx.facts(file)?.imports ?? []).some((i) => i.specifier === 'path' || i.specifier === 'node:path');

/** Helpers: functions whose first parameter is the folder of a file they import (found once per scan). */
const helpers = perScan((ctx): Helper[] => {
  const out: Helper[] = [];
  for (const file of codeFilesMarked(ctx, ['require(', 'import('])) {
    if (!usesPath(ctx, file)) continue;
    const text = ctx.readText(file) ?? '';
    if (!text.includes('import(') && !text.includes('require(')) continue;
    for (const m of text.matchAll(LOADER)) {
      const before = text.slice(0, m.index);
      let fn: RegExpMatchArray | null = null;
      for (const f of before.matchAll(FUNCTION)) fn = f;
      if (!fn) continue;
      const name = fn[1] ?? fn[3];
      const first = /^\s*(\w+)/.exec(fn[2] ?? fn[4] ?? '')?.[1];
      if (first === m[1]) out.push({ file, name, leaf: m[3], line: lineAt(text, m.index ?? 0) });
    }
  }
  return out;
});

/** The folder a caller's argument names: `__dirname`, or a const built from the caller's own folder. */
const folderOf = (text: string, file: string, arg: string): string | null => {
  if (arg === '__dirname') return dirname(file);
  const decl = new RegExp(String.raw`\b(?:const|let)\s+${arg}\s*=\s*([^\n;]+)`).exec(text)?.[1]?.trim();
  if (!decl) return null;
  if (OWN_FOLDER_DECLARATION.test(decl)) return dirname(file);
  const up = /^(?:path\s*\.\s*)?resolve\(\s*(\w+)\s*,\s*(["'])([^"']+)\2\s*\)$/.exec(decl);
  if (up && up[1] !== arg) {
    const base = folderOf(text, file, up[1]);
    return base === null ? null : joinRepo(base, up[3]);
  }
  return null;
};

const dirLoaders: FrameworkReader = {
  id: 'dir-loaders',
  title: 'helpers that import a file from the folder their caller passes (test harness config loaders)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const found = helpers(ctx);
    return found.length === 0 ? null : `${found[0].file}:${found[0].line} ${found[0].name}() imports "${found[0].leaf}" from the folder it is given`;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const byName = new Map<string, Helper>();
    for (const h of helpers(ctx)) if (!byName.has(h.name)) byName.set(h.name, h);
    const files = sortedFiles(ctx);
    // Every code file's imported names are looked at (payload: 43,000 names of 7,383 files), in
    // loops by index: a for-of loop, run once and so not optimized, made an iterator result object
    // per step (3.6 MB of this reader's 5 MB), and no arrays are made for files that import no helper.
    for (let f = 0; f < files.length; f++) {
      const file = files[f];
      if (!CODE.test(file) || file.includes('node_modules/')) continue;
      const imports = ctx.facts(file)?.imports;
      if (imports === undefined) continue;
      let imported: string[] | null = null;
      for (let i = 0; i < imports.length; i++) {
        const names = imports[i].names;
        for (let n = 0; n < names.length; n++) if (byName.has(names[n].name)) (imported ??= []).push(names[n].name);
      }
      if (imported === null) continue;
      const text = ctx.readText(file) ?? '';
      for (const name of [...new Set(imported)].sort(byString)) {
        const helper = byName.get(name)!;
        for (const call of text.matchAll(new RegExp(String.raw`\b${name}\s*(?:<[^>()]*>)?\(\s*(\w+)\s*[,)]`, 'g'))) {
          const folder = folderOf(text, file, call[1]);
          const target = folder === null ? null : joinRepo(folder, helper.leaf);
          if (target === null || target === file || !ctx.files.has(target)) continue;
          const line = lineAt(text, call.index ?? 0);
          out.references.push(fileReference(file, target, line, `${file}:${line} calls ${name}(${call[1]}), which imports "${helper.leaf}" from that folder (${helper.file}:${helper.line})`));
        }
      }
    }
    return out;
  },
};

export default dirLoaders;
