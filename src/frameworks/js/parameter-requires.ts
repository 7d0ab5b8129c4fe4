/**
 * A helper that loads whatever path it is handed: `function loadBackend(config, name) { const mod =
 * require(name); … }`, called as `loadBackend(config, './backends/graphite')` (statsd's default
 * backend) or with a local whose default is a literal (`const server = cfg.server ||
 * './servers/udp'; startServer(cfg, server)`). The require sees only a parameter, so no import edge
 * names the module; the calls in the same file do. Each relative literal a call passes at the
 * parameter's place (parameter-values.ts) is resolved from the file as Node resolves a require
 * there (`X`, `X.js`, …, `X/index.js`) and is a reference from the file, with the call's line. A
 * package name loads nothing of the repo; a value computed at run time (a name from the config
 * file, `config.backends[j]`) is not guessed: one warning per helper names the file and the line
 * of the first such call.
 *
 * @vue/cli-service writes the helper as an arrow with one expression for body and loads
 * `absolutePath || id` (`const idToPlugin = (id, absolutePath) => ({ apply: require(absolutePath
 * || id) })`), called as `['./commands/serve', …].map((id) => idToPlugin(id))`: each parameter
 * named in `a || b`, `a ?? b` or `c ? a : b` is followed, and a call argument that is the element
 * variable of a loop over a literal list (literal-lists.ts: `.map`/`.forEach`/`.flatMap`
 * callbacks, `for (const x of LIST)`, the list written there or held by a declaration), or the
 * helper handed to such a loop itself (`LIST.forEach(loadHook)`), names each element.
 *
 * A class method may be the helper too: webpack-cli's `async tryRequireThenImport(module, …)` does
 * `require(module)` (an `import()` when that fails) and the class calls it as
 * `this.tryRequireThenImport("./plugins/cli-plugin")` (parameter-values.ts enclosingMethod,
 * thisCallArguments): each `this.<method>(…)` call in the file is read as a call of the helper.
 *
 * Stop 57: Lighthouse's `requireAudit(auditPath)` hands `` `../audits/${auditPath}` `` (held by a local)
 * to `requireWrapper(requirePath)`, which `import()`s it; the name comes from a config. A relative
 * folder and one computed last segment (parameter-values.ts folderNameExtension) names the folder's
 * module files and its subfolders' index files, as computed-specifier.ts reads the same path
 * written in a require; deeper names are not guessed.
 */
