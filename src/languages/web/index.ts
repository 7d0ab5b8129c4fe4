/** Web page formats: not code census gives a verdict; an HTML page hands on the kind of what loads it to its scripts. */
import type { LanguageRecord } from '../types.js';

/**
 * An HTML page loads its `<script src>` (frameworks/js/html-pages.ts): what serves or visits the
 * page decides their kind, and a page nothing is seen to serve is one a person opens in a browser,
 * a root of the manual tier.
 */
const PAGE_OPENED = 'is an HTML page or template that no server, test or code found here loads (opened or rendered by hand)';
/**
 * ISO 639-1 language codes, less those a file name more likely ends in for another reason: `br`
 * (a Brotli-compressed page, `index.html.br`), `mk`, `so`, `ts` (a Makefile, a library, TypeScript).
 */
const LANGUAGE_CODES = new Set(
  ('aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ' +
    'ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv ' +
    'mg mh mi ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn sq sr ss st su sv sw ' +
    'ta te tg th ti tk tl tn to tr tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu').split(' '),
);

/** `.html.de`, `.htm.pt-br`: the language tag after a page's extension (its primary code, lower-cased), else null. */
const LANGUAGE_VARIANT = /\.html?\.([a-z]{2})(?:-[a-z]{2})?$/i;

/**
 * Whether a file name is an HTML page in one language of several, which a server picks by the
 * reader's Accept-Language (Apache's MultiViews content negotiation serves `lc_cgi.html` from
 * `lc_cgi.html.en` or `lc_cgi.html.de`): `.html` or `.htm`, then a language tag (`en`, `pt-br`).
 */
export const isLanguageVariantPage = (name: string): boolean => {
  const m = LANGUAGE_VARIANT.exec(name);
  return m !== null && LANGUAGE_CODES.has(m[1].toLowerCase());
};

/** A file name without the language tag of a page in one language (`index.html.en` → `index.html`); any other name as it is. */
export const withoutLanguageTag = (name: string): string => (isLanguageVariantPage(name) ? name.slice(0, name.lastIndexOf('.')) : name);

export const htmlLanguage: LanguageRecord = {
  id: 'html', family: 'web', extensions: ['.html', '.htm'], comments: 'none', source: false, passesReach: true, runByPath: { '.html': PAGE_OPENED, '.htm': PAGE_OPENED },
};
export const cssLanguage: LanguageRecord = { id: 'css', family: 'web', extensions: ['.css'], comments: 'slash', source: false };
