/**
 * A TanStack Router app whose generated route tree is not in the repo: `router.tsx` imports
 * `./routeTree.gen`, which TanStack's generator writes at build time with one import per route
 * file, and no config census can read states where the routes are (tanstack-router.ts reads the
 * plugin, tsr.config.json and Start's srcDirectory when one does). Payload ships such an app:
 * app-tanstack/router.tsx:4 imports './routeTree.gen' and its routes sit in app-tanstack/app/,
 * the folder a user's withPayload build names; the same app's copy under test/ has the tree,
 * which imports `./app/__root` and each route beside it.
 *
 * Read as the generator lays the tree out (router-generator getRouteNodes): the routes folder is
 * the one beside the tree that holds the root route `__root.{tsx,ts,jsx,js}` (rootPathId) calling
 * createRootRoute; every file under it with a route extension is a route, but names starting with
 * `.` or the default ignore prefix `-` (files or folders) are not. With no config, a file is taken
 * for a route only when it declares one (createFileRoute, createLazyFileRoute, ...: the generated
 * tree imports each file's `Route`), and test and declaration files never are: what is not a route
 * is live only when a route imports it. Each route is an edge from the importing file at the line
 * of its import, so the routes are as live as the router that loads them.
 * Gate: a package of the repo depends on TanStack Router or Start; then the paths are searched for
 * root routes, and only the code files in and below the folder beside one have their imports read
 * (an importer elsewhere, `../app/routeTree.gen` from a sibling folder, is not looked for).
 */
import { pathsWithPrefix, sortedPaths } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { labelledReferences, toolPackages, type LabelledReference } from './support.js';

const TANSTACK_DEPS = [/^@tanstack\/((react|solid|vue)-)?(router|start)$/, /^@tanstack\/router-(plugin|vite-plugin|cli)$/];
/** `./routeTree.gen`, `../src/routeTree.gen.ts`: the generator's default name, relative. */
const TREE_SPECIFIER = /^\.\.?\/(?:.*\/)?routeTree\.gen(?:\.[cm]?[jt]sx?)?$/;
const CODE_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mts', '.mjs', '.cts', '.cjs'];
const ROUTE_CODE = /\.(tsx|ts|jsx|js)$/;
const CODE = /\.[cm]?[jt]sx?$/;
const ROOT_ROUTE = /^__root\.(tsx|ts|jsx|js)$/;
const IGNORE_PREFIX = '-';
const DEFAULT_ROUTES_FOLDER = 'routes';
const NOT_A_ROUTE = /\.d\.[cm]?ts$|\.(test|spec)\.[cm]?[jt]sx?$/;
const DECLARES_ROUTE = /\bcreate(?:Lazy)?FileRoute\b|\bcreateRootRoute(?:WithContext)?\b|\bcreate(?:Server|API)FileRoute\b/;
const DECLARES_ROOT = /\bcreateRootRoute(?:WithContext)?\b/;

interface RouteFolder {
  folder: string;
  root: string;
}

/**
 * Every routes folder the repo may hold, by the folder a generated tree beside it would sit in:
 * a folder whose `__root.*` calls createRootRoute. Found from the paths alone (one pass over the
 * file index) before any import is read, so only the files near such a folder have theirs read.
 */
const routeFoldersByTreeDir = (ctx: FrameworkContext): Map<string, RouteFolder[]> => {
  const byTreeDir = new Map<string, RouteFolder[]>();
  const paths = sortedPaths(ctx.files);
  for (let i = 0; i < paths.length; i++) {
    const root = paths[i];
    if (!root.includes('__root.') || !ROOT_ROUTE.test(basename(root)) || root.includes('node_modules/')) continue;
    const folder = dirname(root);
    if (folder === '' || basename(folder).startsWith('.') || !DECLARES_ROOT.test(ctx.readText(root) ?? '')) continue;
    const treeDir = dirname(folder);
    const list = byTreeDir.get(treeDir);
    if (list) list.push({ folder, root });
    else byTreeDir.set(treeDir, [{ folder, root }]);
  }
  return byTreeDir;
};

