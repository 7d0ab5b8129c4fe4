/** docs/hostile.md, rendered from the suite's own case list so the table cannot drift from the tests. */
import { HOSTILE_CASES } from './cases.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export const renderHostileDoc = (): string =>
  [
    '# The hostile-repository suite',
    '',
    'census audits repositories nobody here wrote. Each case below builds a small repository that',
    'attacks census one way; `npm run test:e2e` runs census on every case (`scan` in the terminal and',
    'as JSON, plus the commands the case names) and checks, beside the case\'s own expectation, what',
    'holds for all of them: every run ends by itself (no hang), with exit 0-3 and no stack trace; no',
    'file outside the repository changes; no git hook, filter or fsmonitor of the repository runs; no',
    'byte of a file outside the repository reaches any output; and no raw ESC or BEL byte, nor a line',
    'starting a GitHub workflow command, reaches the terminal formats.',
    '',
    'The cases are defined in `test/hostile/cases.ts` (fake secrets only); `node',
    'scripts/make-hostile-repos.mjs DIR` writes them to a folder to try by hand, and regenerates this',
    'page with `--doc`. A new detector or reader is run against all of them by the same test.',
    '',
    '| case | attack | expected outcome | commands run (besides `scan` and `scan --format json`) |',
    '|---|---|---|---|',
    ...HOSTILE_CASES.map((c) => `| \`${c.id}\` | ${cell(c.attack)} | ${cell(c.expected)} | ${(c.commands ?? []).map((a) => `\`census ${a.join(' ')}\``).join(', ') || '—'} |`),
    '',
  ].join('\n');
