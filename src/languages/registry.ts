/**
 * The language registry: one record per language census knows, and the lookups every stage
 * derives from it (extension and shebang maps, source/doc sets, comment styles, extractors,
 * families). Adding a language is a folder under src/languages/ with its record, one line here,
 * and its id in the `Language` union (the compiler checks that the two agree); a JavaScript-family
 * language's extensions are a line in js-family.ts, which stages that must not load this registry
 * share. Worker-safe: no resolver is loaded from here (see resolvers.ts).
 */
import type { Language } from '../model/file.js';
import { markdownLanguage, rstLanguage, textLanguage } from './docs/index.js';
import {
  crontabLanguage, dockerfileLanguage, iniLanguage, jsonLanguage, makefileLanguage, procfileLanguage, systemdLanguage, tomlLanguage, yamlLanguage,
} from './config/index.js';
import { mdxLanguage } from './mdx/index.js';
import { javascriptLanguage, typescriptLanguage } from './javascript/index.js';
import { pythonLanguage } from './python/index.js';
import { shellLanguage } from './shell/index.js';
import { astroLanguage } from './astro/index.js';
import { markoLanguage } from './marko/index.js';
import { svelteLanguage } from './svelte/index.js';
import { tsrxLanguage } from './tsrx/index.js';
import { vueLanguage } from './vue/index.js';
import type { KnownLanguage, LanguageFamily, LanguageRecord } from './types.js';
import { cssLanguage, htmlLanguage } from './web/index.js';

/** Every language, keyed by its id. The order is the order shebangs and name rules are tried in. */
export const LANGUAGES: Readonly<Record<KnownLanguage, LanguageRecord>> = {
  python: pythonLanguage,
  javascript: javascriptLanguage,
  typescript: typescriptLanguage,
  shell: shellLanguage,
  markdown: markdownLanguage,
  mdx: mdxLanguage,
  rst: rstLanguage,
  text: textLanguage,
  json: jsonLanguage,
  yaml: yamlLanguage,
  toml: tomlLanguage,
  ini: iniLanguage,
  dockerfile: dockerfileLanguage,
  makefile: makefileLanguage,
  systemd: systemdLanguage,
  procfile: procfileLanguage,
  crontab: crontabLanguage,
  html: htmlLanguage,
  css: cssLanguage,
  vue: vueLanguage,
  svelte: svelteLanguage,
  astro: astroLanguage,
  marko: markoLanguage,
  tsrx: tsrxLanguage,
};

export const LANGUAGE_RECORDS: readonly LanguageRecord[] = Object.values(LANGUAGES);

/** The record of a language; undefined for `other`. */
export const languageRecord = (language: Language): LanguageRecord | undefined =>
  language === 'other' ? undefined : LANGUAGES[language];

const idsWhere = (test: (r: LanguageRecord) => boolean): ReadonlySet<Language> => new Set(LANGUAGE_RECORDS.filter(test).map((r) => r.id));

const SOURCE = idsWhere((r) => r.source);
const DOC = idsWhere((r) => r.family === 'doc');

/** Source languages get verdicts; the others are wiring and docs. */
export const isSourceLanguage = (language: Language): boolean => SOURCE.has(language);

/** Documentation: what it mentions becomes doc-mention edges, not code edges. */
export const isDocLanguage = (language: Language): boolean => DOC.has(language);

const CARRIES_IMPORTS = idsWhere((r) => r.source || r.ecosystem !== undefined || r.passesReach === true);

/**
 * Reachability passes through these: source files, docs whose imports are code's (an MDX
 * page's ESM) and HTML pages, which have no verdict of their own but hand on the kind of whatever loads them.
 */
export const isReachableLanguage = (language: Language): boolean => CARRIES_IMPORTS.has(language);

/** The family a language belongs to; `other` is a family of its own. */
export const familyOf = (language: Language): LanguageFamily | 'other' => languageRecord(language)?.family ?? 'other';
