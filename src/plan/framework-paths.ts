/**
 * Files frameworks and tools load by where they are and what they are called, not by an import:
 * migrations, route and layout files, tool configs, package markers, type declarations. census's
 * framework readers turn most of them into entries, but a framework it does not read (or an app
 * it could not place) leaves them looking dead; removing one breaks a deploy. The plan never
 * proposes removing a file whose path matches, whatever its verdict: it asks a person instead.
 */
import { JS_FAMILY_FILE } from '../languages/js-family.js';
import { basename } from '../util/path.js';

interface Convention {
  what: string;
  test: (path: string, name: string) => boolean;
}

// A routed page may be any JS-family file, an MDX page included (Next, Astro and Docusaurus route .mdx).
const WEB_SOURCE = JS_FAMILY_FILE;

const CONVENTIONS: Convention[] = [
  // .semgrep/ rule tests, .github/ actions, .husky/ hooks: a tool finds them by folder.
  { what: 'a file in a tool\'s hidden folder', test: (p) => /(?:^|\/)\.[^/.][^/]*\//.test(p) },
  // migrations/, predefinedMigrations/, db/migrate/, alembic/versions/: run by name or order, never imported.
  { what: 'a database migration', test: (p) => /(?:^|\/)[^/]*migrat[^/]*\/|(?:^|\/)alembic\/versions\//i.test(p) },
  { what: 'a test fixture or mock', test: (p) => /(?:^|\/)(?:__)?(?:fixtures?|mocks?|testdata|test-data|snapshots)(?:__)?\//i.test(p) },
  // Next.js app router and pages router, SvelteKit, Remix, Nuxt, Astro: the folder layout is the routing table.
  { what: 'a route or layout file', test: (p, n) => WEB_SOURCE.test(n) && /(?:^|\/)(?:pages|routes|app|layouts|middleware|api)\//.test(p) },
  { what: 'a route or layout file', test: (_p, n) => /^(?:\+(?:page|layout|server|error)(?:\.server)?|middleware|instrumentation)\.[cm]?[jt]sx?$/.test(n) },
  { what: 'a tool configuration file', test: (_p, n) => /(?:^|[.-])config\.[cm]?[jt]s$|^\.?[\w-]+rc\.[cm]?[jt]s$|^(?:gulpfile|gruntfile|jakefile)\.[cm]?[jt]s$/i.test(n) },
  { what: 'a type declaration file', test: (_p, n) => /\.d\.[cm]?ts$/.test(n) },
  { what: 'a Python package or project file', test: (_p, n) => /^(?:__init__|__main__|conftest|setup|manage|wsgi|asgi|noxfile|fabfile|tasks|celery|settings|local_settings|apps|admin|urls|signals|checks|models|schema)\.py$/.test(n) },
  { what: 'a Django management command or template tag', test: (p) => /(?:^|\/)(?:management\/commands|templatetags)\//.test(p) },
  { what: 'a settings module', test: (p) => /(?:^|\/)settings\//.test(p) },
  { what: 'a package entry file', test: (_p, n) => /^index\.[cm]?[jt]sx?$/.test(n) },
];

/** What kind of convention-loaded file `path` looks like, or null when none. */
export const frameworkConvention = (path: string): string | null => {
  const name = basename(path);
  return CONVENTIONS.find((c) => c.test(path, name))?.what ?? null;
};
