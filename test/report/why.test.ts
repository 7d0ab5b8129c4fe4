/** `census why` for people: arrows join a chain's hops only; a manual or documented verdict says what was not found. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderWhyTerminal } from '../../src/report/why.js';
import type { FileRecord } from '../../src/model/file.js';

const record = (verdict: FileRecord['verdict'], evidence: string[], lastChange?: string): FileRecord => ({ path: 'pkg/x.py', language: 'python', bytes: 1, lines: 1, codeLines: 1, hash: '0', executable: false, verdict, evidence, ...(lastChange ? { lastChange } : {}) });

test('why: a dead file lists what was looked for without chain arrows, the last commit once at the end', () => {
  const out = renderWhyTerminal({ file: record('dead', ['pkg/x.py is not imported, run or loaded by any file', 'no entry point, test rule, docs mention or runnable marker reaches it', 'last commit 2025-01-01'], '2025-01-01') });
  assert.equal(out, 'pkg/x.py: dead\n  pkg/x.py is not imported, run or loaded by any file\n  no entry point, test rule, docs mention or runnable marker reaches it\n  last commit 2025-01-01\n');
  assert.doesNotMatch(out, /→/);
});

test('why: a production chain keeps its arrows; the last commit is a note, not a hop', () => {
  const out = renderWhyTerminal({ file: record('production', ['usr/bin/x: an installed command', 'pkg/x.py is imported by usr/bin/x:6'], '2025-01-01') });
  assert.equal(out, 'pkg/x.py: production\n  usr/bin/x: an installed command\n  → pkg/x.py is imported by usr/bin/x:6\n  last commit 2025-01-01\n');
});

test('why: a manual file says that nothing else reaches it, before the last commit', () => {
  const out = renderWhyTerminal({ file: record('manual', ['pkg/x.py is runnable on its own: it has a shebang line (executable)', 'last commit 2025-01-01'], '2025-01-01') });
  assert.equal(out, [
    'pkg/x.py: manual',
    '  pkg/x.py is runnable on its own: it has a shebang line (executable)',
    '  no entry point, test rule or docs mention reaches it: census takes it for a script run by hand',
    '  last commit 2025-01-01',
    '',
  ].join('\n'));
});

test('why: a documented file says that only docs name it', () => {
  const out = renderWhyTerminal({ file: record('documented', ['pkg/x.py is referenced in README.md:3']) });
  assert.match(out, /referenced in README\.md:3\n  no entry point or test rule reaches it: only docs name it\n$/);
});

test('why: a manual file reached through an import is no script itself: the line names the chain\'s root', () => {
  const out = renderWhyTerminal({ file: record('manual', ['scripts/fix.py is runnable on its own: it has an `if __name__ == "__main__"` guard', 'pkg/x.py is imported by scripts/fix.py:1 (as x)', 'last commit 2025-01-01'], '2025-01-01') });
  assert.equal(out, [
    'pkg/x.py: manual',
    '  scripts/fix.py is runnable on its own: it has an `if __name__ == "__main__"` guard',
    '  → pkg/x.py is imported by scripts/fix.py:1 (as x)',
    '  no entry point, test rule or docs mention reaches it: it runs only when someone runs scripts/fix.py by hand',
    '  last commit 2025-01-01',
    '',
  ].join('\n'));
});

test('why: a documented file reached from a doc-named file says where its chain starts, not that docs name it', () => {
  const out = renderWhyTerminal({ file: record('documented', ['tools/report.py is referenced in README.md:3', 'pkg/x.py is imported by tools/report.py:1 (as x)']) });
  assert.match(out, /→ pkg\/x\.py is imported by tools\/report\.py:1 \(as x\)\n  no entry point or test rule reaches it: its chain starts at a docs mention of tools\/report\.py\n$/);
  assert.doesNotMatch(out, /only docs name it/);
});
