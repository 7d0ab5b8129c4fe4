/**
 * Just enough of Marko's template syntax (Marko 5 and 6, HTML mode) to find its code and the tags
 * it uses. Code: the statements at the template's root (not inside a tag), each on its line's
 * start and running on over line breaks while a bracket is open or an operator joins the lines, as
 * Marko reads them: `import …`, `export …`, `static …`, `server …`/`client …` (`server import`),
 * the `class { }` block; scriptlets (`$ code`, `$ { … }`) anywhere in the content; the body of an
 * attribute-less `<script>`. Not code: HTML comments, `style { }` blocks, attribute values and
 * `${…}` placeholders (expressions census does not read), text. Tags: the name of every opening tag
 * (`<fruit-label/>`), and the tag a root `import X from "<fruit-label>"` names, for the Marko
 * reader to find the files behind them. Concise-mode templates (tags without `<`) give their root
 * statements but no tags.
 */

export interface MarkoCode {
  /** The span of the template the code stands for, and the code itself (same line breaks). */
  start: number;
  end: number;
  code: string;
}

export interface MarkoTagUse {
  name: string;
  offset: number;
}

export interface MarkoTemplate {
  code: MarkoCode[];
  /** Opening tags, in order (`fruit-label`, `div`, `@item`, …). */
  tags: MarkoTagUse[];
  /** `import X from "<name>"`: a tag imported by its name. */
  tagImports: MarkoTagUse[];
  problems: { offset: number; message: string }[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'html-script', 'html-style', 'html-comment']);

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\f';
const blank = (segment: string): string => segment.replace(/[^\r\n]/g, ' ');

/** The end of a quoted string or template literal opening at `i` (just past the closing quote); text.length when unclosed. */
const stringEnd = (text: string, i: number): number => {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === q) return j + 1;
    else if (q === '`' && c === '$' && text[j + 1] === '{') j = groupEnd(text, j + 1) - 1;
    else if (q !== '`' && c === '\n') return j;
  }
  return text.length;
};

/** The end of a bracketed group opening at `i` (`(`, `[`, `{`), past its closer; strings and comments skipped. */
const groupEnd = (text: string, i: number): number => {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"' || c === "'" || c === '`') j = stringEnd(text, j) - 1;
    else if (c === '/' && text[j + 1] === '*') j = Math.max(j, text.indexOf('*/', j + 2) < 0 ? text.length : text.indexOf('*/', j + 2) + 1);
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && --depth === 0) return j + 1;
  }
  return text.length;
};

/** An operator that, ending a line, carries an expression on to the next one. */
const CONTINUES_AFTER = /(?:[=,+\-*/%&|^?:.(\[{]|=>)\s*$/;
/** An operator that, starting a line, carries the previous line's expression on to it. */
const CONTINUES_BEFORE = /^\s*(?:\.(?!\.\.)|\?|\|\||&&|[|&,]|=(?!>)|from\b|as\b|satisfies\b|extends\b|implements\b)/;

/**
 * The end of the statement starting at `i` (at the newline that ends it, or text.length): it goes
 * on while a bracket or string is open or an operator joins the lines. An import also goes on
 * until it has named its module.
 */
const statementEnd = (text: string, i: number, isImport: boolean): number => {
  let depth = 0;
  let named = !isImport;
  let lineStart = i;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"' || c === "'" || c === '`') {
      j = stringEnd(text, j) - 1;
      if (depth === 0) named = true;
    } else if (c === '/' && text[j + 1] === '/') {
      const nl = text.indexOf('\n', j);
      if (nl < 0) return text.length;
      j = nl - 1;
    } else if (c === '/' && text[j + 1] === '*') {
      const close = text.indexOf('*/', j + 2);
      j = close < 0 ? text.length : close + 1;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\n' && depth === 0 && named) {
      const line = text.slice(lineStart, j).replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, '');
      const next = text.slice(j + 1, text.indexOf('\n', j + 1) < 0 ? text.length : text.indexOf('\n', j + 1));
      if (!CONTINUES_AFTER.test(line) && !CONTINUES_BEFORE.test(next)) return j;
      lineStart = j + 1;
    } else if (c === '\n') lineStart = j + 1;
  }
  return text.length;
};

/** A `style { … }` block's end (past its `}`): braces counted, strings and block comments skipped (CSS has no line comments that could hide a brace). */
const styleBlockEnd = (text: string, open: number): number => {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const c = text[j];
    if (c === '"' || c === "'") j = stringEnd(text, j) - 1;
    else if (c === '/' && text[j + 1] === '*') {
      const close = text.indexOf('*/', j + 2);
      j = close < 0 ? text.length : close + 1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
  }
  return text.length;
};

interface OpenTag {
  name: string;
  end: number;
  selfClosing: boolean;
  hasAttributes: boolean;
}

