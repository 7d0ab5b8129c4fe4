/**
 * The string literals a Django test swaps into settings for its run, noted from the tokens at
 * extraction (frameworks/python/django-test-settings.ts reads them): `@override_settings(
 * GRAPHQL_MIDDLEWARE=["saleor.graphql.middleware.NonExisting"])`, `modify_settings(MIDDLEWARE=
 * {"append": "app.mw.Audit"})`. Noted only in files that import django.test, as the reader reads
 * no other; reading them here spares it a second read of every such test module.
 */
import { isPlainString, stringTokenValue } from './literals.js';
import { callArgs, isOp } from './ranges.js';
import type { PythonTokens } from './tokenize.js';
import { Op } from './tokens.js';

export interface SettingSwap {
  /** The call as written: `override_settings` or `modify_settings`. */
  call: string;
  /** The keyword argument the literal sits in: the setting. */
  setting: string;
  value: string;
  line: number;
}

/** Where `override_settings`/`modify_settings` may be imported from. */
export const importsDjangoTest = (specifier: string): boolean => specifier === 'django.test' || specifier === 'django.test.utils';

/** Notes the literals of each keyword argument of the call named at token i (when a call follows). */
export const noteSettingSwaps = (t: PythonTokens, i: number, out: SettingSwap[]): void => {
  if (!isOp(t, i + 1, Op.LParen)) return;
  const args = callArgs(t, i + 1, t.count);
  if (args === null) return;
  const call = t.text.slice(t.start[i], t.end[i]);
  for (const [setting, [from, to]] of args.keywords) {
    for (let j = from; j < to; j++) if (isPlainString(t, j)) out.push({ call, setting, value: stringTokenValue(t, j), line: t.line[j] });
  }
};