import { warning } from '../../util/diagnostics.js';
import { lineAt } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { argumentValues, callArguments, CallSites, enclosingFunction, enclosingMethod, thisCallArguments } from './parameter-values.js';
import { listElementAt, listsPassedTo, PassedNames } from './literal-lists.js';
import { IDENTIFIER } from '../../languages/javascript/js-text.js';
import { codeFilesMarked, enclosingPackages, labelledReferences, packageFilesUnder, resolveToolPath, type LabelledReference } from './support.js';
import { commentsBlanked, insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import { stringPlace } from './string-place.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { perScan } from '../per-scan.js';
import { pathsWithPrefix } from '../../util/file-index.js';

/** `require(…)` / `import(…)` of names: a bare name, `a || b`, `a ?? b` or `cond ? a : b`. */
const LOAD_OF_NAME = /(?<![\w$.])(require|import)\(\s*([A-Za-z_$][\w$]*(?:\s*(?:\|\||\?\?)\s*[A-Za-z_$][\w$]*)*|[^()?:\n]{1,80}\?\s*[A-Za-z_$][\w$]*\s*:\s*[A-Za-z_$][\w$]*)\s*\)/g;

/** The names whose value a load's argument may be: each side of `||`/`??`, both branches of `? :`. */
const loadedNames = (arg: string): string[] => {
  const branches = /\?\s*([A-Za-z_$][\w$]*)\s*:\s*([A-Za-z_$][\w$]*)$/.exec(arg);
  return branches ? [branches[1], branches[2]] : arg.split(/\|\||\?\?/).map((n) => n.trim());
};

const MODULE = /\.[cm]?[jt]sx?$/;
const NOT_MODULE = /\.d\.[cm]?ts$|\.(?:test|spec)\.[cm]?[jt]sx?$/;

/**
 * What a load of `<dir>/<name>` can reach, as computed-specifier.ts reads `'../../hooks/' + id`:
 * the module files directly in the folder and its direct subfolders' index files (a name holding
 * `/` would reach deeper; that is not guessed). Type declarations and tests are not loaded. With an
 * extension written after the name (`` `./commands/${name}.js` ``) only the folder's files of that
 * extension: no folder index is reached through `x.js`.
 */
const folderModules = (ctx: FrameworkContext, dir: string, extension: string): string[] =>
  pathsWithPrefix(ctx.files, `${dir}/`).filter((f) => {
    if (!f.startsWith(`${dir}/`) || !MODULE.test(f) || NOT_MODULE.test(f)) return false;
    const rest = f.slice(dir.length + 1);
    if (extension !== '') return !rest.includes('/') && rest.endsWith(extension);
    return !rest.includes('/') || /^[^/]+\/index\.[cm]?[jt]sx?$/.test(rest);
  });

interface FolderLoad {
  file: string;
  dir: string;
  how: string;
  /** The extension written after the name (`.js`), or ''. */
  extension: string;
  /** The function the hand-off sits in (`requireAudit`), whose own calls hand it a name; null at a file's top level. */
  caller: string | null;
}

/** A string literal of path segments with a `/` in it (`'metrics/first-contentful-paint'`). */
const SLASHED_STRING = /(['"])([\w@.-]+(?:\/[\w@.-]+)+)\1/g;

/**
 * A name holding `/` reaches below the folder's subfolders (Lighthouse's config lists
 * `'metrics/first-contentful-paint'` for `../audits/${auditPath}`), and that is not guessed from the
 * folder. A string literal in the loader's package, outside comments, that spells such a
 * module's path below the folder, without its extension, names it: a reference from the file
 * that holds the string, which is where the name comes from (a test's string makes a test's edge). A
 * file no string spells stays as it is;
 * a string with the file's extension (`'manual/manual-audit.js'`) is not read as a module name.
 * The string must stand where a config lists names (string-place.ts): an array element, a property
 * value, or an argument of the function that builds the path (`requireAudit('seo/tested')`); a view
 * (`res.render('user/profile')`), an endpoint (`fetch('api/users')`), a key compared or assigned
 * spells a path by chance (stop 57 review: each kept a dead module of the folder alive).
 */
const namedDeeper = (ctx: FrameworkContext, loads: FolderLoad[]): LabelledReference[] => {
  const out: LabelledReference[] = [];
  const seen = new Set<string>();
  const callers = new Map<string, Set<string>>();
  for (const load of loads) {
    const pkg = enclosingPackages(ctx, dirname(load.file))[0];
    if (pkg === undefined) continue;
    const key = `${pkg.dir}\0${load.dir}`;
    if (!callers.has(key)) callers.set(key, new Set());
    if (load.caller !== null) callers.get(key)?.add(load.caller);
  }
  for (const load of loads) {
    const pkg = enclosingPackages(ctx, dirname(load.file))[0];
    if (pkg === undefined || seen.has(`${pkg.dir}\0${load.dir}`)) continue;
    seen.add(`${pkg.dir}\0${load.dir}`);
    const namers = callers.get(`${pkg.dir}\0${load.dir}`) ?? new Set<string>();
    const byName = new Map<string, string>();
    for (const f of packageFilesUnder(ctx, pkg, load.dir)) {
      const rest = f.slice(load.dir.length + 1);
      if (!rest.includes('/') || !MODULE.test(f) || NOT_MODULE.test(f)) continue;
      if (load.extension === '' ? /^[^/]+\/index\.[cm]?[jt]sx?$/.test(rest) : !rest.endsWith(load.extension)) continue;
      // A module name, as a config hands it to the loader; a file name with its extension is more often a
      // file list (Lighthouse's runner.js `ignoredFiles: ['manual/manual-audit.js', …]`, the names it skips).
      byName.set(rest.replace(MODULE, ''), f);
    }
    if (byName.size === 0) continue;
    for (const holder of packageFilesUnder(ctx, pkg, '')) {
      if (!MODULE.test(holder) || /\.d\.[cm]?ts$/.test(holder)) continue;
      const written = ctx.readText(holder) ?? '';
      if (!written.includes('/')) continue;
      const text = commentsBlanked(written);
      let spans: number[] | undefined;
      const openers = new Map<number, number>();
      for (const m of text.matchAll(SLASHED_STRING)) {
        const target = byName.get(m[2]);
        if (target === undefined || target === holder) continue;
        const place = stringPlace(text, (spans ??= quotedSpans(text)), m.index ?? 0, openers);
        if (place.kind === 'other' || (place.kind === 'argument' && (place.callee === null || !namers.has(place.callee)))) continue;
        const line = lineAt(text, m.index ?? 0);
        out.push({ from: holder, target, line, label: `${holder}:${line} names '${m[2]}', a name with a folder in it, which ${load.how}` });
      }
    }
  }
  return out;
};

/** How many loads of a name one file's calls are looked for by a scan per helper, before one scan for all. */
const INDEXED_AFTER = 8;

interface Found {
  loaded: LabelledReference[];
  diagnostics: Diagnostic[];
}

const found = perScan((ctx: FrameworkContext): Found => {
  const loaded: LabelledReference[] = [];
  const diagnostics: Diagnostic[] = [];
  const folderLoads: FolderLoad[] = [];
  for (const file of codeFilesMarked(ctx, ['require(', 'import('])) {
    const written = ctx.readText(file) ?? '';
    if (!/(?:require|import)\(\s*[A-Za-z_$]/.test(written)) continue;
    // A load or a call in a comment or a string (`// old: load('./cache/' + key)`, a usage line) runs nothing.
    const text = commentsBlanked(written);
    let quoted: number[] | undefined;
    const inQuotes = (at: number) => insideQuoted(text, (quoted ??= quotedSpans(text)), at);
    // Past a few helpers, every helper's calls come from one pass over the text: a bundle of thousands
    // of helpers is read once, not once per helper (a file of one or two scans for its own names).
    let helpers = 0;
    let sites: CallSites | undefined;
    let passed: PassedNames | undefined;
    for (const m of text.matchAll(LOAD_OF_NAME)) {
      const at = m.index ?? 0;
      if (inQuotes(at)) continue;
      // A class method handed the path (`this.tryRequireThenImport("./plugins/cli-plugin")`, webpack-cli) is called as `this.f(…)`.
      const named = enclosingFunction(text, at);
      const fn = named ?? enclosingMethod(text, at);
      if (fn === null) continue;
      if (++helpers > INDEXED_AFTER) {
        sites ??= new CallSites(text);
        passed ??= new PassedNames(text);
      }
      const callsAt = (position: number) => (named !== null ? callArguments(text, fn.name, position, sites) : thisCallArguments(text, fn.name, position, sites));
      const loadLine = lineAt(text, at);
      const what = `${fn.name}(), which ${m[1]}s ${m[2].includes('?') || m[2].includes('|') ? `${m[2].replace(/\s+/g, ' ')}` : 'it'} (line ${loadLine})`;
      let unread: { line: number; text: string } | null = null;
      const hand = (spec: string, line: number, how: string) => {
        if (!/^\.{1,2}\//.test(spec)) return;
        const target = resolveToolPath(ctx, dirname(file), spec);
        if (target === null || target === file) return;
        loaded.push({ from: file, target, line, label: `${file}:${line} hands '${spec}'${how} to ${what}` });
      };
      for (const name of loadedNames(m[2])) {
        const position = fn.params.indexOf(name);
        if (position < 0) continue;
        for (const call of callsAt(position)) {
          // A call inside the helper itself hands on what it was handed.
          if ((call.index >= fn.start && call.index < fn.end) || inQuotes(call.index)) continue;
          const line = lineAt(text, call.index);
          // The element variable of a loop over a literal list: `[…].map((id) => idToPlugin(id))`.
          const arg = call.text.trim();
          const list = IDENTIFIER.test(arg) ? listElementAt(text, call.index, arg) : null;
          if (list !== null) {
            for (const spec of list.names) hand(spec, line, ` (an element of the list at line ${lineAt(text, list.at)})`);
            continue;
          }
          const values = argumentValues(call.text, text, call.index);
          // A folder and one name is followed below: only what is left is unread.
          const left = values.unread.filter((u) => !(values.folders ?? []).some((f) => f.written === u));
          if (left.length > 0 && unread === null) unread = { line, text: left[0] };
          for (const spec of values.literals) hand(spec, line, '');
          for (const { folder, written, extension } of values.folders ?? []) {
            const dir = joinRepo(dirname(file), folder.replace(/\/$/, ''));
            if (dir === null) continue;
            const how = `${file}:${line} hands ${written.replace(/\s+/g, ' ')} to ${what}`;
            for (const target of folderModules(ctx, dir, extension))
              if (target !== file) loaded.push({ from: file, target, line, label: `${how}: a folder and one computed name, read as ${extension === '' ? `${dir}/{*,*/index}` : `${dir}/*${extension}`}: each module there` });
            folderLoads.push({ file, dir, how, extension, caller: (enclosingFunction(text, call.index) ?? enclosingMethod(text, call.index))?.name ?? null });
          }
        }
        // The helper itself handed to the loop: `[…].map(idToPlugin)` gives it each element first.
        if (position === 0 && named !== null)
          for (const { list, where } of listsPassedTo(text, fn.name, passed)) {
            if (inQuotes(where)) continue;
            const line = lineAt(text, where);
            for (const spec of list.names) hand(spec, line, ` (an element of the list at line ${lineAt(text, list.at)}, passed as the callback)`);
          }
      }
      if (unread !== null)
        diagnostics.push(
          warning('parameter-requires/computed-argument', `${file}:${unread.line} hands ${unread.text.slice(0, 80)} to ${what}: a value computed at run time, not followed`, file, unread.line),
        );
    }
  }
  loaded.push(...namedDeeper(ctx, folderLoads));
  return { loaded, diagnostics };
});

const parameterRequires: FrameworkReader = {
  id: 'parameter-requires',
  title: 'modules a helper requires from its parameter, named by the literal arguments of its calls',
  ecosystem: 'javascript',
  ...labelledReferences(
    (ctx) => found(ctx).loaded,
    (ctx) => found(ctx).diagnostics,
  ),
};

export default parameterRequires;
