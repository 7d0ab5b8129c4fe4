/**
 * A function that globs a pattern in its CALLER's folder and requires each match: ember-cli's
 * `requireAsHash(pattern, type)` (lib/utilities/require-as-hash.js) sets
 * `callerFileDir = path.dirname(getCallerFile())`, lists `globSync(pattern, { cwd: callerFileDir })`
 * and requires `` `${callerFileDir}/${file}` ``; lib/cli/index.js calls
 * `requireAsHash('../commands/*.js', Command)`, which loads every command. Nothing names the
 * command files, and folder-requires reads a folder only from the loader's own text.
 *
 * Read: in a module that binds get-caller-file, caller-path or parent-module whole (each answers the
 * file that called the function that calls it; bindings as module-binding.ts moduleAliases reads them), a `glob(…)`/`globSync(…)`/`glob.sync(…)` whose pattern
 * is a parameter of the function around it and whose `cwd` is a local that function assigns once
 * as `dirname(<that binding>())`, and a require there after it built from that local and a
 * computed part. The function must be what the module exports (`module.exports = f`, `exports.x =
 * f`, `exports.x = function f(`, `module.exports = function f(`, `export default f`, `export function f`). Each call of it, in a module that binds it by a
 * relative require or import resolving to the loader (moduleAliases: the module whole, or the export
 * by name, destructured, imported or read off the require; a name bound twice by its first binding), whose argument at the pattern's place is a
 * string literal, loads the code files that pattern matches from the caller's folder.
 * Where it stops: a pattern that is not a literal at the call, a cwd that is not the caller's
 * folder (folder-requires reads those), a require of the local joined to literals only (one file,
 * not the listing), a function the module does not export, a call of a name bound to another
 * module, a pattern whose folders climb out of the repo, a call in a comment or a string.
 */
