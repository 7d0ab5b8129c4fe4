/** `eval "…"`: the words, joined, are shell text. */
import { type Value, describe, dynamic, literal, text } from '../value.js';
import { type Intent, type Launcher, script } from './types.js';

export const evalCommand: Launcher = {
  names: ['eval'],
  run(args): Intent[] {
    if (args.length === 0) return [];
    const parts = args.map(literal);
    const joined: Value = parts.every((p) => p !== null) ? text(parts.join(' ')) : dynamic(args.map(describe).join(' '));
    return [script(joined)];
  },
};
