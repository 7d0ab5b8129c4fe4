/**
 * The check formats rendered from a real check of the ledger fixture: SARIF valid against the
 * SARIF 2.1.0 schema with rules and file+line locations, GitHub annotations escaped as the runner
 * expects, and a Markdown pull-request summary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveFindings, incompleteness } from '../../src/guardrails/findings.js';
import { runCheck } from '../../src/guardrails/check.js';
import { DEFAULT_CHECK_CONFIG } from '../../src/config/check.js';
import type { CheckResult } from '../../src/model/findings.js';
import { renderCheckGithub } from '../../src/report/guardrails/check-github.js';
import { renderCheckMarkdown } from '../../src/report/guardrails/check-markdown.js';
import { renderCheckSarif } from '../../src/report/guardrails/check-sarif.js';
import { fixturePath } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { sarifErrors } from './sarif-schema.js';

const ledgerCheck = async (): Promise<CheckResult> => {
  const { audit } = await scanDir(fixturePath('guardrails', 'ledger-repo'), { noEnv: true, duplicates: {} });
  const findings = deriveFindings(audit);
  // One finding accepted, so both baseline states appear; one file incomplete, so notifications appear.
  return runCheck({
    root: audit.root,
    commit: null,
    findings,
    baseline: { census: '0.1.0', commit: null, date: '2026-01-01', findings: ['dead:scripts/old_export.py', 'dead:scripts/removed_long_ago.py'] },
    baselineFile: '.census/baseline.json',
    config: DEFAULT_CHECK_CONFIG,
    incomplete: { ...incompleteness(audit), files: ['legacy/report v2.py'] },
  });
};

test('SARIF output is valid SARIF 2.1.0 with a rule per category and file+line locations', async () => {
  const log = JSON.parse(renderCheckSarif({ result: await ledgerCheck(), version: '0.1.0', pathPrefix: '' }));
  assert.deepEqual(sarifErrors(log), []);
  const run = log.runs[0];
  const ruleIds: string[] = run.tool.driver.rules.map((r: { id: string }) => r.id);
  assert.ok(ruleIds.includes('broken-internal') && ruleIds.includes('dead') && ruleIds.includes('duplicate-exact'));
  const byRule = (id: string) => run.results.find((r: { ruleId: string }) => r.ruleId === id);
  const broken = byRule('broken-internal');
  assert.equal(ruleIds[broken.ruleIndex], 'broken-internal');
  assert.deepEqual(broken.locations[0].physicalLocation, { artifactLocation: { uri: 'ledger/reconcile.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 2 } });
  assert.equal(broken.baselineState, 'new');
  assert.equal(broken.partialFingerprints['censusFindingKey/v1'], 'import:broken-internal:ledger/reconcile.py:ledger.fx_rates');
  assert.equal(byRule('dead').locations[0].physicalLocation.region.startLine, 1);
  assert.ok(run.results.some((r: { baselineState: string }) => r.baselineState === 'unchanged'));
  assert.equal(byRule('duplicate-exact').relatedLocations[0].physicalLocation.artifactLocation.uri, 'ledger/currency.py');
  assert.equal(run.invocations[0].executionSuccessful, false);
  assert.equal(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'legacy/report%20v2.py');
});

test('SARIF paths get the repository prefix when the scanned folder is a subfolder', async () => {
  const log = JSON.parse(renderCheckSarif({ result: await ledgerCheck(), version: '0.1.0', pathPrefix: 'services/ledger/' }));
  assert.deepEqual(sarifErrors(log), []);
  assert.ok(log.runs[0].results.every((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('services/ledger/')));
});

test('the SARIF schema check can fail: a broken log is rejected', async () => {
  const log = JSON.parse(renderCheckSarif({ result: await ledgerCheck(), version: '0.1.0', pathPrefix: '' }));
  log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  log.runs[0].results[0].level = 'fatal';
  assert.ok(sarifErrors(log).length >= 2);
  assert.ok(sarifErrors({ runs: [] }).some((e) => e.includes('version')));
});

test('GitHub annotations: errors for failing findings at file and line, escaped', async () => {
  const result = await ledgerCheck();
  const out = renderCheckGithub({ result, version: '0.1.0', pathPrefix: '' }).split('\n');
  assert.ok(out.includes('::error file=ledger/reconcile.py,line=2,title=census%3A new broken-internal::broken-internal import: ledger.fx_rates — ledger is in the repo but ledger.fx_rates is not'), out.join('\n'));
  assert.ok(out.some((l) => l.startsWith('::notice file=ledger/sync.py,line=8,title=census%3A new optional::')), 'ungated findings are notices');
  assert.ok(out.some((l) => l.startsWith('::error file=legacy/report v2.py,line=1,title=census%3A incomplete::')));
  const tricky = renderCheckGithub({ result: { ...result, new: [{ ...result.new[0], file: 'a,b:c.py', message: '100% broken\nreally' }] }, version: '0.1.0', pathPrefix: '' });
  assert.match(tricky, /::error file=a%2Cb%3Ac\.py,line=\d+,title=[^:]+::100%25 broken%0Areally/);
});

test('the Markdown summary leads with the verdict and tables the new findings', async () => {
  const md = renderCheckMarkdown({ result: await ledgerCheck(), version: '0.1.0', pathPrefix: '' });
  assert.match(md, /^## ⚠️ census check: INCOMPLETE/);
  assert.match(md, /\| broken-internal \| ledger\/reconcile\.py:2 \| broken-internal import: ledger\.fx_rates/);
  assert.match(md, /### 1 finding fixed\n\n- `dead:scripts\/removed_long_ago\.py`/);
  assert.match(md, /### Incomplete analysis/);
});