import { dirname, joinRepo } from '../../util/path.js';
import { assignmentsIn, paramNames } from '../../languages/javascript/folder-expr.js';
import { moduleAliases } from '../../languages/javascript/module-binding.js';
import { escapeRegExp } from '../../util/regexp.js';
import { lineAt } from '../../util/lines.js';
import { functionRegion, paramListBefore } from './function-region.js';
import { callsOf, literalValue } from './parameter-values.js';
import { codeFilesMarked, dependsOn, globFiles, jsCodeFiles, jsPackages, labelledReferences, resolveToolPath, type LabelledReference } from './support.js';
import { perScan } from '../per-scan.js';
import { insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import type { FrameworkReader } from '../types.js';
import { blankedText } from './blanked-texts.js';

const CODE = /\.[cm]?[jt]sx?$/;
const CALLER_PACKAGES = ['get-caller-file', 'caller-path', 'parent-module'];
/** `globSync(pattern, { cwd: dir })`: a pattern and a cwd, each a plain name. */
const GLOB = /(?<![\w$.])(?:glob\s*\.\s*sync|globSync|glob)\(\s*([A-Za-z_$][\w$]*)\s*,\s*\{[^{}]*?\bcwd\s*:\s*([A-Za-z_$][\w$]*)\s*[,}]/g;
/** The name a function body's header declares: `function f(…) {`, `const f = (…) => {`, `const f = async function (…) {`. */
const DECLARED = /(?:\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\b\s*\*?\s*[\w$]*)?)\s*$/;
const functionName = (text: string, brace: number): string | null => {
  const before = text.slice(Math.max(0, brace - 400), brace).trimEnd().replace(/=>$/, '').trimEnd();
  let head = before.replace(/[A-Za-z_$][\w$]*$/, '');
  if (before.endsWith(')')) {
    let depth = 0;
    for (let i = before.length - 1; i >= 0; i--) {
      if (before[i] === ')') depth++;
      else if (before[i] === '(' && --depth === 0) {
        head = before.slice(0, i);
        break;
      }
    }
  }
  const m = DECLARED.exec(head);
  return m === null ? null : (m[1] ?? m[2]);
};

interface CallerGlob {
  file: string;
  fn: string;
  /** The export the function is: null for the module's own export (module.exports, export default), else its name. */
  member: string | null;
  position: number;
  cwd: string;
  assigned: string;
  globLine: number;
  requireLine: number;
}

/** How the module exports `fn`: null (the module itself), its export name, or undefined when it does not. */
const exportOf = (text: string, fn: string): string | null | undefined => {
  const f = escapeRegExp(fn);
  if (new RegExp(String.raw`\b(?:module\s*\.\s*exports|export\s+default)\s*=?\s*${f}\s*;?\s*$`, 'm').test(text)) return null;
  if (new RegExp(String.raw`\b(?:module\s*\.\s*exports\s*=|export\s+default)\s*(?:async\s+)?function\b\s*\*?\s*${f}\s*\(`).test(text)) return null;
  const named = new RegExp(String.raw`\b(?:module\s*\.\s*)?exports\s*\.\s*([A-Za-z_$][\w$]*)\s*=\s*${f}\s*;?\s*$`, 'm').exec(text);
  if (named) return named[1];
  const defined = new RegExp(String.raw`\b(?:module\s*\.\s*)?exports\s*\.\s*([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?function\b\s*\*?\s*${f}\s*\(`).exec(text);
  if (defined) return defined[1];
  if (new RegExp(String.raw`\bexport\s+(?:async\s+)?function\s*\*?\s*${f}\s*\(`).test(text)) return fn;
  return undefined;
};

/** The caller-folder globs of one module's text. */
const globsIn = (file: string, text: string): CallerGlob[] => {
  // The locals the packages whose call answers the file of the caller's caller are bound to, whole.
  const callers = moduleAliases(text, (m) => CALLER_PACKAGES.includes(m), false).map((a) => a.local);
  if (callers.length === 0) return [];
  const out: CallerGlob[] = [];
  for (const m of text.matchAll(GLOB)) {
    const index = m.index ?? 0;
    const region = functionRegion(text, index);
    if (region.start === 0) continue;
    const position = paramNames(paramListBefore(text, region.start - 1)).indexOf(m[1]);
    const name = functionName(text, region.start - 1);
    if (position < 0 || name === null) continue;
    const assigned = assignmentsIn(m[2], text, region);
    const caller = callers.map(escapeRegExp).join('|');
    if (assigned.length !== 1 || !new RegExp(String.raw`^(?:path\s*\.\s*)?dirname\(\s*(?:${caller})\(\s*\)\s*\)$`).test(assigned[0].value.trim())) continue;
    const c = escapeRegExp(m[2]);
    // A computed part beside the folder: the listed name, not one literal file.
    const load = new RegExp(String.raw`(?<![\w$.])require\(\s*(?:\`\$\{\s*${c}\s*\}[^\`]*\$\{[^\`]*\`|(?:path\s*\.\s*)?(?:join|resolve)\(\s*${c}\s*,\s*[A-Za-z_$]|${c}\s*\+\s*(?:['"]/['"]\s*\+\s*)?[A-Za-z_$])`, 'g');
    load.lastIndex = index;
    const req = load.exec(text);
    if (req === null || req.index > region.end) continue;
    const member = exportOf(text, name);
    if (member === undefined) continue;
    out.push({ file, fn: name, member, position, cwd: m[2], assigned: `${m[2]} = ${assigned[0].value.trim().replace(/\s+/g, ' ')}`, globLine: lineAt(text, index), requireLine: lineAt(text, req.index) });
  }
  return out;
};

/** A relative specifier (`./x`, `../x`): a module of the repo, which may be a loader. */
const RELATIVE = /^\.\.?\//;

const loads = perScan((ctx): LabelledReference[] => {
  // Only a scan whose package declares one of those packages has such a loader.
  if (!jsPackages(ctx).some((p) => CALLER_PACKAGES.some((name) => dependsOn(p, name)))) return [];
  const loaders = codeFilesMarked(ctx, ['glob']).flatMap((file) => {
    const text = ctx.readText(file) ?? '';
    return /get-caller-file|caller-path|parent-module/.test(text) ? globsIn(file, blankedText(ctx, file, text)) : [];
  });
  if (loaders.length === 0) return [];
  const loaderMembers: ReadonlySet<string> = new Set(loaders.flatMap((l) => (l.member === null ? [] : [l.member])));
  const out: LabelledReference[] = [];
  for (const file of jsCodeFiles(ctx)) {
    const written = ctx.readText(file) ?? '';
    if (!loaders.some((l) => written.includes(l.fn) || (l.member !== null && written.includes(l.member)))) continue;
    // A call in a comment (code left out) or in a string (a usage message) loads nothing.
    const text = blankedText(ctx, file, written);
    const quoted = quotedSpans(text);
    // A loader's export bound to its own name (`const { loadAll } = require('./load-all')`) is read too.
    const seen = new Set<string>();
    for (const { local: name, module: spec, member } of moduleAliases(text, (m) => RELATIVE.test(m), true, loaderMembers)) {
      // A name bound twice is read by its first binding.
      if (seen.has(name)) continue;
      seen.add(name);
      const module = resolveToolPath(ctx, dirname(file), spec);
      const loader = loaders.find((l) => l.file === module && l.member === member);
      if (loader === undefined || module === file) continue;
      for (const call of callsOf(text, name)) {
        if (insideQuoted(text, quoted, call.index)) continue;
        const pattern = literalValue(call.args[loader.position] ?? '');
        if (pattern === null) continue;
        // The pattern's folders, `..` among them, settle against the caller's folder; the rest is the glob.
        const parts = pattern.replace(/^\.\//, '').split('/');
        const firstGlob = parts.findIndex((p) => /[*?[{]/.test(p));
        if (firstGlob < 0) continue;
        const folder = joinRepo(dirname(file), ...parts.slice(0, firstGlob));
        if (folder === null || folder.startsWith('..')) continue;
        const line = lineAt(text, call.index);
        for (const { file: target } of globFiles(ctx, folder, [parts.slice(firstGlob).join('/')])) {
          if (!CODE.test(target) || target.endsWith('.d.ts') || target === file) continue;
          const label = `${file}:${line} calls ${name}('${pattern}'), which globs that pattern in its caller's folder (${loader.file}:${loader.globLine}, ${loader.assigned}) and requires each file it finds (line ${loader.requireLine})`;
          out.push({ from: file, target, line, label });
        }
      }
    }
  }
  return out;
});

const callerGlobs: FrameworkReader = {
  id: 'caller-globs',
  title: "functions that glob a pattern in their caller's folder and require each match (ember-cli's requireAsHash)",
  ecosystem: 'javascript',
  ...labelledReferences((ctx) => loads(ctx)),
};

export default callerGlobs;
