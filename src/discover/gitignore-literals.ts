/**
 * A cheap first test for a .gitignore's rules: whether any rule could match a path at all.
 *
 * Outside git the walk asks every .gitignore above a path about it (walk.ts). The `ignore`
 * library tests each rule's regular expression in turn, from the last: payload's root .gitignore
 * has 210 rules, tested against each of its 8,854 files and their folders (about 0.3 s of CPU for
 * that one file). Nearly every rule holds literal text (`.env`, `*.log`, `packages/ui/esbuild`),
 * and a path a rule matches holds that text: the rule's literal characters are matched one for one
 * (letters case-insensitively, as the library compiles them). So one regular expression of each
 * rule's last literal run tells, in one pass over the path, the paths no rule can touch; only the
 * others are asked of the library.
 *
 * Exact by construction: the filter says no only when no rule's literal is in the path, and then
 * the library's answer is "neither ignored nor re-included". Its answer for a path whose folder it
 * ignores is that folder's (a file below an ignored folder stays ignored), and the rule that
 * matched the folder left its literal in the folder's path, which begins the file's: the filter
 * lets such a path through too.
 */
import { escapeRegExp } from '../util/regexp.js';

/**
 * Characters that are literal wherever they stand in a gitignore pattern: never a wildcard, a
 * class, an escape, a negation, an anchor or trailing space. A run of them in a rule is matched as
 * written, so it is in every path the rule matches (other characters only end a run).
 */
const LITERAL_RUN = /[A-Za-z0-9._-]+/g;

/** The most distinct runs one expression holds (payload's root .gitignore: 187). */
const MAX_LITERALS = 1000;

/** A character a run may hold (LITERAL_RUN's). */
const RUN_CHARACTER = /[A-Za-z0-9._-]/;

/**
 * The part of a rule read for runs. A backslash makes the next character literal (gitignore(5);
 * the library does the same): an escaped run character stays in its run (saleor's `*\.egg*` →
 * .egg), any other escaped character only ends one. Then what stands from the first `[` to the
 * last `]` is not read (`[Dd]esktop.ini` → esktop.ini): a class's own text (`[]a]` holds `a]`) is
 * never taken for literal, whatever the library takes to close it; after a `[` that no `]`
 * follows, nothing is read.
 */
const literalText = (line: string): string => {
  let plain = line;
  if (line.includes('\\')) {
    plain = '';
    for (let i = 0; i < line.length; i++) {
      if (line[i] !== '\\') plain += line[i];
      else plain += RUN_CHARACTER.test(line[++i] ?? '') ? line[i] : ' ';
    }
  }
  const open = plain.indexOf('[');
  if (open < 0) return plain;
  const close = plain.lastIndexOf(']');
  const tail = close > open ? plain.slice(close + 1) : '';
  return `${plain.slice(0, open)} ${tail.includes('[') ? '' : tail}`;
};

/** `text`'s rules as one test: false when no rule can match the path. null: some rule holds no literal (`*`), so every path is asked. */
export const gitignoreLiteralFilter = (text: string): ((candidate: string) => boolean) | null => {
  const literals = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    // A comment, or a line of spaces (the library trims trailing spaces): no rule. Any other line
    // without a run (`*`, a lone tab or `!`) rules nothing out, below.
    if (line.startsWith('#') || /^ *$/.test(line)) continue;
    const runs = literalText(line).match(LITERAL_RUN);
    // `*`, `!*`, `/**/`, `?`: a rule with no literal (or a lone `!`, which is none): no path can be ruled out.
    if (runs === null) return null;
    // The last run: in a path rule the deepest name (`packages/ui/esbuild` → esbuild), the rarest in a path.
    literals.add(runs[runs.length - 1].toLowerCase());
  }
  if (literals.size === 0) return () => false;
  // V8 compiles an alternation in time that grows faster than its length (1,000 runs: 7 ms with 1,000
  // tests; 10,000: 1.2 s; 100,000: 26 s): past the bound, a crafted .gitignore is asked path by path, as before.
  if (literals.size > MAX_LITERALS) return null;
  const anyLiteral = new RegExp([...literals].map(escapeRegExp).join('|'), 'i');
  return (candidate) => anyLiteral.test(candidate);
};
