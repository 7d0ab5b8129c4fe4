/**
 * A Helm chart template read as YAML without rendering it: census never evaluates templates, so
 * this is a line-based reading that keeps line numbers. Lines that hold only control actions
 * (`{{- if … }}`, `{{- with .Values.x }}`, `{{- end }}`, `{{- include … | nindent 4 }}`) are
 * blanked; the `else` branches of an `if`/`with` are dropped so a key is never there twice. An
 * action whose value values.yaml gives literally is written in its place: `{{ .Values.a.b }}`,
 * `{{ .x }}` inside `{{ with .Values.a }}`, `quote`/`default "lit"`/`toYaml`, and on a line of its
 * own (`{{- toYaml .Values.command | nindent 12 }}`) a list as a YAML flow sequence at that indent.
 * Any other inline action becomes a shell variable named after what it reads (`${Values_image_tag}`)
 * so the command analyser treats it as computed; one on a line of its own is recorded in `opaque`.
 */
import { quoteWord } from '../../util/shell-words.js';

/** A value from values.yaml: a scalar as text, a list of scalars, or nothing literal. */
export type HelmValue = string | string[] | undefined;

export interface HelmContext {
  /** The value at a path of values.yaml (`['image', 'tag']`). */
  values: (path: string[]) => HelmValue;
  chartName?: string;
}

export interface HelmTemplate {
  text: string;
  /** 1-based line → the action on a line of its own whose output census could not know. */
  opaque: Map<number, string>;
  /** The `${name}` placeholders written for actions census could not fill. */
  placeholders: Set<string>;
}

interface Frame {
  /** What `.` is inside the block: a values path, or null when unknown (`range`). */
  dot: string[] | null;
  /** The block's `else` part has begun: its lines are dropped. */
  skipping: boolean;
}

const ACTION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const BLOCK = /^(if|with|range|define|block)\b/;
const OUTPUT_FUNCS = new Set(['quote', 'squote', 'toYaml', 'toString', 'trim', 'toJson']);

