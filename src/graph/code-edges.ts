/**
 * Edges that code draws without importing: a shell script or a subprocess call that runs another
 * file (exec), a string that names a module for a framework to load (reference).
 */
import type { Edge } from '../model/edge.js';
import type { ReferenceFact } from '../model/facts.js';
import { compileRepoGlobs, sameHolesTest } from '../util/glob.js';
import { dirname, joinRepo } from '../util/path.js';
import { aboutFile, withSteps } from '../util/sentences.js';
import { candidateCwds } from './entries.js';
import { NO_NAMES, type FactsOfFile } from './import-edges.js';
import type { ImageContext } from './image-context.js';
import type { TargetResolver, TargetResult } from './targets.js';

/** Commands in code rarely say where they run: try the stated folder, the file's own, then the root. The folder that answered comes back with the files. */
const resolveFromCode = (targets: TargetResolver, command: string, cwds: string[], scriptDir: string, image: ImageContext | undefined): TargetResult & { cwd?: string } => {
  let last: TargetResult = { files: [], unresolved: [] };
  for (const cwd of cwds) {
    last = targets.command(command, { cwd, scriptDir, ...(image ? { pathMap: image.pathMap, ...(image.env ? { env: image.env } : {}) } : {}) });
    if (last.files.length > 0) return { ...last, cwd };
  }
  return last;
};

/** JavaScript and TypeScript sources: a process they start runs where node was started, which `npm start` makes the package's folder. */
const JS_SOURCE = /\.(?:[cm]?[jt]sx?)$/;

/** A command naming a `./` or `../` path, which a `path.join(__dirname, …)` becomes when read. */
const SPELLED_RELATIVE = /(?:^|\s)\.\.?\//;

/** Extensions a JS path may name for its TypeScript source (`new Worker(new URL('./worker.js', import.meta.url))`). */
const SOURCE_EXTENSIONS: [RegExp, string][] = [[/\.js$/, '.ts'], [/\.js$/, '.tsx'], [/\.mjs$/, '.mts'], [/\.cjs$/, '.cts']];

/** A path a piece of code loads (a worker script), relative to the code's own folder. */
const codePath = (targets: TargetResolver, dir: string, target: string): string[] => {
  const path = joinRepo(dir, target);
  if (path === null) return [];
  const direct = targets.file(path);
  if (direct) return [direct];
  for (const [pattern, ext] of SOURCE_EXTENSIONS) {
    if (!pattern.test(path)) continue;
    const source = targets.file(path.replace(pattern, ext));
    if (source) return [source];
  }
  return [];
};

/**
 * Maps a non-relative pattern the way the importer's bundler reads it (`require.context('~/forms', …)`,
 * `import.meta.glob('@/pages/*.ts')`, `import.meta.glob('/pages/*.ts')`): the JS resolver's
 * `patternPaths`, when there is one.
 */
export type PatternPathsOf = (pattern: string, fromFile: string) => { paths: string[]; mapping: string } | null;

/** The repo globs a pattern stands for, relative to the file's folder or mapped; what mapped it, if anything. */
const globsOf = (patternPathsOf: PatternPathsOf, from: string, pattern: string): { globs: string[]; mapping?: string } => {
  if (pattern.startsWith('./') || pattern.startsWith('../')) {
    const glob = joinRepo(dirname(from), pattern);
    return { globs: glob === null ? [] : [glob] };
  }
  const mapped = patternPathsOf(pattern, from);
  return mapped === null ? { globs: [] } : { globs: mapped.paths, mapping: mapped.mapping };
};

/** A TypeScript module, whose `.js` specifiers name its sibling sources. */
const TS_SOURCE = /\.[cm]?tsx?$/;
const DECLARATION = /\.d\.[cm]?ts$/;
/** The computed loads of a module (walk.ts' vias): not a file-system glob, which reads the files as they are. */
const COMPUTED_LOADS: ReadonlySet<string> = new Set(['computed import()', 'computed require', 'computed require.resolve']);

/**
 * Stop 64: TypeScript's rule for a module's own specifiers (moduleResolution node16, nodenext, bundler):
 * `./x.js` in a `.ts` file names `x.ts` (`.tsx`; `.mjs` → `.mts`, `.cjs` → `.cts`), the source of the
 * `.js` that runs once compiled. A computed `import(`./plugins/${name}.js`)` in a `.ts` module so
 * names the `.ts` plugins beside it, as a literal one does (SOURCE_EXTENSIONS).
 */
