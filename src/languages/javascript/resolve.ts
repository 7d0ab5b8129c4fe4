/**
 * JS/TS import specifier → repo file, with oxc-resolver: relative paths, index files, `.js`
 * naming `.ts` sources, package.json `exports`/`imports`, tsconfig `paths`/`baseUrl` (with
 * `extends`, from the tsconfig nearest the importer) and workspace packages, linked through
 * node_modules or not. A relative import under a tsconfig's `moduleSuffixes` or `rootDirs` (which
 * oxc does not apply) is looked up by census in the file list (resolution/relative-layout.ts).
 * Where a compiler is declared, its extension is tried after the usual ones (`./greeting` →
 * greeting.tsrx, resolution/compiler-extensions.ts), the edge naming the declaration.
 * A TypeScript importer's import of a file TypeScript does not load (`./Query.graphql`) reaches
 * the declaration TypeScript reads for it too (`Query.graphql.d.ts`, resolution/declaration-beside.ts).
 * A relative import that names a listed file (`./a.js` → a.ts) is answered from the file list
 * by oxc's own candidate order, without a call into oxc (resolution/listed-relative.ts).
 * Anything that is not a repo file becomes a classified dead end: `builtin`, `external` (with the
 * package name) or `not-found`. Never throws.
 */
import type { ResolverFactory } from 'oxc-resolver';
import type { ImportFact } from '../../model/facts.js';
import type { ImportResolver, Resolution, ResolveContext } from '../../resolve/types.js';
import { dirname, dirnameAbsolute, extname, joinAbsolute, joinRepo, toPosix, toRepoPath } from '../../util/path.js';
import { createPathProbe, realpathOrNull } from '../../util/fs.js';
import { lineOfKey } from '../../entries/support/config-document.js';
import { LANGUAGE_RECORDS } from '../registry.js';
import { conditionsOf, createResolverPool, type ImporterKind, type Profile } from './resolution/factories.js';
import { EMPTY_LIST, uniformList } from '../../util/packed-list.js';
import { OxcLoadError } from './oxc-loaders.js';
import { importsTargets, type ConditionalTarget } from './resolution/package-imports.js';
import { declaredConditions, isBuiltInCondition, type DeclaredCondition } from './resolution/conditions.js';
import { isPackageName, isPathSpecifier, isRuntimeScheme, isUrlLike, packageNameFromPath, packageNameOf, withoutQuery } from './resolution/specifier.js';
import { matchPathPattern, pathCandidates, tsconfigIndexOf, withoutBaseUrl, type RelativeLayout } from './resolution/tsconfig.js';
import { probeWithSuffixes, rootDirAlternatives } from './resolution/relative-layout.js';
import { compilerExtensions, type AddedExtension } from './resolution/compiler-extensions.js';
import { declarationBeside } from './resolution/declaration-beside.js';
import { referencedProjects } from './resolution/tsconfig-program.js';
import { packageJsonObject } from '../../manifests/package-json.js';
import { createBuildOutputMap } from './build-output.js';
import { builtCandidates } from './resolution/built-package.js';
import { appliesOnlyUnderTest, declaresPackage, toolAliases, type AliasRule, type AliasTarget } from './resolution/tool-aliases.js';
import { findWorkspacePackages, type WorkspacePackage } from './resolution/workspaces.js';
import { listedRelative, type ListedRelativeContext } from './resolution/listed-relative.js';

const EMPTY_RESOLUTIONS: readonly Resolution[] = [];
/** The profiles a lookup tries for the one an import's syntax asks for: it, then types (one list each, not one per ask). */
const PROFILES_TRIED: Readonly<Record<Profile, readonly Profile[]>> = { esm: ['esm', 'types'], cjs: ['cjs', 'types'], types: ['types'] };

/** Importers that resolve like TypeScript, by extension, from the language records. */
const TS_EXTENSIONS = new Set(LANGUAGE_RECORDS.filter((r) => r.typeScriptImports).flatMap((r) => r.extensions));

/**
 * What oxc answered: a file (`path`), a Node built-in, or why neither (`error`). One shape for
 * all three, so the code that reads answers sees one kind of object (three kinds of answer made
 * V8 recompile lookup and resolveOne as each kind first arrived).
 */
interface Lookup {
  path: string | null;
  builtin: boolean;
  error: string | null;
}
const BUILTIN: Lookup = { path: null, builtin: true, error: null };

const profileOf = (fact: ImportFact): Profile =>
  fact.typeOnly ? 'types' : fact.syntax === 'require' || fact.syntax === 'import-equals' ? 'cjs' : 'esm';

/**
 * The specifier as looked up. `/// <reference path="globals.d.ts" />` names a file relative to the
 * one that holds it, with or without `./` (never a package, never a `paths` alias): looked up as the relative path it is.
 */
const specifierOf = (fact: ImportFact): string =>
  fact.syntax === 'reference-path' && !isPathSpecifier(fact.specifier) ? `./${fact.specifier}` : fact.specifier;

const inNodeModules = (repoPath: string): boolean => repoPath.startsWith('node_modules/') || repoPath.includes('/node_modules/');