/** The words of a pipeline stage, quoted strings kept whole. */
const words = (stage: string): string[] => stage.match(/"(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`|\S+/g) ?? [];
const unquote = (w: string): string | undefined => (/^(["'`]).*\1$/s.test(w) ? (w.startsWith('"') ? (JSON.parse(w) as string) : w.slice(1, -1)) : undefined);

/** The values path a reference names (`.Values.a.b`, `$.Values.a`, `.a` under `with`), or null. */
const pathOf = (ref: string, dot: string[] | null): string[] | null => {
  const m = /^\$?\.Values((?:\.[A-Za-z_][\w-]*)*)$/.exec(ref);
  if (m) return m[1].split('.').filter((s) => s !== '');
  if (dot === null || !/^\.(?:[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)?$/.test(ref)) return null;
  return [...dot, ...ref.split('.').filter((s) => s !== '')];
};

/** A placeholder the analyser reads as a computed value, named after what the action reads. */
const placeholder = (expr: string): string => {
  const m = /\.([A-Za-z_][\w.]*)/.exec(expr);
  const name = m ? m[1].replace(/\W+/g, '_').replace(/_+$/, '') : 'helm_template';
  return `\${${name}}`;
};

const evaluate = (expr: string, dot: string[] | null, ctx: HelmContext): HelmValue => {
  let value: HelmValue;
  const stages = expr.split(/\s*\|\s*/);
  const first = words(stages[0]);
  const term = (w: string | undefined): HelmValue => {
    if (w === undefined) return undefined;
    const lit = unquote(w);
    if (lit !== undefined) return lit;
    if (w === '.Chart.Name' || w === '$.Chart.Name') return ctx.chartName;
    const path = pathOf(w, dot);
    return path === null ? undefined : ctx.values(path);
  };
  if (first.length === 1) value = term(first[0]);
  else if (first[0] === 'default' && first.length === 3) value = term(first[2]) ?? term(first[1]);
  else if (OUTPUT_FUNCS.has(first[0]) && first.length === 2) value = term(first[1]);
  else return undefined;
  for (const stage of stages.slice(1)) {
    const [fn, ...args] = words(stage);
    if (fn === 'default' && args.length === 1) value ??= term(args[0]);
    else if (!OUTPUT_FUNCS.has(fn) && fn !== 'nindent' && fn !== 'indent') return undefined;
  }
  return value;
};

const indentOf = (expr: string, line: string): number => {
  const m = /\b(?:n?indent)\s+(\d+)/.exec(expr);
  return m ? Number(m[1]) : (/^\s*/.exec(line)?.[0].length ?? 0);
};

export const readHelmTemplate = (text: string, ctx: HelmContext): HelmTemplate => {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  const opaque = new Map<number, string>();
  const placeholders = new Set<string>();
  const unknown = (expr: string): string => {
    const p = placeholder(expr);
    placeholders.add(p);
    return p;
  };
  const stack: Frame[] = [];
  const dot = (): string[] | null => (stack.length === 0 ? [] : stack[stack.length - 1].dot);
  const skipping = (): boolean => stack.some((f) => f.skipping);
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // `{{/* … */}}` may span lines; so may any action, which census then does not read.
    if (inComment) {
      if (line.includes('}}')) inComment = false;
      out.push('');
      continue;
    }
    const open = line.lastIndexOf('{{');
    if (open >= 0 && line.indexOf('}}', open) < 0) {
      inComment = true;
      out.push('');
      continue;
    }
    const actions = [...line.matchAll(ACTION)];
    const onlyActions = actions.length > 0 && line.replace(ACTION, '').trim() === '';
    if (onlyActions) {
      for (const a of actions) {
        const expr = a[1].trim();
        const keyword = BLOCK.exec(expr)?.[1];
        if (keyword) {
          const ref = /^with\s+(\S+)\s*$/.exec(expr)?.[1];
          const inner = keyword === 'with' ? (ref ? pathOf(ref, dot()) : null) : keyword === 'range' || keyword === 'define' ? null : dot();
          stack.push({ dot: inner, skipping: false });
        } else if (/^else\b/.test(expr)) {
          if (stack.length > 0) stack[stack.length - 1].skipping = true;
        } else if (/^end\b/.test(expr)) stack.pop();
      }
      const single = actions.length === 1 ? actions[0][1].trim() : null;
      if (single === null || skipping() || BLOCK.test(single) || /^(else|end|\/\*|\$\w+\s*:?=|template\b|include\b)/.test(single)) {
        out.push('');
        continue;
      }
      // Output on a line of its own: a list or value from values.yaml, written where Helm would put it.
      const value = evaluate(single, dot(), ctx);
      if (value === undefined) {
        opaque.set(i + 1, `{{ ${single} }}`);
        out.push('');
      } else out.push(`${' '.repeat(indentOf(single, line))}${JSON.stringify(value)}`);
      continue;
    }
    if (skipping()) {
      out.push('');
      continue;
    }
    out.push(
      line.replace(ACTION, (whole, raw: string, offset: number) => {
        const expr = raw.trim();
        const value = evaluate(expr, dot(), ctx);
        // A whole unquoted YAML value is written as JSON, so `:` or `#` in it stay text and a list stays a list.
        const before = line.slice(0, offset);
        const wholeValue = /(^|[:-]\s)\s*$/.test(before) && !/["']\s*$/.test(before) && line.slice(offset + whole.length).trim() === '';
        if (value === undefined || (Array.isArray(value) && !wholeValue)) return unknown(expr);
        return wholeValue ? JSON.stringify(value) : (value as string);
      }),
    );
  }
  return { text: out.join('\n'), opaque, placeholders };
};

/**
 * Exec-form words joined into a command line, as joinWords does, except that the placeholders of
 * this template stay expansions (`"${Values_hooks_script}"`), so the analyser knows they are computed.
 */
export const joinHelmWords = (words: string[], template: HelmTemplate): string =>
  words
    .map((word) => {
      const parts = word.split(/(\$\{[A-Za-z_]\w*\})/);
      if (!parts.some((p, i) => i % 2 === 1 && template.placeholders.has(p))) return quoteWord(word);
      return parts.map((p, i) => (i % 2 === 1 && template.placeholders.has(p) ? `"${p}"` : p === '' ? '' : quoteWord(p))).join('');
    })
    .join(' ');
