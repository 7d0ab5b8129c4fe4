/**
 * Tool config files are code that a tool loads by its own name, so nothing imports them:
 * `vite.config.ts`, `jest.config.js`, `eslint.config.mjs`, `.eslintrc.cjs`, `.prettierrc.js`,
 * `gulpfile.js`, `gatsby-config.js`, `cucumber.js`, `karma.conf.js`, `quasar.conf.js`, `.xo-config.js`, `.release-it.ts`, `.stryker.conf.js`,
 * `.storybook/main.ts`, … are tooling roots of the tool named in the file name.
 * What a config names (entries, setup files, plugins) is for the framework readers; this only
 * keeps the config itself, and what it imports, from being called dead. A plopfile is not here:
 * the name alone does not say plop is used (frameworks/js/plop.ts reads it where plop is).
 */
import { DEFAULT_CONFIGS as ELEVENTY_CONFIGS, defaultConfigIn as eleventyConfigIn } from '../frameworks/js/eleventy-configs.js';
import { basename, dirname } from '../util/path.js';
import { fileEntry } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

const CODE = String.raw`(?:c|m)?[jt]s`;
/** `vite.config.ts`, `vitest.config.e2e.mts`, `sentry.client.config.ts`: the tool is the first word. */
const DOT_CONFIG = new RegExp(String.raw`^([\w-]+)(?:\.[\w-]+)*\.config(?:\.[\w-]+)?\.${CODE}$`);
/** `.eslintrc.cjs`, `.prettierrc.mjs`, `.lintstagedrc.js`, `.mocharc.js`. */
const RC = new RegExp(String.raw`^\.([\w-]+)rc\.${CODE}$`);
/** Files a tool loads by a fixed name that is not `*.config.*`. */
const FIXED: [RegExp, string][] = [
  [new RegExp(String.raw`^gulpfile(?:\.babel)?\.${CODE}$`, 'i'), 'gulp'],
  [new RegExp(String.raw`^gruntfile\.${CODE}$`, 'i'), 'grunt'],
  [new RegExp(String.raw`^jakefile\.${CODE}$`, 'i'), 'jake'],
  [new RegExp(String.raw`^dangerfile\.${CODE}$`), 'danger'],
  // Wider than eleventy's own names (frameworks/js/eleventy-configs.ts), on purpose: see eleventyEvidence.
  [new RegExp(String.raw`^\.eleventy\.${CODE}$`), 'eleventy'],
  [new RegExp(String.raw`^\.pnpmfile\.cjs$`), 'pnpm'],
  [new RegExp(String.raw`^knip\.${CODE}$`), 'knip'],
  [new RegExp(String.raw`^vitest\.(?:workspace|projects)\.${CODE}$`), 'vitest'],
  [new RegExp(String.raw`^gatsby-(?:config|node|browser|ssr)\.${CODE}x?$`), 'gatsby'],
  [new RegExp(String.raw`^cucumber\.${CODE}$`), 'cucumber'],
  [new RegExp(String.raw`^karma\.conf\.${CODE}$`), 'karma'],
  [new RegExp(String.raw`^quasar\.conf\.js$`), 'quasar'],
  [new RegExp(String.raw`^\.xo-config\.${CODE}$`), 'xo'],
  [new RegExp(String.raw`^\.release-it\.${CODE}$`), 'release-it'],
  [new RegExp(String.raw`^\.?stryker\.conf\.${CODE}$`), 'stryker'],
];
/**
 * Every FIXED pattern in one, ignoring case (so it accepts at least what each accepts): a name it
 * rejects is none of them, which is most names, where testing each pattern in turn cost fifteen
 * tests for every JS/TS file of the repo.
 */
const ANY_FIXED = new RegExp(FIXED.map(([pattern]) => `(?:${pattern.source})`).join('|'), 'i');
/** What every name this detector knows ends with. */
const CODE_SUFFIX = /\.[cm]?[jt]sx?$/i;
/** `.storybook/main.ts` and the files Storybook loads beside it. */
const STORYBOOK = new RegExp(String.raw`^(?:main|preview|manager|preview-head|test-runner|vitest\.setup)\.${CODE}x?$`);

