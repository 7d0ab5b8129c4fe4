/**
 * Stop 51 (its own file since Stop 52; part of the config-defaults reader): Pecan's root
 * controller, when an option gives it (mistral 15.0's api/app.py: `opts = cfg.CONF.pecan`, then
 * `{"app": {"root": opts.root, …}}` for `conf_from_dict`, whose `app.root` `pecan.make_app`
 * imports by its dotted name): in a file that imports pecan and calls make_app, a
 * `'root': <read of an option>` dict entry, read from tokens (`CONF.pecan.root`, or a name bound to
 * `CONF.<group>` in the 12 lines above, `.root`), is a load of that option, from the entry's line.
 */
import type { FrameworkContext, FrameworkOutput } from '../types.js';
import { lineStarts } from '../../util/lines.js';
import { tokenize } from '../../languages/python/tokenize.js';
import { Kind, Op } from '../../languages/python/tokens.js';
import { dottedName, isOp } from '../../languages/python/ranges.js';
import { isPlainString, stringTokenValue } from '../../languages/python/literals.js';
import { assignmentAbove, packageImporters } from './python-files.js';
import { BINDS_CONF, inGroup, MAX_TEXT, optionRead, pushDefaults, type Default, type OptionRead } from './config-options.js';

/** `'root': opts.root` / `"root": cfg.CONF.pecan.root`, a dict entry read from tokens (never a comment): the dotted name it is given and its line. */
const pecanRootEntries = (text: string): Array<{ expr: string; line: number }> => {
  const t = tokenize(text);
  const out: Array<{ expr: string; line: number }> = [];
  for (let i = 1; i + 2 < t.count; i++) {
    if (!isPlainString(t, i) || !isOp(t, i + 1, Op.Colon) || !(isOp(t, i - 1, Op.LBrace) || isOp(t, i - 1, Op.Comma)) || stringTokenValue(t, i) !== 'root') continue;
    let end = i + 2;
    while (end + 2 < t.count && t.kind[end] === Kind.Name && isOp(t, end + 1, Op.Dot)) end += 2;
    // A whole value: the dotted name then the entry's end, not a call or subscript of it.
    const expr = t.kind[end] === Kind.Name && (isOp(t, end + 1, Op.Comma) || isOp(t, end + 1, Op.RBrace)) ? dottedName(t, i + 2, end + 1) : null;
    if (expr !== null && expr.includes('.')) out.push({ expr, line: t.line[i] });
  }
  return out;
};

/** The option a Pecan root entry reads: the expression itself, or `X.opt` with X bound to `CONF.<group>` above. */
const pecanRootOption = (text: string, starts: readonly number[], line: number, expr: string): (OptionRead & { via: string }) | null => {
  const direct = optionRead(expr, BINDS_CONF.test(text));
  if (direct !== null) return { ...direct, via: '' };
  const m = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/.exec(expr);
  if (m === null) return null;
  const assigned = assignmentAbove(text, starts, line + 1, m[1]);
  const group = assigned === null ? null : /^(?:(?:cfg\.)?CONF|(conf))\.([A-Za-z_]\w*)$/.exec(assigned.value.replace(/\s+/g, ''));
  if (group !== null && group[1] !== undefined && !BINDS_CONF.test(text)) return null;
  if (group === null) return null;
  return { opt: m[2], group: group[2], via: ` with ${m[1]} = ${assigned!.value.replace(/\s+/g, '')} (:${assigned!.line})` };
};

/** Pecan apps whose root controller an option names (mistral): the `'root':` entries of files that import pecan and call make_app. */
export const collectPecanRoots = (ctx: FrameworkContext, defaults: ReadonlyMap<string, Default[]>, out: FrameworkOutput): void => {
  for (const file of packageImporters(ctx, 'pecan', 'listed')) {
    const text = ctx.readText(file);
    if (text === null || text.length > MAX_TEXT || !text.includes('make_app')) continue;
    const starts = lineStarts(text);
    const seen = new Set<string>();
    for (const { expr, line } of pecanRootEntries(text)) {
      const read = pecanRootOption(text, starts, line - 1, expr);
      const list = read === null ? undefined : defaults.get(read.opt);
      if (list === undefined) continue;
      pushDefaults(ctx, out, seen, file, line, read!.opt, inGroup(list, read!.group), `(the Pecan root controller make_app imports, 'root': ${expr})${read!.via}`);
    }
  }
};
