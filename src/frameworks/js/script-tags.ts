/**
 * The `<script>` tags of an HTML page, walked once forward: each tag's attributes run to the next
 * `>`, looked for once, and a tag with none left ends the walk (`[^>]*` from every unclosed
 * `<script` was quadratic: 40,000 of them took 27 s). Shared by the readers of a page's script
 * sources (vite.ts `htmlScripts`) and of its inline scripts' bodies (inline-requires.ts), which
 * had each walked the tags so.
 */

/** One tag: where `<script` starts, its attribute text, and (when bodies are walked) its body's span. */
export interface ScriptTag {
  at: number;
  attrs: string;
  /** Where the body starts: right after the tag's `>`. */
  bodyStart: number;
  /** Where the body ends (its `</script>`); with bodies not walked, -1. */
  bodyEnd: number;
}

const OPEN = /<script\b/gi;
/** An HTML comment other than a downlevel-hidden conditional one (`<!--[if lt IE 9]>…<![endif]-->`, whose scripts old Internet Explorer loads). */
const HTML_COMMENT = /<!--(?!\[if\b)[\s\S]*?-->/g;

/**
 * `page` with its HTML comments blanked, lines and offsets kept: a `<script src>` commented out
 * (`<!-- <script src="old.js"></script> -->`) loads nothing.
 */
export const htmlCommentsBlanked = (page: string): string =>
  page.includes('<!--') ? page.replace(HTML_COMMENT, (c) => c.replace(/[^\n]/g, ' ')) : page;
const CLOSE = /<\/script\s*>/gi;
const CLASSIC_TYPE = /^(?:text|application)\/(?:x-)?(?:javascript|ecmascript)$/i;

/**
 * Whether a tag with these attributes is a classic inline script a browser runs: no `src`, and no
 * `type` but a JavaScript one (a template, `text/x-template`, or a module script is not).
 */
export const isClassicInlineScript = (attrs: string): boolean => {
  if (/\bsrc\s*=/i.test(attrs)) return false;
  const type = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  const typeValue = type ? (type[1] ?? type[2] ?? type[3]).trim() : '';
  return typeValue === '' || CLASSIC_TYPE.test(typeValue);
};

/**
 * Calls `visit` with each script tag of `page`, in order. With `bodies`, a tag's body runs to the
 * next `</script>`, the walk goes on past it (a `<script` inside a body is the body's text), and a
 * tag with no `</script>` left ends it; without, the walk goes on right after the tag's `>`.
 */
export const eachScriptTag = (page: string, bodies: boolean, visit: (tag: ScriptTag) => void): void => {
  const open = new RegExp(OPEN.source, OPEN.flags);
  const close = new RegExp(CLOSE.source, CLOSE.flags);
  for (let m = open.exec(page); m !== null; m = open.exec(page)) {
    const tagEnd = page.indexOf('>', m.index);
    if (tagEnd < 0) return;
    const attrs = page.slice(m.index + m[0].length, tagEnd);
    if (!bodies) {
      open.lastIndex = tagEnd + 1;
      visit({ at: m.index, attrs, bodyStart: tagEnd + 1, bodyEnd: -1 });
      continue;
    }
    close.lastIndex = tagEnd + 1;
    const end = close.exec(page);
    if (end === null) return;
    open.lastIndex = end.index + end[0].length;
    visit({ at: m.index, attrs, bodyStart: tagEnd + 1, bodyEnd: end.index });
  }
};
