/**
 * Values back to shell words, for command text that must re-parse to the same thing on its own:
 * a script line that used a variable set earlier in the script is stored with the value in place.
 */
import { posix } from '../util/path.js';
import type { Value } from './value.js';

const SAFE = /^[\w@%+=:,./-]+$/;

export const quoteWord = (s: string): string => (s !== '' && SAFE.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

const inDoubleQuotes = (s: string): string => s.replace(/["$`\\]/g, (c) => `\\${c}`);

const under = (base: string, rest: string): string => `"${base}${rest === '' ? '' : `/${inDoubleQuotes(rest)}`}"`;

/**
 * One value as a word. `cwd` is where the command runs: a value anchored at the start directory
 * is written relative to it, or as an unknown variable when that cannot be said.
 */
export const renderValue = (v: Value, cwd: Value): string => {
  switch (v.kind) {
    case 'text':
      return v.glob ? v.text : quoteWord(v.text);
    case 'self':
      return '"$0"';
    case 'dynamic':
      return v.text;
    case 'path':
      if (v.anchor === 'script') return under('$(dirname "$0")', v.rest);
      if (v.anchor === 'repo') return under('$(git rev-parse --show-toplevel)', v.rest);
      if (cwd.kind === 'path' && cwd.anchor === 'start') return quoteWord(posix.relative(`/${cwd.rest}`, `/${v.rest}`) || '.');
      return under('${CALLER_DIR}', v.rest);
  }
};

export const renderArgv = (argv: readonly Value[], cwd: Value): string => argv.map((v) => renderValue(v, cwd)).join(' ');
