/**
 * Variable interpolation as compose files and Dockerfiles write it: `$VAR`, `${VAR}`,
 * `${VAR:-default}` / `${VAR-default}`, `${VAR:+alt}` / `${VAR+alt}`, `${VAR:?error}` /
 * `${VAR?error}`, nested (`${A:-${B}}`), and in compose `$$` for a literal `$`. `lookup` knows
 * only what the repo says (an .env file, earlier ENV/ARG lines); a variable it does not know may
 * still be set where the file is used, so: a default or alternative is taken as if it were unset
 * (the usual case), and a plain or `?` reference is unknown — left as written and named in
 * `unknown`, so a caller can drop the value or let the command analyser see it as computed.
 */

export interface Interpolated {
  text: string;
  /** Variables the text needed whose value is not known (in order, may repeat). */
  unknown: string[];
}

/** Index of the `}` closing the `${` whose `{` is at `open`, counting nested `${…}`; -1 when unclosed. */
const closing = (text: string, open: number): number => {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{' && text[i - 1] === '$') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
};

const BRACED = /^([A-Za-z_]\w*)(?:(:?)([-+?])([\s\S]*))?$/;
const NAME = /^[A-Za-z_]\w*/;

export const interpolate = (text: string, lookup: (name: string) => string | undefined, opts: { dollarEscape?: boolean } = {}): Interpolated => {
  const unknown: string[] = [];
  const run = (s: string, depth: number): string => {
    if (depth > 8) return s;
    let out = '';
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      if (opts.dollarEscape && s[i + 1] === '$') {
        out += '$';
        i += 2;
        continue;
      }
      if (s[i + 1] === '{') {
        const end = closing(s, i + 1);
        const m = end < 0 ? null : BRACED.exec(s.slice(i + 2, end));
        if (!m) {
          out += end < 0 ? s.slice(i) : s.slice(i, end + 1);
          i = end < 0 ? s.length : end + 1;
          continue;
        }
        const whole = s.slice(i, end + 1);
        const [, name, colon, op, word] = m;
        const value = lookup(name);
        const set = value !== undefined && (colon === '' || value !== '');
        if (op === undefined || op === '?') {
          if (set || (op === undefined && value !== undefined)) out += value;
          else {
            unknown.push(name);
            out += whole;
          }
        } else if (op === '-') out += set ? value : run(word, depth + 1);
        else out += set ? run(word, depth + 1) : '';
        i = end + 1;
        continue;
      }
      const name = NAME.exec(s.slice(i + 1))?.[0];
      if (name === undefined) {
        out += '$';
        i++;
        continue;
      }
      const value = lookup(name);
      if (value === undefined) unknown.push(name);
      out += value ?? `$${name}`;
      i += 1 + name.length;
    }
    return out;
  };
  return { text: run(text, 0), unknown };
};
