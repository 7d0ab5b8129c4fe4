/**
 * The configs eleventy looks for by name, in its order (Eleventy 3.1's TemplateConfig); it loads
 * the first it finds. A TypeScript config (`eleventy.config.ts`) is not among them: it is loaded
 * when `--config` names it. The one list both Eleventy readers (eleventy.ts, eleventy-site.ts) and
 * the name-only tool-config detector (entries/tool-configs.ts) go by: a module of its own, with
 * nothing but a path helper, so the detector does not load the readers.
 */
import { joinRepo } from '../../util/path.js';

export const DEFAULT_CONFIGS = ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs'];

/** The config a plain `eleventy` run in `dir` loads, or null when it has none. */
export const defaultConfigIn = (files: ReadonlySet<string>, dir: string): string | null =>
  DEFAULT_CONFIGS.map((c) => joinRepo(dir, c)).find((c): c is string => c !== null && files.has(c)) ?? null;