export const createJavaScriptResolver = (ctx: ResolveContext): ImportResolver => {
  const pool = createResolverPool(ctx.rootAbs);
  const tsconfigs = tsconfigIndexOf(ctx.manifests);
  const aliases = toolAliases(ctx.manifests);
  const declared = declaredConditions(ctx.manifests);
  const compilers = compilerExtensions(ctx.manifests);
  /** The extensions compilers add for lookups from an absolute folder, by the package.json files at and above it. */
  const addedByDir = new Map<string, readonly AddedExtension[]>();
  const addedFor = (dirAbs: string): readonly AddedExtension[] => {
    let known = addedByDir.get(dirAbs);
    if (known === undefined) {
      const dir = toRepoPath(ctx.rootAbs, dirAbs);
      addedByDir.set(dirAbs, (known = dir === null || dir.startsWith('..') ? EMPTY_LIST : uniformList(compilers.for(dir))));
    }
    return known;
  };
  /** Their extensions, by the same folder: one list per folder, not one per ask. */
  const extensionsByDir = new Map<string, readonly string[]>();
  const extensionsFor = (dirAbs: string): readonly string[] => {
    let known = extensionsByDir.get(dirAbs);
    if (known === undefined) extensionsByDir.set(dirAbs, (known = uniformList(addedFor(dirAbs).map((a) => a.extension))));
    return known;
  };
  const sourceOfBuilt = () => createBuildOutputMap(ctx.manifests);
  let workspaces: Map<string, WorkspacePackage> | null = null;
  const workspacePackages = (): Map<string, WorkspacePackage> => (workspaces ??= findWorkspacePackages(ctx.manifests));
  /** Whether oxc can load each config; one that `extends` an uninstalled package cannot. */
  const loadable = new Map<string, boolean>();
  /**
   * Answers per (importing folder, extension), then profile, then specifier. The graph asks file
   * by file, so the last file's tables are kept: payload's 29,824 asks built a key string each and
   * copied every answer (160 ms of a 1.1 s stage), where a folder's tables are found once per file.
   * A folder's files under different tsconfig programs (one config's `files` lists a.ts, another's
   * b.ts) may look relative imports up under different `moduleSuffixes`/`rootDirs`: the tables are
   * kept apart per layout too (the tsconfig index hands out one layout object per config).
   */
  type Answers = Record<Profile, Map<string, readonly Readonly<Resolution>[]>>;
  const plainMemo = new Map<string, Answers>();
  const memoByLayout = new Map<RelativeLayout, Map<string, Answers>>();
  let lastFrom: string | null = null;
  let lastAnswers: Answers | null = null;
  const answersFor = (fromFile: string): Answers => {
    if (fromFile === lastFrom && lastAnswers !== null) return lastAnswers;
    const layout = tsconfigs.relativeLayout(fromFile);
    let memo = layout === null ? plainMemo : memoByLayout.get(layout);
    if (memo === undefined) memoByLayout.set(layout as RelativeLayout, (memo = new Map()));
    const key = `${dirname(fromFile)}\0${extname(fromFile)}`;
    let answers = memo.get(key);
    if (answers === undefined) memo.set(key, (answers = { esm: new Map(), cjs: new Map(), types: new Map() }));
    lastFrom = fromFile;
    return (lastAnswers = answers);
  };

  const usable = (config: string | null): string | null => {
    if (config === null) return null;
    let ok = loadable.get(config);
    if (ok === undefined) {
      const probe = pool.get(config, 'esm', 'ts').sync(ctx.rootAbs, './.census-tsconfig-probe');
      ok = !/tsconfig/i.test(probe.error ?? '');
      loadable.set(config, ok);
    }
    return ok ? config : null;
  };

  /**
   * The folder a bare specifier is looked up from: the nearest folder at or above `dirAbs` that has
   * a package.json or a node_modules on disk (or the root). The folders below it hold neither, so
   * the node_modules walk and the package scope are the same from any of them.
   */
  const scopes = new Map<string, string>();
  const disk = ctx.disk ?? createPathProbe();
  const scopeOf = (dirAbs: string): string => {
    const known = scopes.get(dirAbs);
    if (known !== undefined) return known;
    const parent = dirnameAbsolute(dirAbs);
    const scope = dirAbs === ctx.rootAbs || parent === dirAbs || !dirAbs.startsWith(ctx.rootAbs) || disk.exists(joinAbsolute(dirAbs, 'package.json')) || disk.exists(joinAbsolute(dirAbs, 'node_modules')) ? dirAbs : scopeOf(parent);
    scopes.set(dirAbs, scope);
    return scope;
  };
  // A bare specifier is asked about from every importing folder of a package, and a failure is
  // looked up twice: one answer per (oxc resolver, scope, specifier), failures included. Keyed by
  // the resolver, not by what picked it: the configs oxc cannot load all get the one without a
  // tsconfig (payload: 834 native lookups asked again under another config's name).
  // Path specifiers are not memoised: oxc's own cache answers a repeated path about as fast as a
  // key for it is built (a replay of payload's 15,016 path lookups: 103-171 ms CPU without a memo,
  // 111-223 ms with one keyed by the absolute path; again at stop 34, 12,551 relative lookups
  // replayed through fresh resolvers: 188 ms without, 202 ms with, medians of 10; at stop 36 in the
  // scan itself, one answer per (resolver, joined path) cut oxc's calls from 17,015 to 10,382 and
  // left the stage's main-thread CPU as it was: 970 ms without, 965 ms with, medians of 6).
  const bareLookups = new Map<ResolverFactory, Map<string, Map<string, Lookup>>>();

  /**
   * What a lookup from one folder under one (config, profile, kind, added conditions) needs besides
   * the specifier: oxc's resolver for it and, once a bare name is asked, the bare answers of its
   * scope. Found once per such context rather than per lookup, which built two key strings, joined
   * two lists and mapped a third each time (payload: 27,693 lookups from 5,839 contexts).
   */
  interface LookupContext {
    config: string | null;
    profile: Profile;
    kind: ImporterKind;
    extra: readonly string[];
    factory: ResolverFactory;
    /** The bare answers of the factory from this folder's scope, once one is asked. */
    bare: Map<string, Lookup> | null;
  }
  const lookupContexts = new Map<string, LookupContext[]>();
  const sameList = (a: readonly string[], b: readonly string[]): boolean => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
  const lookupContext = (dirAbs: string, config: string | null, profile: Profile, kind: ImporterKind, extra: readonly string[]): LookupContext => {
    let known = lookupContexts.get(dirAbs);
    if (known === undefined) lookupContexts.set(dirAbs, (known = []));
    for (const c of known) if (c.config === config && c.profile === profile && c.kind === kind && sameList(c.extra, extra)) return c;
    const added = extensionsFor(dirAbs);
    const context: LookupContext = {
      config, profile, kind, extra,
      factory: pool.get(usable(config), profile, kind, extra, added),
      bare: null,
    };
    known.push(context);
    return context;
  };
  const lookup = (dirAbs: string, specifier: string, config: string | null, profile: Profile, kind: ImporterKind, extra: readonly string[] = EMPTY_LIST): Lookup => {
    const context = lookupContext(dirAbs, config, profile, kind, extra);
    let answers: Map<string, Lookup> | null = null;
    if (!isPathSpecifier(specifier) && !specifier.startsWith('#')) {
      if (context.bare === null) {
        let byScope = bareLookups.get(context.factory);
        if (byScope === undefined) bareLookups.set(context.factory, (byScope = new Map()));
        const scope = scopeOf(dirAbs);
        let shared = byScope.get(scope);
        if (shared === undefined) byScope.set(scope, (shared = new Map()));
        context.bare = shared;
      }
      answers = context.bare;
      const known = answers.get(specifier);
      if (known) return known;
    }
    const result = context.factory.sync(dirAbs, specifier);
    const found: Lookup = result.builtin ? BUILTIN : result.path ? { path: result.path, builtin: false, error: null } : { path: null, builtin: false, error: result.error ?? 'not found' };
    if (answers !== null) answers.set(specifier, found);
    return found;
  };

  // oxc answers real paths (links resolved): under a root reached through a link (a linked
  // checkout, macOS's /tmp) a repo file is below the root's real path, not below the root as given.
  const realRoot = realpathOrNull(ctx.rootAbs);
  const linkedRoot = realRoot !== null && realRoot !== ctx.rootAbs ? realRoot : null;

  /** An absolute path oxc found → a repo file, or why it is not one. */
  const toTarget = (absPath: string, specifier: string): Resolution => {
    const repo = toRepoPath(ctx.rootAbs, absPath) ?? (linkedRoot === null ? null : toRepoPath(linkedRoot, absPath));
    if (repo === null || inNodeModules(repo)) {
      const pkg = packageNameFromPath(toPosix(absPath)) ?? (isPathSpecifier(specifier) ? undefined : packageNameOf(specifier));
      return pkg ? { to: null, unresolved: 'external', package: pkg } : { to: null, unresolved: 'external' };
    }
    // On disk but not in the census (ignored or excluded): not a file of this repo's graph.
    if (!ctx.files.has(repo)) return { to: null, unresolved: 'not-found' };
    return { to: repo };
  };

  /** How a bare specifier that landed in the repo got there. */
  const bareVia = (specifier: string, found: string, fromFile: string, dirAbs: string, config: string | null, profile: Profile, kind: ImporterKind, extra: readonly string[]): string => {
    if (usable(config) !== null) {
      const plain = lookup(dirAbs, specifier, null, profile, kind, extra);
      if (plain.path !== found) return 'tsconfig-paths';
    }
    const dir = workspacePackages().get(packageNameOf(specifier))?.dir;
    const ownPackage = dir !== undefined && (dir === '' || fromFile.startsWith(`${dir}/`));
    return ownPackage ? 'package-exports' : 'workspace';
  };

  /**
   * A bare name's fallbacks when oxc places it nowhere (a workspace folder, a referenced project's
   * `paths`, why it stays unresolved) depend on the name and on the folder's config, profile,
   * kind and added conditions, not on the folder: answered once per such key, where payload asked
   * them for each of ~4,000 (folder, name) pairs (a tenth of its resolve stage's samples). Answers
   * are shared, as the graph only reads them. The asks come import by import, file by file: the
   * map for the last (config, profile, kind, added conditions) is kept, and a key is built only
   * when they change, not per ask.
   */
  const memoised = <A extends [specifier: string, config: string | null, profile?: Profile, kind?: ImporterKind, extra?: readonly string[]], R extends Resolution | null>(answer: (...args: A) => R): ((...args: A) => R) => {
    const byContext = new Map<string, Map<string, R>>();
    let last: { config: string | null; profile?: Profile; kind?: ImporterKind; extra?: readonly string[]; answers: Map<string, R> } | null = null;
    // Named parameters, not `...args`: a rest list and a spread per ask (payload: about 65,000 objects a scan).
    const ask = (specifier: string, config: string | null, profile?: Profile, kind?: ImporterKind, extra?: readonly string[]): R => {
      if (last === null || last.config !== config || last.profile !== profile || last.kind !== kind || last.extra !== extra) {
        const key = `${config ?? ''}\0${profile ?? ''}\0${kind ?? ''}\0${extra?.join(',') ?? ''}`;
        let answers = byContext.get(key);
        if (answers === undefined) byContext.set(key, (answers = new Map()));
        last = { config, profile, kind, extra, answers };
      }
      const { answers } = last;
      if (answers.has(specifier)) return answers.get(specifier) as R;
      const r = (answer as (...args: Parameters<typeof ask>) => R)(specifier, config, profile, kind, extra);
      answers.set(specifier, r);
      return r;
    };
    return ask;
  };
  /** A workspace package imported by name with no node_modules link: resolve inside its folder. */
  const viaWorkspace = memoised((specifier: string, config: string | null, profile: Profile, kind: ImporterKind, extra: readonly string[]): Resolution | null => {
    const name = packageNameOf(specifier);
    const workspace = workspacePackages().get(name);
    if (workspace === undefined) return null;
    const dirAbs = joinAbsolute(ctx.rootAbs, workspace.dir);
    // Self-reference applies the package's own `exports`; without `exports`, main/index or the subpath.
    const requests = workspace.hasExports ? [specifier] : [`.${specifier.slice(name.length)}`];
    const profiles: Profile[] = profile === 'types' ? ['types'] : [profile, 'types'];
    for (const p of profiles) {
      for (const request of requests) {
        const found = lookup(dirAbs, request, config, p, kind, extra);
        if (found.path === null) continue;
        const target = toTarget(found.path, specifier);
        if (target.to !== null) return { to: target.to, via: 'workspace' };
      }
    }
    // What the name points at is built output this checkout does not have: its source, when a build maps it.
    const pkg = packageJsonObject(ctx.manifests, joinRepo(workspace.dir, 'package.json') ?? 'package.json');
    for (const built of builtCandidates(workspace.dir, pkg, `.${specifier.slice(name.length)}`)) {
      const found = sourceOfBuilt().explain(built);
      if (found) return { to: found.source, via: 'build-output', mapping: `build output ${built} (${found.why})` };
    }
    return { to: null, unresolved: 'not-found', package: name };
  });

  /**
   * `paths` applied by census, for a config oxc cannot load. The answer depends on nothing but
   * these four, and a bare name is asked about from every folder the config governs: each
   * candidate is an absolute path, which `lookup` does not memoise (payload: 151 ms of its
   * resolve stage went here, each `react` import asking oxc again for `<baseUrl>/react`).
   */
  const viaPathsByHand = memoised((specifier: string, config: string, profile: Profile, kind: ImporterKind): Resolution | null => {
    for (const candidate of pathCandidates(specifier, tsconfigs.options(config))) {
      const found = lookup(ctx.rootAbs, joinAbsolute(ctx.rootAbs, candidate), null, profile, kind);
      if (found.path === null) continue;
      const target = toTarget(found.path, specifier);
      if (target.to !== null) return { to: target.to, via: 'tsconfig-paths' };
    }
    return null;
  });

  /**
   * A `#` specifier oxc found no repo file for: the package.json `imports` target Node picks, or
   * the source a build writes it from (TypeScript maps an `imports` target in outDir back to its
   * input file the same way); when that is output this checkout does not have, another
   * condition's target that is a repo file (or its source), with the condition as evidence.
   */
  const viaPackageImports = (specifier: string, fromFile: string, profile: Profile, kind: ImporterKind, extra: readonly string[]): Resolution | null => {
    const manifest = ctx.manifests.nearest(dirname(fromFile), 'package.json');
    if (manifest === null) return null;
    const match = importsTargets(packageJsonObject(ctx.manifests, manifest)?.imports, specifier, new Set([...conditionsOf(profile), ...extra]));
    if (match === null) return null;
    const where = `${manifest} imports "${match.key}"`;
    /** The repo file a target names (`./src/x.js` naming `x.ts` too), or the source its build output comes from. */
    const reach = (t: ConditionalTarget): { to: string; built?: string; why?: string } | null => {
      // A bare target maps to a package: oxc has answered for it already.
      if (!t.target.startsWith('./')) return null;
      const path = joinRepo(dirname(manifest), t.target);
      if (path === null) return null;
      const found = lookup(ctx.rootAbs, joinAbsolute(ctx.rootAbs, path), null, profile, kind);
      const target = found.path !== null ? toTarget(found.path, specifier) : null;
      if (target?.to) return { to: target.to };
      const built = sourceOfBuilt().explain(path);
      return built ? { to: built.source, built: path, why: built.why } : null;
    };
    const picked = match.targets.find((t) => t.selected);
    const reached = picked ? reach(picked) : null;
    if (picked && reached) {
      return reached.built === undefined ? { to: reached.to, via: 'package-imports' } : { to: reached.to, via: 'build-output', mapping: `${where}, then build output ${reached.built} (${reached.why})` };
    }
    // Node's pick is build output this checkout does not have (or no condition picks a target):
    // a tool resolving under another condition (a bundler's `browser`, a `source`) loads that one.
    const missing = picked ? `; the target Node picks, ${picked.target}, is not in this checkout` : '';
    for (const t of match.targets) {
      if (t === picked || t.conditions.length === 0) continue;
      const other = reach(t);
      if (other === null) continue;
      const condition = `the "${t.conditions.join('"."')}" condition of ${where}${missing}`;
      return other.built === undefined ? { to: other.to, via: 'package-imports', mapping: condition } : { to: other.to, via: 'build-output', mapping: `${condition}, then build output ${other.built} (${other.why})` };
    }
    return null;
  };

  /**
   * The conditions the repo's tools add for files of `dir` (resolution/conditions.ts) and the
   * governing tsconfig's `customConditions`, each with where it is declared (once per folder, in `folderOf`).
   */
  const conditionsFor = (dir: string, config: string | null): readonly DeclaredCondition[] => {
    const custom = config === null ? null : tsconfigs.options(config).customConditions;
    const known: DeclaredCondition[] = (custom?.names ?? []).filter((n) => !isBuiltInCondition(n)).map((name) => ({ name, why: `${custom!.config} customConditions` }));
    for (const c of declared.for(dir)) if (!known.some((k) => k.name === c.name)) known.push(c);
    return uniformList(known);
  };
  const conditionEvidence = (added: readonly DeclaredCondition[]): string => added.map((c) => `the "${c.name}" condition (${c.why})`).join(', ');

  /** Per config, the projects its `references` reach that declare `paths`. */
  const referencedWithPaths = new Map<string, string[]>();
  /**
   * A bare specifier no resolver placed, matched by the `paths` of a project the importer's
   * tsconfig references (`src/ui/tsconfig.json` declaring `@ui/*`): the repo's own alias, used
   * across its projects (knip reads them so too), not a package. Only `paths` patterns, never a
   * referenced project's `baseUrl`, which would turn any bare name into a file below it.
   */
  const viaReferencedPaths = memoised((specifier: string, config: string, profile: Profile, kind: ImporterKind): Resolution | null => {
    let projects = referencedWithPaths.get(config);
    if (projects === undefined) {
      projects = referencedProjects(ctx.manifests, config).filter((ref) => Object.keys(tsconfigs.options(ref).paths).length > 0);
      referencedWithPaths.set(config, projects);
    }
    for (const ref of projects) {
      for (const candidate of pathCandidates(specifier, withoutBaseUrl(tsconfigs.options(ref)))) {
        const found = lookup(ctx.rootAbs, joinAbsolute(ctx.rootAbs, candidate), null, profile, kind);
        if (found.path === null) continue;
        const target = toTarget(found.path, specifier);
        if (target.to !== null) return { to: target.to, via: 'tsconfig-paths', mapping: `the tsconfig paths of ${ref} (referenced by ${config})` };
      }
    }
    return null;
  });

  /**
   * Further targets an import reaches, keyed by its first: Node's own pick beside the one an added
   * condition makes, or the files an alias's computed value may name beside the one it picks.
   */
  const alongside = new WeakMap<Resolution, readonly Resolution[]>();

  const aliasEvidence = (rule: AliasRule): string => `the ${rule.tool} ${rule.what} (${rule.config}:${rule.line})`;

  /**
   * The rule that claimed the name viaAlias was last asked about but named no file, read right
   * after the call. Not returned beside the answers: resolveOne is compiled before most repos' first
   * alias, and telling a third kind of value apart there (`'map' in aliased`) had no type feedback,
   * so V8 threw that compile away (payload: 60 ms on the compiler thread, then a third compile).
   */
  let claimedBy: AliasRule | null = null;
  /**
   * A bundler or test-runner alias that matches the specifier: the file it maps to or the module it
   * stands for, or null; when the matching rule names nothing, null with the rule in `claimedBy`,
   * so a miss is not-found rather than a package. The first matching rule decides, as in the tools.
   */
  const viaAlias = (specifier: string, fromFile: string, profile: Profile, kind: ImporterKind): Resolution | null => {
    claimedBy = null;
    importerOf(fromFile);
    for (const rule of aliases.rulesFor(lastDir)) {
      const testOnly = appliesOnlyUnderTest(rule);
      if (testOnly && outsideTests) continue;
      const targets = rule.map(specifier);
      if (targets === null) continue;
      const picked = pickedAliasTarget(rule, targets, specifier, fromFile, profile, kind);
      // The paths a computed value may name are each reached, beside what the rule picks.
      const computed = targets.some((t) => 'computed' in t && t.computed !== undefined) ? computedAliasTargets(rule, targets, specifier, profile, kind) : EMPTY_RESOLUTIONS;
      const main = picked ?? computed[0] ?? null;
      if (main === null) {
        claimedBy = rule;
        return null;
      }
      const beside = computed.filter((c) => c !== main && c.to !== main.to);
      if (testOnly && main.to !== null) {
        const production = underTestOnly(rule, [main, ...beside], specifier, fromFile, profile);
        if (production !== null) return production;
      }
      if (beside.length > 0) alongside.set(main, beside);
      return main;
    }
    return null;
  };

  /** Set while an import is resolved as outside a test runner: viaAlias skips the rules only a runner applies. */
  let outsideTests = false;
  /**
   * A test runner's alias (a Jest moduleNameMapper, a Vitest alias) applies only when the runner
   * runs the importer: outside it, the import resolves as it would without the rule. When that
   * finds a package the importer's package.json declares (Budibase's `@chat-adapter/discord`,
   * mapped to `__mocks__/chat-adapter-discord.ts`) or another repo file, that is the import's
   * answer and the runner's targets go along as test swaps (import-edges.ts addSwappedIn: the walk
   * takes them from the test tier on), so a mock is never production through a production file.
   * Null when the rule's target is what production loads too, or production finds nothing census
   * can name (an alias only the runner and an unread build tool make): the rule's answer stands.
   */
  const underTestOnly = (rule: AliasRule, targets: readonly Resolution[], specifier: string, fromFile: string, profile: Profile): Resolution | null => {
    outsideTests = true;
    let production: Resolution;
    try {
      production = resolveOne(specifier, profile, fromFile, true);
    } finally {
      outsideTests = false;
    }
    importerOf(fromFile);
    if (production.to === null ? production.unresolved !== 'external' || production.package === undefined || !declaresPackage(ctx.manifests, lastDir, production.package) : targets.some((t) => t.to === production.to)) return null;
    const swappedInBy = { file: rule.config, line: rule.line };
    // A copy: an unresolved answer is shared (memoised), and what goes along is keyed by the object.
    const answer = { ...production };
    alongside.set(answer, [...(alongside.get(production) ?? EMPTY_RESOLUTIONS), ...targets.map((t) => ({ ...t, swappedInBy }))]);
    return answer;
  };

  /** The target an alias rule resolves to: the first of its plain targets that names something, as the tools try them. */
  const pickedAliasTarget = (rule: AliasRule, targets: AliasTarget[], specifier: string, fromFile: string, profile: Profile, kind: ImporterKind): Resolution | null => {
    for (const target of targets) {
      if ('module' in target) {
        if (target.module === specifier || target.module === '') continue;
        const mapped = resolveOne(target.module, profile, fromFile, false);
        return { ...mapped, ...(mapped.to !== null ? { via: 'alias' } : {}), mapping: aliasEvidence(rule) };
      }
      if (target.computed !== undefined) continue;
      const to = aliasPathTarget(target.path, specifier, profile, kind);
      if (to !== null) return { to, via: 'alias', mapping: aliasEvidence(rule) };
    }
    return null;
  };

  /** The repo file an alias's path names, as oxc finds it from the repo root, or null. */
  const aliasPathTarget = (path: string, specifier: string, profile: Profile, kind: ImporterKind): string | null => {
    const found = lookup(ctx.rootAbs, joinAbsolute(ctx.rootAbs, path), null, profile, kind);
    return found.path === null ? null : toTarget(found.path, specifier).to;
  };

  /** Every repo file the rule's computed targets name (tool-aliases.ts computedPaths), in the rule's order. */
  const computedAliasTargets = (rule: AliasRule, targets: AliasTarget[], specifier: string, profile: Profile, kind: ImporterKind): Resolution[] => {
    const out: Resolution[] = [];
    for (const target of targets) {
      if (!('path' in target) || target.computed === undefined) continue;
      const to = aliasPathTarget(target.path, specifier, profile, kind);
      if (to) out.push({ to, via: 'alias', mapping: `${aliasEvidence(rule)}, ${target.computed}` });
    }
    return out;
  };

  const unresolved = memoised((specifier: string, config: string | null): Resolution => {
    if (isPathSpecifier(specifier) || specifier.startsWith('#')) return { to: null, unresolved: 'not-found' };
    if (config !== null) {
      const { paths } = tsconfigs.options(config);
      const targets = Object.keys(paths).filter((p) => matchPathPattern(specifier, p) !== null).flatMap((p) => paths[p]);
      // `"react": ["./node_modules/@types/react"]` maps into the install, not the repo: an uninstalled package, not a broken path.
      const intoInstall = targets.length > 0 && targets.every((t) => /(^|\/)node_modules\//.test(t));
      if (targets.length > 0 && !intoInstall) return { to: null, unresolved: 'not-found' };
    }
    const pkg = packageNameOf(specifier);
    return isPackageName(pkg) ? { to: null, unresolved: 'external', package: pkg } : { to: null, unresolved: 'not-found' };
  });

  /**
   * Why nothing was found. One call for both kinds of dead end, so resolveOne's compiled code has
   * seen the call whichever comes first.
   */
  const deadEnd = (specifier: string, config: string | null, missedAlias: AliasRule | null): Resolution =>
    // An alias claimed the name: it is the repo's own path that is missing, not a package.
    missedAlias !== null ? { to: null, unresolved: 'not-found', mapping: aliasEvidence(missedAlias) } : unresolved(specifier, config);

  const layoutEvidence = (option: string, config: string): string => {
    const line = lineOfKey(ctx.manifests.text(config) ?? '', option);
    return `the tsconfig ${option} (${config}${line === undefined ? '' : `:${line}`})`;
  };

  /** A relative import's file under `moduleSuffixes`, which decides before the plain lookup. */
  const viaModuleSuffixes = (candidate: string, layout: RelativeLayout, kind: ImporterKind, added: readonly string[]): Resolution | null => {
    if (layout.moduleSuffixes === null) return null;
    const has = (p: string): boolean => ctx.files.has(p);
    const found = probeWithSuffixes(candidate, layout.moduleSuffixes.suffixes, kind, has, added);
    if (found === null) return null;
    // The file a lookup without suffixes finds too needs no mapping to explain it.
    const plain = found === probeWithSuffixes(candidate, [''], kind, has, added);
    return { to: found, via: 'relative', ...(plain ? {} : { mapping: layoutEvidence('moduleSuffixes', layout.moduleSuffixes.config) }) };
  };

  /** A relative import that is not where it says: under another of the `rootDirs`. */
  const viaRootDirs = (candidate: string, layout: RelativeLayout, kind: ImporterKind, added: readonly string[]): Resolution | null => {
    if (layout.rootDirs === null) return null;
    const suffixes = layout.moduleSuffixes?.suffixes ?? [''];
    for (const alternative of rootDirAlternatives(candidate, layout.rootDirs.dirs)) {
      const found = probeWithSuffixes(alternative, suffixes, kind, (p) => ctx.files.has(p), added);
      if (found !== null) return { to: found, via: 'relative', mapping: layoutEvidence('rootDirs', layout.rootDirs.config) };
    }
    return null;
  };

  /** What each import of a folder's files is resolved with: the folder's absolute path, governing tsconfig and added conditions. */
  interface Folder {
    dirAbs: string;
    config: string | null;
    added: readonly DeclaredCondition[];
    /** The added conditions' names. */
    extra: readonly string[];
  }
  const folders = new Map<string, Folder>();
  /** What listedRelative reads; null when the scan did not say which listed files are links. */
  const listing: ListedRelativeContext | null = ctx.linkedFiles === undefined ? null : {
    files: ctx.files,
    linkedFiles: ctx.linkedFiles,
    folderLinks: ctx.folderLinks,
    onDisk: (path) => disk.exists(joinAbsolute(ctx.rootAbs, path)),
  };
  const folderOf = (dir: string): Folder => {
    let known = folders.get(dir);
    if (known === undefined) {
      const config = tsconfigs.configFor(dir);
      const added = conditionsFor(dir, config);
      folders.set(dir, (known = { dirAbs: joinAbsolute(ctx.rootAbs, dir), config, added, extra: uniformList(added.map((c) => c.name)) }));
    }
    return known;
  };
  /**
   * The importer's folder, its Folder and its kind, for the last importer asked: the graph resolves
   * a file's imports one after another, and each lookup sliced the file's folder and extension
   * again and hashed the new folder string into `folders` (payload: about 15,000 lookups, three
   * slices and two hashes each).
   */
  let lastImporter: string | null = null;
  let lastDir = '';
  let lastFolder: Folder | null = null;
  let lastKind: ImporterKind = 'js';
  const importerOf = (fromFile: string): Folder => {
    if (fromFile !== lastImporter || lastFolder === null) {
      lastDir = dirname(fromFile);
      lastFolder = folderOf(lastDir);
      lastKind = TS_EXTENSIONS.has(extname(fromFile).toLowerCase()) ? 'ts' : 'js';
      lastImporter = fromFile;
    }
    return lastFolder;
  };

  /**
   * Answers to non-path specifiers (`react`, `@payload/ui/x`, `#lib`, `node:fs`), shared by every
   * importing folder of one package scope that resolves them alike: the same governing tsconfig,
   * importer kind and bundler alias rules, no added conditions or compiler extensions. Such an answer
   * depends on the folder only through its scope: oxc's bare lookups are shared per scope already
   * (`bareLookups`), the memoised fallbacks are keyed by config, and a workspace's own-package test
   * and the nearest package.json (`#` imports) hold for the whole scope, since a folder with a
   * package.json is a scope of its own. A name an alias rule claims is not shared: the alias may
   * stand for a path read from the importer's own folder (bare-contexts' `up: '..'`). payload asked
   * 9,547 such (folder, name) pairs, 3,351 of them distinct per scope; each repeat went through the
   * aliases, the memos and toTarget again.
   */
  type ScopeAnswers = Record<Profile, Map<string, readonly Readonly<Resolution>[]>>;
  const scopeAnswersByRules = new Map<readonly AliasRule[], Map<string, ScopeAnswers>>();
  let lastScopeFrom: string | null = null;
  let lastScopeAnswers: ScopeAnswers | null = null;
  let lastScopeRules: readonly AliasRule[] = EMPTY_LIST;
  const scopeAnswersFor = (fromFile: string): ScopeAnswers | null => {
    if (fromFile === lastScopeFrom) return lastScopeAnswers;
    const folder = importerOf(fromFile);
    lastScopeFrom = fromFile;
    // Added conditions and extensions carry their folder's evidence: such folders keep their own answers.
    if (folder.added.length > 0 || addedFor(folder.dirAbs).length > 0) return (lastScopeAnswers = null);
    const rules = (lastScopeRules = aliases.rulesFor(lastDir));
    let byScope = scopeAnswersByRules.get(rules);
    if (byScope === undefined) scopeAnswersByRules.set(rules, (byScope = new Map()));
    const key = `${scopeOf(folder.dirAbs)}\0${folder.config ?? ''}\0${lastKind}`;
    let answers = byScope.get(key);
    if (answers === undefined) byScope.set(key, (answers = { esm: new Map(), cjs: new Map(), types: new Map() }));
    return (lastScopeAnswers = answers);
  };
  /** Whether no alias rule of the last importer's folder claims the name (the first claim decides, in viaAlias). */
  const unclaimed = (written: string): boolean => {
    if (lastScopeRules.length === 0) return true;
    const specifier = withoutQuery(written);
    return lastScopeRules.every((rule) => rule.map(specifier) === null);
  };

  /** `written`: the specifier as the import spells it (with its query); `primary`: the profile its syntax asks for. */
  const resolveOne = (written: string, primary: Profile, fromFile: string, withAliases: boolean): Resolution => {
    const specifier = withoutQuery(written);
    if (specifier === '') return { to: null, unresolved: 'not-found' };
    if (isRuntimeScheme(specifier)) return { to: null, unresolved: 'builtin' };
    if (isUrlLike(specifier)) return { to: null, unresolved: 'external', package: packageNameOf(specifier) };
    const folder = importerOf(fromFile);
    const dir = lastDir;
    const { dirAbs, config } = folder;
    const kind = lastKind;
    const bare = !isPathSpecifier(specifier) && !specifier.startsWith('#');

    let missedAlias: AliasRule | null = null;
    if (!isPathSpecifier(specifier) && withAliases) {
      const aliased = viaAlias(specifier, fromFile, primary, kind);
      if (aliased !== null) return aliased;
      missedAlias = claimedBy;
    }
    if (bare && config !== null && usable(config) === null) {
      const mapped = viaPathsByHand(specifier, config, primary, kind);
      if (mapped) return mapped;
    }
    const relative = isPathSpecifier(specifier) && !specifier.startsWith('/') ? joinRepo(dir, specifier) : null;
    const layout = relative === null ? null : tsconfigs.relativeLayout(fromFile);
    if (relative !== null && layout !== null) {
      const suffixed = viaModuleSuffixes(relative, layout, kind, extensionsFor(dirAbs));
      if (suffixed) return suffixed;
    }
    const { added, extra } = folder;
    // A relative import of a listed file: oxc's answer, from the listing (resolution/listed-relative.ts).
    if (relative !== null && listing !== null) {
      const listed = listedRelative(listing, relative, specifier, kind);
      if (listed !== null) return { to: listed, via: 'relative' };
    }
    for (const profile of PROFILES_TRIED[primary]) {
      const found = lookup(dirAbs, specifier, config, profile, kind, extra);
      if (found.builtin) return { to: null, unresolved: 'builtin' };
      if (found.path === null) continue;
      const target = toTarget(found.path, specifier);
      if (target.to === null) {
        // A bare name that node_modules has but the repo also defines is still external at run time.
        if (bare && target.unresolved === 'external') return target;
        continue;
      }
      const via = !bare ? (specifier.startsWith('#') ? 'package-imports' : 'relative') : bareVia(specifier, found.path, fromFile, dirAbs, config, profile, kind, extra);
      // A condition the repo's tools add picked this target: the edge says which, and what Node
      // picks without it (`"default": "./src/log.ts"`) is still loaded by a plain run, so it is reached too.
      const plain = added.length === 0 || isPathSpecifier(specifier) ? null : lookup(dirAbs, specifier, config, profile, kind);
      if (plain === null || plain.path === found.path) return { to: target.to, via };
      // Name the condition that makes the pick on its own, else every added one.
      const deciding = added.find((c) => {
        const alone = lookup(dirAbs, specifier, config, profile, kind, [c.name]);
        return alone.path === found.path;
      });
      const picked: Resolution = { to: target.to, via, mapping: conditionEvidence(deciding ? [deciding] : added) };
      const plainTarget = plain.path !== null ? toTarget(plain.path, specifier) : null;
      if (plainTarget?.to) alongside.set(picked, [{ to: plainTarget.to, via }]);
      return picked;
    }
    if (relative !== null && layout !== null) {
      const rooted = viaRootDirs(relative, layout, kind, extensionsFor(dirAbs));
      if (rooted) return rooted;
    }
    if (bare) {
      const workspace = viaWorkspace(specifier, config, primary, kind, extra);
      if (workspace) return workspace;
    }
    if (specifier.startsWith('#')) {
      const imported = viaPackageImports(specifier, fromFile, primary, kind, extra);
      if (imported) return imported;
    }
    if (bare && config !== null) {
      const referenced = viaReferencedPaths(specifier, config, primary, kind);
      if (referenced) return referenced;
    }
    return deadEnd(specifier, config, missedAlias);
  };

  /** A file found by an extension a compiler adds (`./greeting` → greeting.tsrx): the edge names the declaration, unless it says how it was mapped already. */
  const withAddedExtension = (r: Resolution, specifier: string, fromFile: string): Resolution => {
    if (r.to === null || r.mapping !== undefined) return r;
    // most folders have no compiler adding an extension: then nothing to name, and no strings made
    const byFolder = addedFor(importerOf(fromFile).dirAbs);
    if (byFolder.length === 0) return r;
    const ext = extname(r.to).toLowerCase();
    const added = byFolder.find((a) => a.extension === ext);
    return added === undefined || withoutQuery(specifier).toLowerCase().endsWith(ext) ? r : { ...r, mapping: added.why };
  };

  /**
   * The declaration TypeScript reads for a repo file of an extension it does not load, when a
   * TypeScript-resolving importer reaches that file by a path (relative or tsconfig `paths`): a
   * second target, beside the file the bundler loads.
   */
  const declarationFor = (r: Resolution, fromFile: string): Resolution | null => {
    if (r.to === null || (r.via !== 'relative' && r.via !== 'tsconfig-paths')) return null;
    importerOf(fromFile);
    if (lastKind !== 'ts') return null;
    const declaration = declarationBeside(r.to, (p) => ctx.files.has(p));
    return declaration === null ? null : { to: declaration, via: r.via, mapping: `the declaration TypeScript reads for ${r.to}, a file it does not load itself` };
  };

  return {
    ecosystem: 'javascript',
    patternPaths(pattern: string, fromFile: string): { paths: string[]; mapping: string } | null {
      const dir = dirname(fromFile);
      // Vite reads `/pages/*.ts` (and a bare `**/x`) from the project root, where it runs.
      if (pattern.startsWith('/') || pattern.startsWith('**')) {
        const manifest = ctx.manifests.nearest(dir, 'package.json');
        const root = manifest === null ? '' : dirname(manifest);
        const path = joinRepo(root, pattern.replace(/^\/+/, ''));
        return path === null ? null : { paths: [path], mapping: `the project root (${manifest ?? 'the repo root'})` };
      }
      // Bundler aliases first, as for imports: the first rule that claims the name decides.
      for (const rule of aliases.rulesFor(dir)) {
        const targets = rule.map(pattern);
        if (targets === null) continue;
        const paths = targets.flatMap((t) => ('path' in t ? [t.path] : []));
        return paths.length === 0 ? null : { paths, mapping: aliasEvidence(rule) };
      }
      // The requiring package's own name: it loads its own files (Node's self-reference, or resolve-cwd from the app it is installed in).
      const manifest = ctx.manifests.nearest(dir, 'package.json');
      const ownName = manifest === null ? undefined : packageJsonObject(ctx.manifests, manifest)?.name;
      if (typeof ownName === 'string' && ownName !== '' && pattern.startsWith(`${ownName}/`)) {
        const path = joinRepo(dirname(manifest ?? ''), pattern.slice(ownName.length + 1));
        return path === null ? null : { paths: [path], mapping: `the package's own name (${manifest})` };
      }
      // Then the tsconfig `paths` the bundler's resolver reads (vite-tsconfig-paths, TsconfigPathsPlugin): every target, as a glob spans them all.
      const config = tsconfigs.configFor(dir);
      if (config === null) return null;
      const paths = pathCandidates(pattern, tsconfigs.options(config));
      return paths.length === 0 ? null : { paths, mapping: `the tsconfig paths of ${config}` };
    },
    resolve(fact: ImportFact, fromFile: string): readonly Readonly<Resolution>[] {
      const specifier = specifierOf(fact);
      const profile = profileOf(fact);
      const answers = answersFor(fromFile)[profile];
      const known = answers.get(specifier);
      if (known) return known;
      const shared = isPathSpecifier(withoutQuery(specifier)) ? null : (scopeAnswersFor(fromFile)?.[profile] ?? null);
      const sharedKnown = shared?.get(specifier);
      if (sharedKnown) {
        answers.set(specifier, sharedKnown);
        return sharedKnown;
      }
      let results: Resolution[];
      try {
        const result = resolveOne(specifier, profile, fromFile, true);
        const declaration = alongside.has(result) ? null : declarationFor(result, fromFile);
        const also = alongside.get(result) ?? (declaration === null ? EMPTY_RESOLUTIONS : [declaration]);
        // the result and what goes along, each named by an added extension: one packed list, no copies on the way
        results = [withAddedExtension(result, specifier, fromFile)];
        for (const r of also) results.push(withAddedExtension(r, specifier, fromFile));
      } catch (e) {
        if (e instanceof OxcLoadError) throw e;
        results = [{ to: null, unresolved: 'not-found' }];
      }
      answers.set(specifier, results);
      // A hit in the shared table is a name no rule of its rules claims: only such names are kept there.
      if (shared !== null && unclaimed(specifier)) shared.set(specifier, results);
      return results;
    },
  };
};
