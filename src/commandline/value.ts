/**
 * What a shell word is worth to census after expansion. Known text stays text; a path that starts
 * at a place census can name (the script's folder, the repo root, the directory the command
 * started in) is anchored there; anything else is dynamic and is reported, never guessed.
 */
import { posix } from '../util/path.js';

export type Anchor = 'start' | 'script' | 'repo';

export type Value =
  /** Known text; `glob` when it holds unquoted `*`, `?` or `[` (a pattern, not one path). */
  | { kind: 'text'; text: string; glob?: boolean }
  /** A path under an anchor: `$(dirname "$0")/../x.py` → { anchor: 'script', rest: '../x.py' }. */
  | { kind: 'path'; anchor: Anchor; rest: string }
  /** The script's own path: `$0`, `${BASH_SOURCE[0]}`. */
  | { kind: 'self' }
  /** Unknowable at analysis time; `text` is the source as written, for messages. */
  | { kind: 'dynamic'; text: string };

export const text = (t: string): Value => ({ kind: 'text', text: t });
export const dynamic = (t: string): Value => ({ kind: 'dynamic', text: t });
export const anchored = (anchor: Anchor, rest: string): Value => ({ kind: 'path', anchor, rest: normaliseRest(rest) });

/** The literal text of a value, or null when it is not plain text. */
export const literal = (v: Value | undefined): string | null => (v?.kind === 'text' ? v.text : null);

/** Normalise a relative path that may climb ('..' kept at the front), '' for the anchor itself. */
export const normaliseRest = (rest: string): string => {
  const trimmed = rest.replace(/^\/+/, '');
  if (trimmed === '') return '';
  const n = posix.normalize(trimmed).replace(/\/$/, '');
  return n === '.' ? '' : n;
};

/** `dirname` on a value. */
export const dirnameOf = (v: Value): Value => {
  if (v.kind === 'self') return anchored('script', '');
  if (v.kind === 'path') return anchored(v.anchor, v.rest === '' ? '..' : posix.dirname(v.rest));
  if (v.kind === 'text') {
    const t = v.text.replace(/\/+$/, '');
    const i = t.lastIndexOf('/');
    return text(i < 0 ? '.' : i === 0 ? '/' : t.slice(0, i));
  }
  return v;
};

/** Append literal text to a value (`$DIR/x.py`). */
export const appendText = (v: Value, suffix: string): Value => {
  if (suffix === '') return v;
  if (v.kind === 'text') return text(v.text + suffix);
  if (v.kind === 'path') return suffix.startsWith('/') ? anchored(v.anchor, `${v.rest}${suffix}`) : dynamic(`${describe(v)}${suffix}`);
  if (v.kind === 'self') return dynamic(`$0${suffix}`);
  return dynamic(v.text + suffix);
};

/** Concatenate two values of one word. */
export const concat = (a: Value, b: Value): Value => {
  if (b.kind === 'text') return appendText(a, b.text);
  if (a.kind === 'text' && a.text === '') return b;
  return dynamic(`${describe(a)}${describe(b)}`);
};

/**
 * The value as shell text that reads back to the same value: used in messages and when a
 * partly computed string (`bash -c "python x.py $ARG"`) is parsed as shell.
 */
export const describe = (v: Value): string => {
  switch (v.kind) {
    case 'text':
    case 'dynamic':
      return v.text;
    case 'self':
      return '$0';
    case 'path': {
      const base = v.anchor === 'script' ? '$(dirname "$0")' : v.anchor === 'repo' ? '$(git rev-parse --show-toplevel)' : '$PWD';
      return v.rest === '' ? base : `${base}/${v.rest}`;
    }
  }
};
