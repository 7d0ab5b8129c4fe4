/**
 * A Sphinx HTML build's search page loads its index from an inline script, not a `<script src>`:
 * Sphinx before 5 writes `jQuery(function() { Search.loadIndex("searchindex.js"); });` into
 * search.html, and searchtools.js fetches that path (relative to the page) as a script. Without
 * this the shipped docs' searchindex.js looks dead (postorius, poezio, quodlibet's doc packages).
 * Only a classic script's call counts (not one in a `text/x-template` script, nor inside a JS string),
 * and only with a quoted literal: a template's `Search.loadIndex("{{ pathto(...) }}")` names no file.
 */
import { commentsBlanked, insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import { lineCounter } from '../../util/lines.js';
import { eachScriptTag, htmlCommentsBlanked, isClassicInlineScript } from './script-tags.js';

const LOAD_INDEX = /(?<![\w$])Search\s*\.\s*loadIndex\(\s*(["'])([^"'{}<>\n]+)\1\s*\)/g;

export interface SearchIndexLoad {
  spec: string;
  line: number;
}

/** Each `Search.loadIndex("x.js")` in the page's script bodies, with its line in the page. */
export const searchIndexLoads = (html: string): SearchIndexLoad[] => {
  // The gate: nearly no page names Sphinx's loader, and those that do pay one walk of their tags.
  if (!html.includes('loadIndex(')) return [];
  const page = htmlCommentsBlanked(html);
  const lineOf = lineCounter(page);
  const out: SearchIndexLoad[] = [];
  eachScriptTag(page, true, ({ attrs, bodyStart, bodyEnd }) => {
    if (!isClassicInlineScript(attrs)) return;
    const body = commentsBlanked(page.slice(bodyStart, bodyEnd));
    if (!body.includes('loadIndex(')) return;
    const spans = quotedSpans(body);
    for (const m of body.matchAll(LOAD_INDEX)) {
      if (!insideQuoted(body, spans, m.index ?? 0)) out.push({ spec: m[2], line: lineOf(bodyStart + (m.index ?? 0)) });
    }
  });
  return out;
};
