/** Web page formats: not code census gives a verdict; an HTML page hands on the kind of what loads it to its scripts. */
import type { LanguageRecord } from '../types.js';

/**
 * An HTML page loads its `<script src>` (frameworks/js/html-pages.ts): what serves or visits the
 * page decides their kind, and a page nothing is seen to serve is one a person opens in a browser,
 * a root of the manual tier.
 */
const PAGE_OPENED = 'is an HTML page or template that no server, test or code found here loads (opened or rendered by hand)';
export const htmlLanguage: LanguageRecord = {
  id: 'html', family: 'web', extensions: ['.html', '.htm'], comments: 'none', source: false, passesReach: true, runByPath: { '.html': PAGE_OPENED, '.htm': PAGE_OPENED },
};
export const cssLanguage: LanguageRecord = { id: 'css', family: 'web', extensions: ['.css'], comments: 'slash', source: false };