/** Reads the opening tag whose `<` is at `start` (a name follows it); attribute values are skipped as expressions. */
const readOpenTag = (text: string, start: number): OpenTag => {
  let i = start + 1;
  const nameStart = i;
  if (text[i] === '$' && text[i + 1] === '{') i = groupEnd(text, i + 1);
  else while (i < text.length && /[\w:@.#-]/.test(text[i])) i++;
  // `div.card#main` names `div`; a dynamic `${tag}` has no name to look up.
  const name = text[nameStart] === '$' ? '' : text.slice(nameStart, i).replace(/[.#].*$/, '');
  let hasAttributes = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '>') return { name, end: i + 1, selfClosing: false, hasAttributes };
    if (c === '/' && text[i + 1] === '>') return { name, end: i + 2, selfClosing: true, hasAttributes };
    if (c === '"' || c === "'" || c === '`') i = stringEnd(text, i);
    else if (c === '(' || c === '[' || c === '{') i = groupEnd(text, i);
    else i++;
    if (!isSpace(c) && c !== '\n') hasAttributes = true;
  }
  return { name, end: text.length, selfClosing: false, hasAttributes };
};

// Not `import-map` or `static-banner`: a concise-mode tag whose name starts with the keyword.
const ROOT_STATEMENT = /^(?:(?:server|client)[ \t]+)?(?:import|export|static)(?![\w$-])/;
const PREFIX = /^(?:(?:server|client)[ \t]+)?(?:static[ \t]+)?/;
const CLASS_BLOCK = /^class[ \t]*\{/;
const STYLE_BLOCK = /^style(?:\.[\w-]+)*[ \t]*\{/;
const TAG_IMPORT = /^import\s+[\s\S]*?\bfrom\s*(["'])<([^>"'\s]+)>\1|^import\s*(["'])<([^>"'\s]+)>\3/;

export const scanMarkoTemplate = (text: string): MarkoTemplate => {
  const out: MarkoTemplate = { code: [], tags: [], tagImports: [], problems: [] };
  let depth = 0;
  let lineStart = true;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      const rest = text.slice(i, i + 200);
      if (depth === 0 && ROOT_STATEMENT.test(rest)) {
        const end = statementEnd(text, i, /^(?:(?:server|client)[ \t]+)?import\b/.test(rest));
        const statement = text.slice(i, end);
        const prefix = PREFIX.exec(statement)![0];
        const body = statement.slice(prefix.length);
        const tag = TAG_IMPORT.exec(body);
        if (tag) out.tagImports.push({ name: tag[2] ?? tag[4], offset: i });
        else out.code.push({ start: i, end, code: `${blank(prefix)}${body};` });
        i = end;
        continue;
      }
      if (depth === 0 && CLASS_BLOCK.test(rest)) {
        const end = statementEnd(text, i, false);
        out.code.push({ start: i, end, code: `(${text.slice(i, end)});` });
        i = end;
        continue;
      }
      if (depth === 0 && STYLE_BLOCK.test(rest)) {
        i = styleBlockEnd(text, text.indexOf('{', i));
        continue;
      }
      if (c === '$' && (isSpace(text[i + 1]) || text[i + 1] === '\n')) {
        const end = statementEnd(text, i + 1, false);
        // Each scriptlet in a block of its own: two loops' `$ const item` are not one scope's.
        out.code.push({ start: i, end, code: `{${text.slice(i + 1, end)}}` });
        i = end;
        continue;
      }
    }
    if (c === '$' && (text[i + 1] === '{' || (text[i + 1] === '!' && text[i + 2] === '{'))) {
      i = groupEnd(text, text.indexOf('{', i));
      continue;
    }
    if (c !== '<') {
      i++;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      i = close < 0 ? text.length : close + 3;
      continue;
    }
    if (text[i + 1] === '/') {
      const close = text.indexOf('>', i);
      depth = Math.max(0, depth - 1);
      i = close < 0 ? text.length : close + 1;
      continue;
    }
    if (!/[A-Za-z@]/.test(text[i + 1] ?? '') && !(text[i + 1] === '$' && text[i + 2] === '{')) {
      i++;
      continue;
    }
    const tag = readOpenTag(text, i);
    if (tag.name !== '') out.tags.push({ name: tag.name, offset: i });
    const start = i;
    i = tag.end;
    if (tag.end === text.length && text[text.length - 1] !== '>') {
      out.problems.push({ offset: start, message: `<${tag.name || 'tag'}> is never closed; the rest of the template is not read` });
      break;
    }
    if (tag.selfClosing || VOID.has(tag.name)) continue;
    if (RAW_TEXT.has(tag.name)) {
      const closing = new RegExp(`</${tag.name}(?=[\\s>/]|$)`, 'g');
      closing.lastIndex = i;
      const found = closing.exec(text);
      if (found === null) {
        out.problems.push({ offset: start, message: `<${tag.name}> is never closed; its content is not read` });
        break;
      }
      // An attribute-less `<script>` is code Marko bundles (Marko 6's effect; Marko 5's inline script has no static imports either).
      if (tag.name === 'script' && !tag.hasAttributes && found.index > i) out.code.push({ start: i, end: found.index, code: `{${text.slice(i, found.index)}}` });
      const close = text.indexOf('>', found.index);
      i = close < 0 ? text.length : close + 1;
      continue;
    }
    depth++;
  }
  return out;
};