/** Tools whose `<tool>.config.*` is theirs wherever it sits; any other `x.config.*` counts beside a package.json. */
const KNOWN_TOOLS = new Set([
  'astro', 'babel', 'commitlint', 'cypress', 'docusaurus', 'drizzle', 'electron', 'esbuild', 'eslint', 'gatsby', 'graphql', 'jest', 'karma',
  'knip', 'lint-staged', 'metro', 'next', 'nuxt', 'payload', 'playwright', 'postcss', 'prettier', 'release', 'remix', 'rollup', 'sentry',
  'stryker', 'stylelint', 'svelte', 'tailwind', 'tsup', 'turbo', 'vite', 'vitest', 'vue', 'webpack', 'xo',
]);

/**
 * Configs named for what they hold rather than for the tool that loads them, known by the package
 * their definitions come from: fumadocs-mdx loads `source.config.ts` (its `defineDocs` sources).
 */
const NAMED_FOR_CONTENT: { word: string; imports: RegExp; tool: string }[] = [
  { word: 'source', imports: /\bfrom\s+['"]fumadocs-mdx(?:\/[^'"]*)?['"]/, tool: 'fumadocs-mdx' },
];

/** The tool that loads a file by its name, or null when the name is not a tool config's. */
export const toolOfConfig = (path: string, files?: ReadonlySet<string>): string | null => {
  // Every name below ends in a JS/TS extension (some patterns ignore case): most paths stop here.
  if (!CODE_SUFFIX.test(path)) return null;
  const name = basename(path);
  // Each test below is guarded by a substring its pattern needs: this runs for every JS/TS file.
  if (path.includes('.storybook/') && basename(dirname(path)) === '.storybook' && STORYBOOK.test(name)) return 'storybook';
  const dotConfig = name.includes('.config') ? DOT_CONFIG.exec(name) : null;
  if (dotConfig) {
    const dir = dirname(path);
    if (KNOWN_TOOLS.has(dotConfig[1]) || files === undefined || files.has(dir === '' ? 'package.json' : `${dir}/package.json`)) return dotConfig[1];
  }
  const rc = name.charCodeAt(0) === 46 /* . */ ? RC.exec(name) : null;
  if (rc) return rc[1];
  if (!ANY_FIXED.test(name)) return null;
  for (const [pattern, tool] of FIXED) if (pattern.test(name)) return tool;
  return null;
};

/**
 * Eleventy loads the first of its own names in the folder it runs in (ELEVENTY_CONFIGS, the list
 * its readers go by), and any other file only when `--config` names it. This detector matches
 * more than that list (`.eleventy.cjs`, `eleventy.config.ts`, `eleventy.config.dynamic.cjs` beside
 * a package.json) and keeps them tooling: it reads names alone and cannot see every command that
 * may pass `--config` (a CI step, a Netlify build), and the Eleventy reader, which does read the
 * package.json scripts, makes the config they name an entry of its own. The evidence says which
 * case a file is, from the same list.
 */
const eleventyEvidence = (path: string, files: ReadonlySet<string>): string => {
  const loaded = eleventyConfigIn(files, dirname(path));
  if (loaded === path) return `${path}: config file loaded by eleventy`;
  const name = basename(path);
  if (ELEVENTY_CONFIGS.includes(name)) return `${path}: config file named for eleventy, which loads ${basename(loaded ?? path)} in this folder first, so this one only when --config names it`;
  return `${path}: config file named for eleventy, which loads it only when --config names it (by itself it loads ${ELEVENTY_CONFIGS.join(', ')})`;
};

const toolConfigs: EntryDetector = {
  id: 'tool-configs',
  title: 'tool config files (*.config.*, .*rc.js, gulpfile, .storybook/main)',
  matches: (path) => toolOfConfig(path) !== null,
  candidates: { extensions: ['js', 'jsx', 'ts', 'tsx', 'cjs', 'cjsx', 'cts', 'ctsx', 'mjs', 'mjsx', 'mts', 'mtsx'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const named = toolOfConfig(file.path, ctx.files);
    const tool = NAMED_FOR_CONTENT.find((n) => n.word === named && n.imports.test(file.text))?.tool ?? named;
    if (tool !== null) out.entries.push(fileEntry(file.path, 'tooling', tool === 'eleventy' ? eleventyEvidence(file.path, ctx.files) : `${file.path}: config file loaded by ${tool}`));
    return out;
  },
};

export default toolConfigs;
