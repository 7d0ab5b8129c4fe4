/**
 * Storybook loads the stories `stories` in .storybook/main.* selects (globs relative to the
 * .storybook folder, or `{ directory, files }`) and local addons; React Native Storybook's
 * .rnstorybook/main.* the same, with its `main`, `index` and `preview` as roots; with the kind of what runs
 * storybook (a deployed static build is production; `storybook dev` alone: tooling).
 */
import { configAt } from '../../languages/javascript/config-value.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { codeFileAt, enabledByPackages, globFiles, jsPackages, kindOf, pathEntries, readToolConfig, runEvidence, toolRun, warnUnread } from './support.js';

const MAIN = /^main\.[cm]?[jt]s$/;
const DEFAULT_FILES = '**/*.@(mdx|stories.@(js|jsx|mjs|ts|tsx))';

const mains = (ctx: FrameworkContext): string[] => [...ctx.files].filter((f) => f.includes('storybook/') && (basename(dirname(f)) === '.storybook' || basename(dirname(f)) === '.rnstorybook') && MAIN.test(basename(f)) && !f.includes('node_modules/')).sort();

/** The package folder a .storybook folder belongs to: the nearest package.json at or above it. */
const packageDir = (ctx: FrameworkContext, storybookDir: string): string => {
  const dirs = new Set(jsPackages(ctx).map((p) => p.dir));
  for (let d = dirname(storybookDir); ; d = dirname(d)) {
    if (dirs.has(d) || d === '') return d;
  }
};

const storybook: FrameworkReader = {
  id: 'storybook',
  title: 'Storybook (stories globs, local addons)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const found = mains(ctx);
    return found.length > 0 ? `${found[0]} configures Storybook` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const main of mains(ctx)) {
      const sbDir = dirname(main);
      const pkgDir = packageDir(ctx, sbDir);
      const run = toolRun(ctx, pkgDir, ['storybook', 'start-storybook', 'build-storybook']);
      const kind = kindOf(run);
      const why = runEvidence(run, 'storybook');
      const { value } = readToolConfig(ctx, main, out.diagnostics, 'storybook');
      const stories = configAt(value, 'stories');
      const unread: { line: number; text: string }[] = [];
      for (const item of stories?.kind === 'array' ? stories.items : stories ? [stories] : []) {
        let dir: string | null = sbDir;
        let glob = '';
        if (item.kind === 'string') {
          // `../src/**/*.stories.tsx`: split the static folder off the pattern.
          const at = item.value.search(/[*?{[(!@]/);
          const folder = at < 0 ? dirname(item.value) : item.value.slice(0, item.value.lastIndexOf('/', at) + 1);
          dir = joinRepo(sbDir, folder);
          glob = at < 0 ? basename(item.value) : item.value.slice(folder.length);
        } else if (item.kind === 'object') {
          const directory = configAt(item, 'directory');
          const files = configAt(item, 'files');
          dir = directory?.kind === 'string' ? joinRepo(sbDir, directory.value) : null;
          glob = files?.kind === 'string' ? files.value : DEFAULT_FILES;
        } else if (item.kind === 'unknown') {
          unread.push({ line: item.line, text: item.text });
          continue;
        }
        if (dir === null || glob === '') continue;
        for (const { file } of globFiles(ctx, dir, [glob])) {
          out.entries.push({ source: main, target: file, targetKind: 'file', kind, evidence: `story in ${main}:${item.line} stories "${item.kind === 'string' ? item.value : `${dir}/${glob}`}", loaded by ${why}` });
        }
      }
      warnUnread(out.diagnostics, 'storybook', main, unread, 'stories');
      pathEntries(ctx, { config: main, value: configAt(value, 'addons'), key: 'addons', dir: sbDir, kind, evidence: `loaded by ${why}`, id: 'storybook' }, out);
      // React Native Storybook: the app imports .rnstorybook/index (behind its own flag), which loads
      // main and preview (tool-configs knows only the .storybook folder).
      if (basename(sbDir) === '.rnstorybook') {
        for (const name of ['main', 'index', 'preview']) {
          const file = codeFileAt(ctx, `${sbDir}/${name}`);
          if (file) out.entries.push({ source: main, target: file, targetKind: 'file', kind, evidence: `React Native Storybook ${name} beside ${main}, loaded by ${why}` });
        }
      }
    }
    return out;
  },
};

export default storybook;
