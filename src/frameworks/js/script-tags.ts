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
/** A kind of span to blank: from `open` to the first `close` after it; an opener `skip` rejects opens none. */
export interface BlankedSpan {
  open: string;
  close: string;
  skip?: (text: string, at: number) => boolean;
}

/**
 * `text` with its spans blanked, lines and offsets kept: leftmost first, each to its first close, as
 * a lazy `open[\s\S]*?close` pattern does, but in one pass. That pattern searched to the text's end at
 * every unclosed opener (40,000 `<!-- ` after a script: seconds; a page at the size cap: minutes):
 * here a kind whose close is missing once is looked for no more, since no later opener can close.
 */
export const spansBlanked = (text: string, kinds: readonly BlankedSpan[]): string => {
  const next = kinds.map(() => -2);
  let out = '';
  let last = 0;
  for (let from = 0; ; ) {
    let kind = -1;
    kinds.forEach(({ open, skip }, k) => {
      if (next[k] === -1) return;
      if (next[k] < from) {
        let at = text.indexOf(open, from);
        while (at !== -1 && skip?.(text, at)) at = text.indexOf(open, at + 1);
        next[k] = at;
      }
      if (next[k] !== -1 && (kind === -1 || next[k] < next[kind])) kind = k;
    });
    if (kind === -1) break;
    const at = next[kind];
    const { open, close } = kinds[kind];
    const end = text.indexOf(close, at + open.length);
    if (end === -1) {
      next[kind] = -1;
      continue;
    }
    out += text.slice(last, at) + text.slice(at, end + close.length).replace(/[^\n]/g, ' ');
    last = from = end + close.length;
  }
  return last === 0 ? text : out + text.slice(last);
};

/** An HTML comment; `keepConditional`: not a downlevel-hidden conditional one (`<!--[if lt IE 9]>…<![endif]-->`, whose scripts old Internet Explorer loads). */
export const htmlComment = (keepConditional: boolean): BlankedSpan => ({
  open: '<!--',
  close: '-->',
  skip: keepConditional ? (text, at) => /^\[if\b/.test(text.slice(at + 4, at + 8)) : undefined,
});
const HTML_COMMENTS = [htmlComment(true)];

/**
 * `page` with its HTML comments blanked, lines and offsets kept: a `<script src>` commented out
 * (`<!-- <script src="old.js"></script> -->`) loads nothing.
 */
export const htmlCommentsBlanked = (page: string): string => (page.includes('<!--') ? spansBlanked(page, HTML_COMMENTS) : page);
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
