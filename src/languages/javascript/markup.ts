/**
 * Just enough of an HTML-like tokenizer to find the `<script>` elements of a single-file component
 * (.vue, .svelte, .astro): tags with their attributes (quoted, unquoted, or `{expression}` values),
 * comments skipped, and the raw text of `<script>`/`<style>` elements taken up to their closing tag
 * as HTML does, whatever it holds. Everything else (text, expressions) is passed over.
 */

export interface MarkupTag {
  /** Lower-case tag name (`script`, `template`, `svelte:head`). */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Attribute names as written (lower-cased) → value; `true` when it has none. */
  attributes: Map<string, string | true>;
  /** Offset of `<` and the offset just after `>`. */
  start: number;
  end: number;
  /** For `<script>` and `<style>`: the raw content's end (the closing tag's `<`), or null when the element is never closed. */
  contentEnd?: number | null;
}

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const RAW_TEXT = new Set(['script', 'style']);

/** End of a `{…}` value starting at `i` (on the `{`), honouring nested braces and quotes; text.length when unbalanced. */
const braceEnd = (text: string, i: number): number => {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, j + 1);
      if (close < 0) return text.length;
      j = close;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
  }
  return text.length;
};

/** Reads the tag whose `<` is at `start`; null when it is not a tag (`a < b`). */
const readTag = (text: string, start: number): MarkupTag | null => {
  let i = start + 1;
  const closing = text[i] === '/';
  if (closing) i++;
  if (!isNameStart(text.charCodeAt(i))) return null;
  const nameStart = i;
  while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== '>' && text[i] !== '/') i++;
  const name = text.slice(nameStart, i).toLowerCase();
  const attributes = new Map<string, string | true>();
  let selfClosing = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (text[i] === '>') return { name, closing, selfClosing, attributes, start, end: i + 1 };
    if (text[i] === '/' && text[i + 1] === '>') return { name, closing, selfClosing: true, attributes, start, end: i + 2 };
    if (text[i] === '{') {
      // A Svelte/Astro spread or shorthand attribute: `{...props}`, `{name}`.
      i = braceEnd(text, i);
      continue;
    }
    const attrStart = i;
    while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== '=' && text[i] !== '>' && !(text[i] === '/' && text[i + 1] === '>')) i++;
    const attr = text.slice(attrStart, i).toLowerCase();
    if (attr === '') {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (text[j] !== '=') {
      attributes.set(attr, true);
      continue;
    }
    j++;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    const q = text[j];
    if (q === '"' || q === "'") {
      const close = text.indexOf(q, j + 1);
      if (close < 0) return null;
      attributes.set(attr, text.slice(j + 1, close));
      i = close + 1;
    } else if (q === '{') {
      const close = braceEnd(text, j);
      attributes.set(attr, text.slice(j, close));
      i = close;
    } else {
      const valueStart = j;
      while (j < text.length && !isSpace(text.charCodeAt(j)) && text[j] !== '>') j++;
      attributes.set(attr, text.slice(valueStart, j));
      i = j;
    }
  }
  return null;
};

/** The closing `</name` of a raw-text element, case-insensitive, from `from`; -1 when absent. */
const rawTextEnd = (text: string, name: string, from: number): number => {
  const closing = new RegExp(`</${name}(?=[\\s>/]|$)`, 'gi');
  closing.lastIndex = from;
  return closing.exec(text)?.index ?? -1;
};

/** Every tag of `text` from offset `from`, in order; a raw-text element's content is skipped whole. */
export const markupTags = (text: string, from = 0): MarkupTag[] => {
  const tags: MarkupTag[] = [];
  let i = from;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) break;
      i = close + 3;
      continue;
    }
    const tag = readTag(text, lt);
    if (tag === null) {
      i = lt + 1;
      continue;
    }
    tags.push(tag);
    i = tag.end;
    if (!tag.closing && !tag.selfClosing && RAW_TEXT.has(tag.name)) {
      const end = rawTextEnd(text, tag.name, tag.end);
      tag.contentEnd = end < 0 ? null : end;
      if (end < 0) break;
      const close = text.indexOf('>', end);
      i = close < 0 ? text.length : close + 1;
    }
  }
  return tags;
};
