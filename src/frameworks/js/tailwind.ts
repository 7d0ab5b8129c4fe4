/**
 * Tailwind loads tailwind.config.* and the local `presets` and `plugins` it names by path (plugins
 * pulled in with `require()` are imports, which the graph follows); Tailwind v4 stylesheets load
 * JS by `@config "./tailwind.config.js"` and `@plugin "./plugins/x.js"`. Those files are tooling roots.
 */
import { byString } from '../../util/compare.js';
import { dirname } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkReader } from '../types.js';
import { enabledByPackages, resolveToolPath, toolPackages, type JsPackage } from './support.js';
import { toolPathsReader } from './tool-paths.js';
import { pathsNamedLike } from '../../util/file-index.js';

const config = toolPathsReader(
  { id: 'tailwind', tool: 'Tailwind CSS', names: /^tailwind\.config\.[cm]?[jt]s$/, keys: ['presets', 'plugins'] },
  'Tailwind CSS',
);
const v4Packages = (ctx: Parameters<FrameworkReader['collect']>[0]): JsPackage[] => toolPackages(ctx, ['tailwindcss', '@tailwindcss/vite', '@tailwindcss/postcss'], null);
const AT_RULE = /@(config|plugin)\s+(["'])([^"'\n]+)\2/g;

const tailwind: FrameworkReader = {
  id: 'tailwind',
  title: 'Tailwind CSS (local presets and plugins of tailwind.config, @config and @plugin in stylesheets)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => config.enabledBy(ctx) ?? enabledByPackages(v4Packages(ctx), 'Tailwind CSS'),
  collect: (ctx) => {
    const out = config.enabledBy(ctx) === null ? emptyFrameworkOutput() : config.collect(ctx);
    // Stylesheets are read only where Tailwind is a dependency: v4 has no config file to find.
    const prefixes = v4Packages(ctx).map((p) => (p.dir === '' ? '' : `${p.dir}/`));
    for (const css of pathsNamedLike(ctx.files, { extensions: ['css'] }, 'sorted')) {
      if (!prefixes.some((p) => css.startsWith(p))) continue;
      if (!css.endsWith('.css') || css.includes('node_modules/')) continue;
      const text = ctx.readText(css) ?? '';
      if (!text.includes('@config') && !text.includes('@plugin')) continue;
      for (const m of text.matchAll(AT_RULE)) {
        if (!m[3].startsWith('.')) continue;
        const file = resolveToolPath(ctx, dirname(css), m[3]);
        const line = text.slice(0, m.index).split('\n').length;
        if (file) out.entries.push({ source: css, target: file, targetKind: 'file', kind: 'tooling', line, evidence: `${css}:${line} @${m[1]} "${m[3]}", loaded by Tailwind CSS` });
      }
    }
    out.entries.sort((a, b) => byString(a.target, b.target));
    return out;
  },
};

export default tailwind;
