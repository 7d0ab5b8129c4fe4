/**
 * Stop 65: a webpack request string that names a loader of the package itself by the package's own
 * name. gatsby's dist/utils/webpack/plugins/partial-hydration.js:213 builds
 *
 *     `gatsby/dist/utils/webpack/loaders/client-components-requires-writer-loader?${JSON.stringify(…)}!`
 *
 * and hands it to `webpack.EntryPlugin.createDependency(…)`: webpack splits the request at `!` into
 * loaders and a resource, strips each loader's `?query`, and resolves `gatsby/dist/…` as a module,
 * which from inside the gatsby package is gatsby's own file. Nothing imports the loader.
 *
 * Read, in the code files of a package that depends on webpack: a string or template literal that
 * opens with `<the package's name>/<path>` directly followed by `?` or `!` (webpack's inline request
 * syntax, which no import specifier has); the path is completed as Node completes a require (`X`,
 * `X.js`, `X.cjs`, `X.mjs`, `X/index.js`) from the package's folder. A reference from the file that
 * spells it, with the line. Another package's name, a relative request (relative to webpack's
 * `context`, which census cannot know), a string without `?` or `!` (an import, a require.resolve:
 * other readers' cases), a string in a comment, and a path that names no file add nothing.
 */
import { pathsWithPrefix } from '../../util/file-index.js';
import { joinRepo } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { escapeRegExp } from '../../util/regexp.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext, FrameworkReader } from '../types.js';
import { blankedText } from './blanked-texts.js';
import { nodeCompletion } from './anchored-paths.js';
import { dependsOn, jsPackages, labelledReferences, type LabelledReference } from './support.js';

const CODE = /\.[cm]?[jt]sx?$/;

const requestLoads = perScan((ctx: FrameworkContext): LabelledReference[] => {
  const out: LabelledReference[] = [];
  const packages = jsPackages(ctx).filter((p) => typeof p.json.name === 'string' && p.json.name !== '' && dependsOn(p, 'webpack'));
  for (const pkg of packages) {
    const name = pkg.json.name as string;
    const request = new RegExp(String.raw`(["'\`])${escapeRegExp(name)}/([\w@.\-/]+)([?!])`, 'g');
    for (const file of pathsWithPrefix(ctx.files, pkg.dir === '' ? '' : `${pkg.dir}/`)) {
      if (!CODE.test(file) || file.includes('node_modules/')) continue;
      const written = ctx.readText(file);
      if (written === null || !written.includes(`${name}/`)) continue;
      // A request in a comment names nothing; strings are kept.
      const text = blankedText(ctx, file, written);
      for (const m of text.matchAll(request)) {
        const path = joinRepo(pkg.dir, m[2].replace(/\/+$/, ''));
        const target = path === null ? null : nodeCompletion(ctx.files, path);
        if (target === null || target === file) continue;
        const line = lineAt(text, m.index ?? 0);
        out.push({ from: file, target, line, label: `${file}:${line} spells the webpack request ${name}/${m[2]}${m[3]}…, the package's own ${target} by its name, which webpack resolves and loads` });
      }
    }
  }
  return out;
});

const webpackRequestStrings: FrameworkReader = {
  id: 'webpack-request-strings',
  title: "webpack request strings naming the package's own loader by its name (`pkg/dist/x-loader?…!`)",
  ecosystem: 'javascript',
  ...labelledReferences(requestLoads),
};

export default webpackRequestStrings;