const tsSourceGlobs = (globs: string[]): string[] =>
  globs.flatMap((g) => SOURCE_EXTENSIONS.filter(([pattern]) => pattern.test(g)).map(([pattern, ext]) => g.replace(pattern, ext)));

/**
 * `import.meta.glob(['./pages/*.ts', '!./pages/draft.ts'])`, `require.context('./icons', true, /\.svg$/)`:
 * every file the patterns select, less what an exclusion pattern (read the same way) matches.
 */
const globTargets = (targets: TargetResolver, patternPathsOf: PatternPathsOf, from: string, ref: ReferenceFact): { files: string[]; mapping?: string } => {
  const { globs: written, mapping } = globsOf(patternPathsOf, from, ref.target);
  const globs = TS_SOURCE.test(from) && COMPUTED_LOADS.has(ref.via) ? [...written, ...tsSourceGlobs(written)] : written;
  const excluded = (ref.exclude ?? []).flatMap((p) => globsOf(patternPathsOf, from, p).globs);
  const isExcluded = excluded.length === 0 ? () => false : compileRepoGlobs(excluded);
  let isWritten: ((path: string) => boolean) | undefined;
  const files = [...new Set(globs.flatMap((g) => (ref.sameHoles === true ? targets.glob(g, ref.filter).filter(sameHolesTest(g)) : targets.glob(g, ref.filter))))].filter(
    // A declaration file (`*.d.ts`, which a `*.ts` twin matches) describes a module and is never loaded.
    (f) => f !== from && !isExcluded(f) && (globs === written || !DECLARATION.test(f) || (isWritten ??= compileRepoGlobs(written))(f)),
  );
  return mapping === undefined ? { files } : { files, mapping };
};

/** "pkg.mod:attr" as a framework would import it (with its packages' __init__): from the code's folder, then the root. */
const moduleTargets = (targets: TargetResolver, dir: string, target: string): string[] => {
  const module = target.split(':')[0];
  const fromDir = targets.module(module, dir);
  return fromDir.length > 0 || dir === '' ? fromDir : targets.module(module, '');
};

/**
 * Where a process started for `dir`'s code runs, for globs relative to it (node:fs `glob()`): the
 * nearest folder at or above with a package.json that has a name or scripts (`npm run` starts
 * there; a `{"type": "commonjs"}` stub is not a package), then the repo root.
 */
const processFolders = (targets: TargetResolver, dir: string, known: Map<string, string[]>): string[] => {
  let folders = known.get(dir);
  if (!folders) {
    let pkg: string | undefined;
    for (let d = dir; pkg === undefined; d = d === '' ? '' : dirname(d)) {
      const manifest = d === '' ? 'package.json' : `${d}/package.json`;
      if (targets.file(manifest) === manifest && targets.isPackageRoot(manifest)) pkg = d;
      else if (d === '') break;
    }
    folders = candidateCwds(pkg, '');
    known.set(dir, folders);
  }
  return folders;
};

/** A glob relative to the folder the process runs in: the files it matches from the first folder where it matches any, and that folder. */
const processGlobTargets = (targets: TargetResolver, folders: string[], pattern: string, from: string): { files: string[]; folder: string } => {
  for (const folder of folders) {
    const glob = joinRepo(folder, pattern);
    const files = glob === null ? [] : targets.glob(glob).filter((f) => f !== from);
    if (files.length > 0) return { files, folder };
  }
  return { files: [], folder: '' };
};

