/**
 * A desktop page (NW.js, Electron with node integration) loads its app from an inline script:
 * testcafe's studio/index.html runs `var TestCafeStudio = require('./js/app');` inside a bare
 * `<script>`, and nothing else names js/app.js, so the app and every module it requires look
 * dead. Such a `require` resolves from the page's folder as Node resolves one there (`X`, `X.js`,
 * `X/index.js`). Only a classic script's body is read (no `src`, no `type` but a JavaScript one:
 * a module script or a template has no `require`), only a call of the global `require` with one
 * relative literal (`./`, `../`): a package name (`require('remote')`) loads nothing of the repo;
 * a require in a JS comment, in a string or in an HTML comment is not a load.
 */
import { commentsBlanked, insideQuoted, quotedSpans } from '../../languages/javascript/text-skips.js';
import { lineCounter } from '../../util/lines.js';
import { dirname, joinRepo } from '../../util/path.js';
import { eachScriptTag, htmlComment, isClassicInlineScript, spansBlanked } from './script-tags.js';

const HTML_COMMENTS = [htmlComment(false)];
const REQUIRE = /(?<![\w$.])require\(\s*(["'])(\.{1,2}\/[^"'\n]*)\1\s*\)/g;
/**
 * A body that binds `require` itself: a bundle's module function (browserify's `function(require,module,exports){ … }`)
 * or a declaration. Its `require('./x')` is the bundle's own, looked up in its map, not a file beside the page.
 */
const OWN_REQUIRE = /(?<![\w$.])require(?![\w$])\s*(?:,[^()]*)?\)\s*(?::[^=;{}()]*)?(?:=>|\{)|\bfunction\s+require\b|\b(?:var|let|const)\s+require\b/;
const NODE_EXTENSIONS = ['', '.js', '/index.js'];
const CODE = /\.[cm]?js$/;

export interface InlineRequire {
  spec: string;
  line: number;
}


/**
 * Each `require('./…')` of the page's classic inline scripts, with its line in the page: one walk
 * of the tags and their bodies (script-tags.ts), lines counted as offsets grow.
 */
export const inlineRequires = (html: string): InlineRequire[] => {
  if (!html.includes('require(')) return [];
  const page = spansBlanked(html, HTML_COMMENTS);
  const lineOf = lineCounter(page);
  const out: InlineRequire[] = [];
  eachScriptTag(page, true, ({ attrs, bodyStart, bodyEnd }) => {
    if (!isClassicInlineScript(attrs)) return;
    const body = commentsBlanked(page.slice(bodyStart, bodyEnd));
    if (!body.includes('require(') || OWN_REQUIRE.test(body)) return;
    const spans = quotedSpans(body);
    for (const r of body.matchAll(REQUIRE)) {
      if (insideQuoted(body, spans, r.index ?? 0)) continue;
      out.push({ spec: r[2], line: lineOf(bodyStart + (r.index ?? 0)) });
    }
  });
  return out;
};

/** The code file a page's inline `require(spec)` loads: Node's resolution from the page's folder, or null. */
export const inlineRequireTarget = (files: ReadonlySet<string>, page: string, spec: string): string | null => {
  const base = joinRepo(dirname(page), spec.replace(/\/+$/, ''));
  if (base === null) return null;
  for (const ext of NODE_EXTENSIONS) {
    const candidate = `${base}${ext}`;
    if (CODE.test(candidate) && files.has(candidate)) return candidate;
  }
  return null;
};
