/**
 * A code file's text with its comments blanked (commentsBlanked), made once per scan and shared:
 * a dozen readers blank the same files (payload: parameter-folder-joins, anchored-paths,
 * env-folders and static-dirs each blanked most of its 500 texts that name their folder, ~20 ms
 * a reader). Only texts a reader asked for are held, until the scan's context goes.
 */
import { commentsBlanked } from '../../languages/javascript/text-skips.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext } from '../types.js';

const blankedByFile = perScan(() => new Map<string, string>());

/** commentsBlanked(`written`), where `written` is the file's text as ctx.readText gives it ('' for none). */
export const blankedText = (ctx: FrameworkContext, file: string, written: string): string => {
  const memo = blankedByFile(ctx);
  let text = memo.get(file);
  if (text === undefined) memo.set(file, (text = commentsBlanked(written)));
  return text;
};