/** `imageOf`: the image a file is copied into, whose ENV and COPY map its commands see (image-context.ts). */
export const buildCodeEdges = (files: FactsOfFile[], targets: TargetResolver, imageOf: (path: string) => ImageContext | undefined = () => undefined, patternPathsOf: PatternPathsOf = () => null): Edge[] => {
  const edges: Edge[] = [];
  const folderCache = new Map<string, string[]>();
  for (const { path, facts } of files) {
    const dir = dirname(path);
    const image = facts.commands.length > 0 ? imageOf(path) : undefined;
    for (const cmd of facts.commands) {
      // A stated cwd is relative to the file's folder (shell `cd "$(dirname "$0")/.."`) or, for a
      // literal `cwd: 'jobs'` in code, to wherever the process runs — usually the repo root.
      const statedCwds = cmd.cwd === undefined ? [] : [joinRepo(dir, cmd.cwd) ?? undefined, joinRepo(cmd.cwd) ?? undefined];
      // Stop 52: node's child_process.fork('minifier.js') in nodebb's src/meta/js.js:117 runs package/minifier.js: the
      // path is relative to the process's working folder, the package's (nearest package.json), not the file's.
      // Review 2 of stop 52: before the file's own folder, which node never reads such a path from
      // (fork('local.js') beside the calling file is not what runs when the package has one).
      const pkg = JS_SOURCE.test(path) ? processFolders(targets, dir, folderCache)[0] : undefined;
      const stated = candidateCwds(...statedCwds);
      const fromPackage = pkg !== undefined && pkg !== dir && !stated.includes(pkg) ? pkg : undefined;
      const result = resolveFromCode(targets, cmd.command, candidateCwds(...stated, fromPackage, dir, ''), dir, image);
      const where = fromPackage !== undefined && result.cwd === fromPackage ? `, from ${fromPackage === '' ? 'the repo root' : `${fromPackage}/`}, the package's folder, where the process runs` : '';
      const base = { from: path, kind: 'exec' as const, line: cmd.line, specifier: cmd.command.trim(), names: NO_NAMES, guard: null };
      for (const f of result.files) {
        edges.push({ ...base, to: f.file, via: cmd.via, label: aboutFile(f.file, withSteps(`run by ${path}:${cmd.line} (${cmd.via}${where})`, f.via)) });
      }
      // `path.join(__dirname, 'x.js')` reads as `./x.js`, as a literal './x.js' does: a `./` path the
      // package's folder answered may be the file beside this one, which then runs too.
      if (where !== '' && SPELLED_RELATIVE.test(cmd.command)) {
        const own = new Set(result.files.map((f) => f.file));
        for (const f of resolveFromCode(targets, cmd.command, [dir], dir, image).files) {
          if (own.has(f.file)) continue;
            edges.push({ ...base, to: f.file, via: cmd.via, label: aboutFile(f.file, withSteps(`run by ${path}:${cmd.line} (${cmd.via}, from its own folder, if the ./ path was spelled from __dirname)`, f.via)) });
        }
      }
      if (result.files.length === 0) {
        for (const u of result.unresolved) {
          // With a computed working folder, a relative path that is not found here proves nothing.
          const dynamic = u.dynamic || cmd.cwdComputed === true;
          const label = cmd.cwdComputed && !u.dynamic ? `${u.reason} (the call sets a working folder computed at run time)` : u.reason;
          edges.push({ ...base, to: null, via: cmd.via, unresolved: dynamic ? 'dynamic' : 'not-found', label });
        }
      }
    }
    for (const ref of facts.references) {
      const target = ref.target;
      const fromProcess = ref.form === 'glob' && ref.base === 'cwd' ? processGlobTargets(targets, processFolders(targets, dir, folderCache), target, path) : null;
      const globbed = ref.form === 'glob' && !fromProcess ? globTargets(targets, patternPathsOf, path, ref) : null;
      const found = fromProcess ? fromProcess.files : globbed !== null ? globbed.files : ref.form === 'path' ? codePath(targets, dir, target) : moduleTargets(targets, dir, target);
      // A string that merely looks like a module name is not an error: no edge, no warning.
      for (const to of found) {
        edges.push({
          from: path,
          to,
          kind: 'reference',
          line: ref.line,
          specifier: ref.target,
          names: NO_NAMES,
          guard: null,
          via: ref.via,
          label: aboutFile(to, `named in ${path}:${ref.line} as "${ref.target}" (${ref.via}${ref.sameHoles === true ? ', each * the same name' : ''}${globbed?.mapping ? `, mapped by ${globbed.mapping}` : ''}${fromProcess ? `, from ${fromProcess.folder === '' ? 'the repo root' : fromProcess.folder}, where the process runs` : ''})`),
        });
      }
    }
  }
  return edges;
};
