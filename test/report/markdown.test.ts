/**
 * The Markdown inventory (issue #16, item 10): `--summary` fits a GitHub issue on a 1,500-file
 * repo, the full document groups by verdict before folder; and repo strings (#20) never become
 * Markdown: backticks, brackets and pipes in file names are shown as written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderView } from '../../src/report/index.js';
import { mdCode, mdText } from '../../src/report/md-escape.js';
import { syntheticAudit } from './html-audits.js';

const md = async (summary: boolean, audit = syntheticAudit(1500)): Promise<string> => (await renderView('audit', 'md', audit, { color: false, ...(summary ? { summary: true } : {}) })) as string;

test('--summary on a 1,500-file repo is under 60,000 characters: counts, the top findings, where the rest is', async () => {
  const audit = syntheticAudit(1500);
  const dead = audit.files.filter((f) => f.verdict === 'dead').length;
  assert.ok(dead > 100, `the fixture has more dead files than the summary lists (${dead})`);
  const full = await md(false, audit);
  const summary = await md(true, audit);
  assert.ok(full.length > 60_000, `the full inventory would not fit (${full.length})`);
  assert.ok(summary.length < 60_000, `summary is ${summary.length} characters`);
  assert.match(summary, /^## Totals$/m);
  assert.match(summary, new RegExp(`^### dead \\(${dead.toLocaleString('en-US')} files\\)$`, 'm'));
  assert.match(summary, new RegExp(`^… and ${dead - 100} more\\.$`, 'm'));
  assert.match(summary, /census scan --format html/);
  assert.doesNotMatch(summary, /^### `/m, 'no per-folder tables');
});

test('the full inventory groups by verdict, then folder', async () => {
  const full = await md(false);
  const headings = full.split('\n').filter((l) => /^## (production|tooling|test|documented|manual|dead) /.test(l)).map((l) => l.split(' ')[1]);
  assert.deepEqual(headings, ['dead', 'manual', 'documented', 'tooling', 'test', 'production']);
  const dead = full.slice(full.indexOf('## dead'), full.indexOf('## manual'));
  assert.match(dead, /^### `[^`]+\/`$/m, 'folders inside a verdict');
});

test('repo strings in Markdown: backticks, brackets, pipes and newlines are shown as written', async () => {
  assert.equal(mdText('a`b[c](http://x)|d\ne'), 'a\\`b\\[c\\](http://x)\\|d e');
  assert.equal(mdCode('x``y'), '```x``y```');
  assert.equal(mdCode('`edge'), '`` `edge ``');
  const audit = syntheticAudit(200);
  const evil = audit.files.find((f) => f.verdict === 'dead')!;
  evil.path = 'lib/[click](javascript:alert)`code`|x.py';
  const full = await md(false, audit);
  const raw = full.split('\n').filter((l) => l.includes('[click](') && !l.startsWith('### `'));
  assert.deepEqual(raw, [], 'outside a code span, no link is made of a file name');
  assert.match(full, /^\| \\\[click\\\]\(javascript:alert\)\\`code\\`\\\|x\.py \|/m);
});
