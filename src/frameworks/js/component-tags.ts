/**
 * The element tags a Vue template or a Vue-compiled markdown page writes, with their names as
 * written (`AppButton`, `app-button`) and lines: what a component auto-registrar
 * (unplugin-vue-components) matches against the components it knows. Comments are passed over,
 * and so are a markdown page's frontmatter, fenced code blocks and inline code spans, which
 * markdown renders as text, not as elements.
 */
import { markupTags } from '../../languages/javascript/markup.js';
import { lineOfOffset, lineStarts } from '../../util/lines.js';

export interface ComponentTag {
  /** The tag's name as written: case kept. */
  name: string;
  line: number;
}

/** Lines counted once per text. */
const lineOf = (text: string): ((offset: number) => number) => {
  const starts = lineStarts(text);
  return (offset) => lineOfOffset(starts, offset);
};

/** The opening tags among `tags` (of `text`) whose start `keep` accepts, named as written. */
const openingTags = (text: string, tags: ReturnType<typeof markupTags>, line: (offset: number) => number, keep: (start: number) => boolean): ComponentTag[] =>
  tags.filter((t) => !t.closing && keep(t.start)).map((t) => ({ name: text.slice(t.start + 1, t.start + 1 + t.name.length), line: line(t.start) }));

export interface VueTemplateTags {
  tags: ComponentTag[];
  /** A top-level `<template lang="pug">` (or another language): not HTML, its tags are not read. */
  unread: { line: number; lang: string }[];
}

/** The tags inside a single-file component's top-level `<template>` blocks (nested `<template v-if>` included). */
export const vueTemplateTags = (text: string): VueTemplateTags => {
  const tags = markupTags(text);
  const line = lineOf(text);
  const out: VueTemplateTags = { tags: [], unread: [] };
  let depth = 0;
  let readable = true;
  const inside: { start: number; end: number }[] = [];
  let openedAt = -1;
  for (const tag of tags) {
    if (tag.name !== 'template' || tag.selfClosing) continue;
    if (!tag.closing) {
      if (depth === 0) {
        const lang = tag.attributes.get('lang');
        readable = typeof lang !== 'string' || lang === 'html';
        if (!readable) out.unread.push({ line: line(tag.start), lang: String(lang) });
        openedAt = tag.end;
      }
      depth++;
    } else if (depth > 0 && --depth === 0) {
      if (readable) inside.push({ start: openedAt, end: tag.start });
    }
  }
  // A template never closed: its tags still stand in it.
  if (depth > 0 && readable) inside.push({ start: openedAt, end: text.length });
  out.tags = openingTags(text, tags, line, (at) => inside.some((r) => at >= r.start && at < r.end)).filter((t) => t.name.toLowerCase() !== 'template');
  return out;
};

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** A markdown text with frontmatter, fenced code blocks and inline code spans blanked (lines kept). */
export const markdownWithoutCode = (text: string): string => {
  const lines = text.split('\n');
  const blank = (s: string) => s.replace(/[^\r]/g, ' ');
  let fence: string | null = null;
  let i = 0;
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((l, j) => j > 0 && /^---\s*$/.test(l));
    if (end > 0) for (; i <= end; i++) lines[i] = blank(lines[i]);
  }
  for (; i < lines.length; i++) {
    const m = FENCE.exec(lines[i]);
    if (fence !== null) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && lines[i].trim() === m[1]) fence = null;
      lines[i] = blank(lines[i]);
    } else if (m) {
      fence = m[1];
      lines[i] = blank(lines[i]);
    } else {
      // An inline code span: a run of backticks up to the same run.
      lines[i] = lines[i].replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, blank);
    }
  }
  return lines.join('\n');
};

/** The tags a markdown page writes outside code, as the Vue template it compiles into holds them. */
export const markdownTags = (text: string): ComponentTag[] => {
  const prose = markdownWithoutCode(text);
  return openingTags(prose, markupTags(prose), lineOf(prose), () => true);
};
