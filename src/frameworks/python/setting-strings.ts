/**
 * The string literals of a Python settings module, each with the setting it belongs to, read
 * from tokens and never run: `ROOT_URLCONF = "shop.urls"`, `INSTALLED_APPS += ["blog"]`,
 * `MIDDLEWARE.insert(0, "x.Middleware")`, `LOGGING["handlers"]["h"] = {"()": "x.Factory"}`.
 * A value that is computed (an f-string, a call on a variable) simply has no literal to read.
 */
import { tokenize } from '../../languages/python/tokenize.js';
import { isPlainString, stringRunEnd, stringTokenValue, stringValue } from '../../languages/python/literals.js';
import { isOp, nameText } from '../../languages/python/ranges.js';
import { Kind, Op } from '../../languages/python/tokens.js';

export interface SettingString {
  /** The setting the literal sits in (`INSTALLED_APPS`), or null outside a setting's statement. */
  setting: string | null;
  value: string;
  line: number;
  /** Stop 48: the literal is a dict key whose value is a string literal too (`{'old.Driver': 'new.Driver'}`): that value. */
  mapsTo?: string;
}

const MUTATORS = new Set(['append', 'extend', 'insert', 'update', 'setdefault']);
/** Compound-statement words that a colon can follow (`else:`), which are no setting. */
const KEYWORDS = new Set(['else', 'try', 'finally', 'except', 'if', 'elif', 'while', 'for', 'with', 'def', 'class', 'match', 'case', 'lambda', 'return']);

export const settingStrings = (text: string): SettingString[] => {
  const t = tokenize(text);
  const out: SettingString[] = [];
  for (let l = 0; l < t.lines; l++) {
    const a = t.lineFirst[l];
    const b = t.lineEnd[l];
    let setting: string | null = null;
    if (t.kind[a] === Kind.Name && !KEYWORDS.has(nameText(t, a))) {
      const name = nameText(t, a);
      let i = a + 1;
      // NAME["key"]["sub"] = ...: the setting is NAME.
      while (i < b && isOp(t, i, Op.LBracket)) {
        let depth = 0;
        for (; i < b; i++) {
          if (isOp(t, i, Op.LBracket)) depth++;
          else if (isOp(t, i, Op.RBracket) && --depth === 0) break;
        }
        i++;
      }
      if (isOp(t, i, Op.Assign) || isOp(t, i, Op.AugAssign) || isOp(t, i, Op.Colon)) setting = name;
      else if (isOp(t, i, Op.Dot) && t.kind[i + 1] === Kind.Name && MUTATORS.has(nameText(t, i + 1))) setting = name;
    }
    for (let i = a; i < b; i++) {
      if (!isPlainString(t, i)) continue;
      const value = stringTokenValue(t, i);
      const to = isOp(t, i + 1, Op.Colon) ? stringRunEnd(t, i + 2, b) : -1;
      const mapsTo = to > i + 2 && (isOp(t, to, Op.Comma) || isOp(t, to, Op.RBrace)) ? stringValue(t, i + 2, to) : null;
      out.push(mapsTo === null ? { setting, value, line: t.line[i] } : { setting, value, line: t.line[i], mapsTo });
    }
  }
  return out;
};