/**
 * The generator reads one routes folder: of several beside a tree holding a root route, the one
 * named `routes` when there is one (routesDirectory's default, `./src/routes` beside
 * `./src/routeTree.gen.ts`); a `src/legacy/__root.tsx` beside it is no route the tree imports.
 * Without one census cannot tell which, and takes each.
 */
const generatorsFolders = (folders: readonly RouteFolder[]): readonly RouteFolder[] => {
  if (folders.length < 2) return folders;
  const byDefault = folders.filter((f) => basename(f.folder) === DEFAULT_ROUTES_FOLDER);
  return byDefault.length > 0 ? byDefault : folders;
};

const isRouteName = (name: string) => !name.startsWith('.') && !name.startsWith(IGNORE_PREFIX);

const routesOf = (ctx: FrameworkContext, folder: string): string[] =>
  pathsWithPrefix(ctx.files, `${folder}/`).filter(
    (route) => ROUTE_CODE.test(route) && !NOT_A_ROUTE.test(route) && route.slice(folder.length + 1).split('/').every(isRouteName) && DECLARES_ROUTE.test(ctx.readText(route) ?? ''),
  );

const references = perScan((ctx: FrameworkContext): LabelledReference[] => {
  const refs: LabelledReference[] = [];
  if (toolPackages(ctx, TANSTACK_DEPS, null).length === 0) return refs;
  const byTreeDir = routeFoldersByTreeDir(ctx);
  // The router imports its tree from beside it (TanStack's router.tsx, main.tsx): the files in and below a tree's folder are read.
  const read = new Set<string>();
  // Each folder's routes are listed once, not once per import of a tree beside it.
  const routes = new Map<string, string[]>();
  const routesIn = (folder: string): string[] => routes.get(folder) ?? routes.set(folder, routesOf(ctx, folder)).get(folder)!;
  for (const treeDir of byTreeDir.keys()) {
    for (const file of pathsWithPrefix(ctx.files, treeDir === '' ? '' : `${treeDir}/`)) {
      if (read.has(file) || !CODE.test(file) || file.includes('node_modules/')) continue;
      read.add(file);
      const imports = ctx.facts(file)?.imports ?? [];
      // A file's first import of a tree draws its edges; another import of it there (a hostile file of
      // thousands, s65-hostile2: imports x routes edges, past 120 s at 4,000 of each) loads nothing more.
      const trees = new Set<string>();
      for (let i = 0; i < imports.length; i++) {
        const imp = imports[i];
        if (!imp.specifier.includes('routeTree.gen') || !TREE_SPECIFIER.test(imp.specifier)) continue;
        const tree = joinRepo(dirname(file), imp.specifier.replace(/\.[cm]?[jt]sx?$/, ''));
        // A tree in the repo is read as code: it imports the routes itself.
        if (tree === null || trees.has(tree) || CODE_EXTENSIONS.some((ext) => ctx.files.has(`${tree}${ext}`))) continue;
        trees.add(tree);
        for (const { folder, root } of generatorsFolders(byTreeDir.get(dirname(tree)) ?? [])) {
          for (const route of routesIn(folder)) {
            refs.push({
              from: file,
              target: route,
              line: imp.line,
              label: `loaded by ${file}:${imp.line} import '${imp.specifier}' (TanStack Router's route tree, generated at build time and not in the repo, from the route files in ${folder}/ beside it, whose root route is ${root})`,
            });
          }
        }
      }
    }
  }
  return refs;
});

const tanstackRouteTrees: FrameworkReader = {
  id: 'tanstack-route-trees',
  title: "TanStack Router route trees generated at build time (an import of a missing routeTree.gen: the routes beside it holding __root)",
  ecosystem: 'javascript',
  ...labelledReferences(references),
};

export default tanstackRouteTrees;
