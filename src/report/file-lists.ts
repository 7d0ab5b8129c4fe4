/**
 * The files a person should look at, named in the terminal summary: every non-production verdict
 * (dead and manual first), grouped by folder, then the entry points that name nothing in the repo.
 * Capped at a number of lines (one screen by default) with a pointer to the complete reports.
 */
import type { Audit } from '../model/audit.js';
import type { Entry } from '../model/entry.js';
import type { Verdict } from '../model/verdict.js';
import { byString } from '../util/compare.js';
import { basename, dirname } from '../util/path.js';
import { plural } from '../util/words.js';
import { truncateTo, visibleWidth } from './fit-width.js';

/** The order a reader wants: what may be deleted, then what someone runs by hand, then the rest. */
export const LISTED_VERDICTS: readonly Verdict[] = ['dead', 'manual', 'documented', 'tooling', 'test'];

export const DEFAULT_LIST_LINES = 40;

interface Line {
  text: string;
  /** Files or entry points the line names. */
  items: number;
  heading?: boolean;
  /** The entry point the line names. */
  entry?: Entry;
}

/** A folder of migrations should not take the whole screen: the rest of it is counted on a line of its own. */
const MAX_LINES_PER_FOLDER = 2;

/** Packs `names` after `head` into lines of at most `width` columns, continuing under `hang`. */
const packNames = (head: string, names: string[], width: number, hang: string): Line[] => {
  const out: Line[] = [];
  // A long folder name takes its own line, so the names are not wrapped again after packing.
  const alone = names.length > 0 && visibleWidth(`${head}${names[0]},`) > width;
  if (alone) out.push({ text: head.trimEnd(), items: 0 });
  let line = { text: alone ? hang : head, items: 0 };
  for (const name of names) {
    const next = `${line.text}${line.items === 0 ? '' : ', '}${name}`;
    if (line.items > 0 && visibleWidth(`${next},`) > width) {
      out.push({ text: `${line.text},`, items: line.items });
      line = { text: `${hang}${name}`, items: 1 };
    } else line = { text: next, items: line.items + 1 };
  }
  out.push(line);
  if (out.length <= MAX_LINES_PER_FOLDER + (alone ? 1 : 0)) return out;
  const kept = out.slice(0, MAX_LINES_PER_FOLDER + (alone ? 1 : 0));
  const more = names.length - kept.reduce((n, l) => n + l.items, 0);
  return [...kept, { text: `${hang}… and ${more} more in this folder`, items: 0 }];
};

/** Every line the complete lists would take, in order. */
const allLines = (audit: Audit, width: number): Line[] => {
  const out: Line[] = [];
  for (const verdict of LISTED_VERDICTS) {
    const files = audit.files.filter((f) => f.verdict === verdict).map((f) => f.path);
    if (files.length === 0) continue;
    out.push({ text: `${verdict}: ${plural(files.length, 'file')}`, items: 0, heading: true });
    const byFolder = new Map<string, string[]>();
    for (const path of files) {
      const folder = dirname(path);
      (byFolder.get(folder) ?? byFolder.set(folder, []).get(folder)!).push(basename(path));
    }
    for (const folder of [...byFolder.keys()].sort(byString)) {
      out.push(...packNames(`  ${folder === '' ? './' : `${folder}/`}  `, byFolder.get(folder)!.sort(byString), width, '      '));
    }
  }
  const unresolved = audit.entries.filter((e) => e.file === null);
  if (unresolved.length > 0) {
    out.push({ text: `entry points that name nothing in the repo: ${unresolved.length}`, items: 0, heading: true });
    for (const e of unresolved) {
      // One line each, cut to the width: the whole command is in the other formats.
      out.push({ text: truncateTo(`  ${e.source}${e.line ? `:${e.line}` : ''}  ${e.unresolvedReason ?? e.evidence}`, width), items: 1, entry: e });
    }
  }
  return out;
};

export interface FileLists {
  lines: string[];
  /** The entry points the lines name (the rest were left out for room): the summary does not list them again. */
  entries: ReadonlySet<Entry>;
}

/**
 * The lists in at most `maxLines` lines (at least two), the last one "… and N more" counting the
 * files and entry points left out. A heading is not shown without a line of its list.
 */
export const fileListLines = (audit: Audit, maxLines: number, width: number): FileLists => {
  const lines = allLines(audit, width);
  const named = (shown: Line[]): ReadonlySet<Entry> => new Set(shown.flatMap((l) => (l.entry ? [l.entry] : [])));
  if (lines.length <= Math.max(maxLines, 2)) return { lines: lines.map((l) => l.text), entries: named(lines) };
  const room = Math.max(maxLines, 2) - 1;
  const shown = lines.slice(0, room);
  if (shown.at(-1)!.heading === true) shown.pop();
  // Files counted on a folder's "… and N more in this folder" line are left out with it when it is.
  const left = lines.slice(shown.length).reduce((n, l) => n + l.items + (/^ +\u2026 and (\d+) more in this folder$/.exec(l.text) ? Number(/(\d+)/.exec(l.text)![1]) : 0), 0);
  return { lines: [...shown.map((l) => l.text), `… and ${left} more, see --format md|json|html`], entries: named(shown) };
};
