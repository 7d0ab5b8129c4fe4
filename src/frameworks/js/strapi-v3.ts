/**
 * Strapi v3 loads its admin package and each installed plugin by folder convention: strapi core's
 * `load-admin` requires every file of `strapi-admin` that `!(config|node_modules|scripts)/*.*(js|json)`
 * matches (controllers, services, models, validation, domain, utils: one level below the package)
 * and `load-plugins` every file of a `strapi-plugin-<name>` package that
 * `{!(config|node_modules|test)/*.*(js|json),package.json}` matches, and both read the package's
 * `config/**\/*.+(js|json)` (routes, policies, functions, settings; `*.test.js` left out). Nothing
 * in the package imports those files: `config/routes.json`'s `"handler": "admin.init"` names a
 * controller by its file name. A package named `strapi-admin` or `strapi-plugin-*` with a
 * `config/routes.json` (the v3 layout; v4's `@strapi/*` packages have a `strapi-server.js`
 * instead) gets each such JS file as a production root, the pattern as evidence.
 */
import { pathsWithPrefix } from '../../util/file-index.js';
import { joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkReader } from '../types.js';
import { jsPackages, type JsPackage } from './support.js';

interface Layout {
  loader: string;
  pattern: string;
  excluded: ReadonlySet<string>;
}

const ADMIN: Layout = { loader: 'load-admin', pattern: '!(config|node_modules|scripts)/*.*(js|json)', excluded: new Set(['config', 'node_modules', 'scripts']) };
const PLUGIN: Layout = { loader: 'load-plugins', pattern: '!(config|node_modules|test)/*.*(js|json)', excluded: new Set(['config', 'node_modules', 'test']) };
const CODE = /^[^.][^/]*\.[cm]?js$/;

const layoutOf = (pkg: JsPackage): Layout | null => {
  const name = pkg.json.name;
  if (name === 'strapi-admin') return ADMIN;
  return typeof name === 'string' && /^strapi-plugin-[\w.-]+$/.test(name) ? PLUGIN : null;
};

const strapiPackages = perScan((ctx) =>
  jsPackages(ctx).flatMap((pkg) => {
    const layout = layoutOf(pkg);
    const routes = joinRepo(pkg.dir, 'config/routes.json');
    return layout !== null && routes !== null && ctx.files.has(routes) ? [{ pkg, layout, routes }] : [];
  }),
);

const strapiV3: FrameworkReader = {
  id: 'strapi-v3',
  title: 'Strapi v3 admin and plugin packages (files strapi core loads by folder convention)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = strapiPackages(ctx)[0];
    return first ? `${first.pkg.manifest} names a Strapi v3 package (${String(first.pkg.json.name)}) with ${first.routes}` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const { pkg, layout, routes } of strapiPackages(ctx)) {
      const prefix = pkg.dir === '' ? '' : `${pkg.dir}/`;
      const name = String(pkg.json.name);
      for (const file of pathsWithPrefix(ctx.files, prefix)) {
        const parts = file.slice(prefix.length).split('/');
        if (parts.includes('node_modules')) continue;
        const byFolder = parts.length === 2 && !layout.excluded.has(parts[0]) && !parts[0].startsWith('.') && CODE.test(parts[1]);
        const byConfig = parts[0] === 'config' && parts.length >= 2 && /\.[cm]?js$/.test(parts[parts.length - 1]) && !/\.test\.js$/.test(file);
        if (!byFolder && !byConfig) continue;
        const pattern = byFolder ? layout.pattern : 'config/**/*.+(js|json)';
        out.entries.push({
          source: pkg.manifest,
          target: file,
          targetKind: 'file',
          kind: 'production',
          evidence: `Strapi v3 loads ${name}'s ${pattern} (strapi core's ${layout.loader}; a v3 package: ${routes})`,
        });
      }
    }
    return out;
  },
};

export default strapiV3;
