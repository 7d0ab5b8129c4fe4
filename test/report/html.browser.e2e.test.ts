/**
 * The HTML report in a real headless Chromium: it loads from disk with no network and no console
 * errors, the graph draws and shows evidence chains, filters and sorting work, every view is a
 * deep link, a 5,000-file repo stays usable, and payloads in repo strings never run.
 * Skips (saying why) only when chromium cannot be installed on this machine.
 */
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Audit } from '../../src/model/audit.js';
import { renderHtml } from '../../src/report/html/index.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { afterRender, launchBrowser, navigate, openReport, texts, type Browser } from './html-browser.js';
import { hostileAudit, hostilePaths, syntheticAudit } from './html-audits.js';

let browser: Browser | null = null;
let unavailable = '';
let demo: Audit;
let demoHtml: string;

before(async () => {
  demo = (await scanDir(join(REPO_ROOT, 'examples/demo'))).audit;
  demoHtml = renderHtml(demo, { color: false });
  const launched = await launchBrowser();
  if ('unavailable' in launched) unavailable = launched.unavailable;
  else browser = launched;
});

after(async () => {
  await browser?.close();
});

/** True (and the test skipped, with the reason) when there is no browser. */
const noBrowser = (t: TestContext): boolean => {
  if (browser) return false;
  t.skip(`no chromium: ${unavailable}`);
  return true;
};

const fileOf = (audit: Audit, path: string) => audit.files.find((f) => f.path === path)!;
const encode = (path: string) => encodeURIComponent(path).replace(/%2F/g, '/');

describe('the HTML report in Chromium', () => {
  it('loads the demo from disk with no console errors and no network', async (t) => {
    if (noBrowser(t)) return;
    const { page, errors, requests } = await openReport(browser!, demoHtml);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
    assert.deepEqual(await texts(page, '#tabs .tab'), ['Overview', 'Treemap', 'Graph', 'Files', 'Imports'], 'no Duplicates tab without a duplicates section');
    const production = demo.files.filter((f) => f.verdict === 'production').length;
    const source = demo.files.filter((f) => f.verdict).length;
    assert.equal(await page.textContent('#headline'), `${production} of ${source} source files are reachable from production.`);
    assert.match((await page.textContent('#commit'))!, new RegExp(`^${demo.git!.commit!.slice(0, 12)}`));
    for (const view of ['treemap', 'graph', 'files', 'imports']) await navigate(page, `#view=${view}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('draws the graph and shows a clicked file\'s evidence chain, the one census why gives', async (t) => {
    if (noBrowser(t)) return;
    const { page, errors } = await openReport(browser!, demoHtml, '#view=graph');
    const drawn = await page.$$eval('svg.graph .node', (els) => els.map((e) => e.getAttribute('data-file')));
    for (const f of demo.files.filter((f) => f.verdict)) assert.ok(drawn.includes(f.path), `${f.path} is drawn`);
    assert.ok((await page.$$('svg.graph .edge')).length >= demo.edges.filter((e) => e.to && e.to !== e.from && e.kind === 'import').length / 2);

    await afterRender(page, () => page.click('svg.graph [data-file="sidecar/model_client.py"]'));
    assert.match(page.url(), /#view=graph&file=sidecar\/model_client\.py$/);
    assert.equal(await page.textContent('#detail-path'), 'sidecar/model_client.py');
    assert.deepEqual(await texts(page, '#chain li'), fileOf(demo, 'sidecar/model_client.py').evidence);
    const onChain = await page.$$eval('svg.graph .node.on-chain', (els) => els.map((e) => e.getAttribute('data-file')).sort());
    assert.deepEqual(onChain, ['deploy/sidecar.service', 'sidecar/embed.py', 'sidecar/main.py', 'sidecar/model_client.py']);
    assert.equal((await page.$$('svg.graph .edge.on-chain')).length, 3);
    assert.equal(await page.getAttribute('svg.graph .node.selected', 'data-file'), 'sidecar/model_client.py');

    // The detail panel's links move the selection along the chain.
    await afterRender(page, () => page.click('#detail .chain-path a[data-file="sidecar/embed.py"]'));
    assert.equal(await page.textContent('#detail-path'), 'sidecar/embed.py');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('filters the table and the graph by verdict, language, folder and text', async (t) => {
    if (noBrowser(t)) return;
    const { page, errors } = await openReport(browser!, demoHtml, '#view=files');
    const rowPaths = () => page.$$eval('table.inventory tbody tr', (rows) => rows.map((r) => r.getAttribute('data-file')));
    assert.equal((await rowPaths()).length, demo.files.length);

    await afterRender(page, () => page.click('.filters [data-verdict="dead"]'));
    const dead = demo.files.filter((f) => f.verdict === 'dead').map((f) => f.path);
    assert.deepEqual(await rowPaths(), dead);
    assert.match(page.url(), /verdict=dead/);

    await afterRender(page, async () => {
      await page.selectOption('select[name="lang"]', 'typescript');
    });
    assert.deepEqual(await rowPaths(), dead.filter((p) => p.endsWith('.ts')));

    await afterRender(page, () => page.click('.filters .link-button'));
    await page.fill('input[name="q"]', 'ingest');
    await page.waitForFunction(() => document.querySelectorAll('table.inventory tbody tr').length < 10);
    const matching = demo.files.filter((f) => f.path.includes('ingest') || (f.summary ?? '').toLowerCase().includes('ingest')).map((f) => f.path);
    assert.deepEqual(await rowPaths(), matching);
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name), 'q', 'typing keeps the focus in the search box');

    await navigate(page, '#view=graph&folder=sidecar');
    const nodes = await page.$$eval('svg.graph .node', (els) => els.map((e) => e.getAttribute('data-file')!));
    assert.deepEqual(nodes.sort(), demo.files.filter((f) => f.path.startsWith('sidecar/')).map((f) => f.path).sort());
    await navigate(page, '#view=graph&verdict=dead');
    assert.equal((await page.$$('svg.graph .node')).length, dead.length);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('sorts the table by a column, both ways', async (t) => {
    if (noBrowser(t)) return;
    const { page } = await openReport(browser!, demoHtml, '#view=files');
    const lines = () => page.$$eval('table.inventory tbody td.num', (cells) => cells.map((c) => Number(c.textContent!.replace(/,/g, ''))));
    await afterRender(page, () => page.click('th a[data-sort="lines"]'));
    const ascending = await lines();
    assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
    await afterRender(page, () => page.click('th a[data-sort="lines"]'));
    const descending = await lines();
    assert.deepEqual(descending, [...ascending].sort((a, b) => b - a));
    assert.match(page.url(), /sort=-lines/);
    await page.close();
  });

  it('opens any view from a deep link', async (t) => {
    if (noBrowser(t)) return;
    const { page, errors } = await openReport(browser!, demoHtml, '#file=sidecar/admin.py');
    assert.equal(await page.textContent('#tabs .tab.on'), 'Graph');
    assert.equal(await page.textContent('#detail-path'), 'sidecar/admin.py');
    assert.ok((await texts(page, '#chain li')).includes('sidecar/admin.py is imported by sidecar/main.py:4 (as admin_router)'));
    assert.equal(await page.getAttribute('svg.graph .node.selected', 'data-file'), 'sidecar/admin.py');
    const importers = demo.edges.filter((e) => e.to === 'sidecar/admin.py' && e.from !== e.to).map((e) => `${e.from}:${e.line}`);
    assert.deepEqual((await texts(page, '#detail .links-in a')).sort(), importers.sort(), 'the panel lists its importers');
    await navigate(page, '#file=sidecar/embed.py');
    assert.deepEqual(await texts(page, '#detail .links-out a'), ['sidecar/model_client.py'], 'and what it imports');

    await navigate(page, '#view=treemap&dir=sidecar');
    assert.equal(await page.textContent('.breadcrumb a:last-child'), 'sidecar');
    const cells = await page.$$eval('svg.treemap .tm-file', (els) => els.map((e) => e.getAttribute('data-file')!));
    assert.deepEqual(cells.sort(), demo.files.filter((f) => f.verdict && f.path.startsWith('sidecar/')).map((f) => f.path).sort());

    await navigate(page, '#view=imports&bucket=undeclared');
    const undeclared = demo.imports!.findings.filter((f) => f.bucket === 'undeclared');
    assert.equal((await page.$$('table.findings tbody tr')).length, undeclared.length);

    await navigate(page, '#view=files&verdict=manual&sort=-lines');
    assert.equal((await page.$$('table.inventory tbody tr')).length, demo.files.filter((f) => f.verdict === 'manual').length);
    await navigate(page, '#view=nonsense&file=no/such/file.py');
    assert.equal(await page.textContent('#tabs .tab.on'), 'Overview');
    assert.equal(await page.isHidden('#detail'), true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('drills into a treemap folder on click', async (t) => {
    if (noBrowser(t)) return;
    const { page } = await openReport(browser!, demoHtml, '#view=treemap');
    await afterRender(page, () => page.click('svg.treemap .tm-folder-label[data-dir="scripts"]'));
    assert.match(page.url(), /dir=scripts$/);
    const cells = await page.$$eval('svg.treemap [data-file]', (els) => els.map((e) => e.getAttribute('data-file')!));
    assert.ok(cells.length > 0 && cells.every((p) => p.startsWith('scripts/')));
    await page.close();
  });

  it('shows the duplicates and runtime sections when the audit has them', async (t) => {
    if (noBrowser(t)) return;
    const audit = syntheticAudit(400) as Audit & { duplicates: { clusters: { kind: string }[] } };
    const { page, errors } = await openReport(browser!, renderHtml(audit, { color: false }));
    assert.deepEqual(await texts(page, '#tabs .tab'), ['Overview', 'Treemap', 'Graph', 'Files', 'Imports', 'Duplicates']);
    assert.match((await page.textContent('#utilization'))!, new RegExp(`^Utilization ${audit.runtime!.utilization.pct}%`));
    await navigate(page, '#view=duplicates');
    assert.equal((await page.$$('article.cluster')).length, audit.duplicates.clusters.length);
    await navigate(page, '#view=duplicates&kind=exact');
    assert.equal((await page.$$('article.cluster')).length, audit.duplicates.clusters.filter((c) => c.kind === 'exact').length);
    assert.deepEqual(errors, []);
    await page.close();
  });

  // How fast the page loads is measured by the bench, not asserted here: a busy machine is not a bug.
  it('stays usable on a 5,000-file repo: small file, folders in the graph, the full table', async (t) => {
    if (noBrowser(t)) return;
    const audit = syntheticAudit(5000);
    const html = renderHtml(audit, { color: false });
    assert.ok(html.length < 3_000_000, `${html.length} bytes`);
    const { page, errors } = await openReport(browser!, html, '#view=graph');
    const folders = await page.$$eval('svg.graph .node.folder', (els) => els.map((e) => e.getAttribute('data-folder')!));
    assert.ok(folders.length > 1 && folders.length <= 150, `${folders.length} folder nodes`);
    assert.equal((await page.$$('svg.graph .node:not(.folder)')).length, 0);

    const folder = folders.find((f) => f.startsWith('services/'))!;
    await afterRender(page, () => page.click(`svg.graph [data-folder="${folder}"]`));
    assert.match(page.url(), new RegExp(`folder=${folder}`));
    const inside = await page.$$eval('svg.graph .node', (els) => els.map((e) => e.getAttribute('data-file') ?? e.getAttribute('data-folder')!));
    assert.ok(inside.length > 0 && inside.every((p) => p.startsWith(`${folder}/`) || p === folder), 'only that folder is drawn');

    // A file's chain is highlighted through the folders it passes.
    const deep = audit.files.find((f) => f.verdict === 'production' && (f.evidence?.length ?? 0) >= 4)!;
    await navigate(page, `#file=${encode(deep.path)}`);
    assert.deepEqual(await texts(page, '#chain li'), deep.evidence);
    assert.ok((await page.$$('svg.graph .node.on-chain')).length >= 1);

    await navigate(page, '#view=files');
    assert.equal((await page.$$('table.inventory tbody tr')).length, 500);
    await page.click('text=list all');
    await page.waitForFunction((n) => document.querySelectorAll('table.inventory tbody tr').length === n, audit.files.length);
    await navigate(page, '#view=treemap');
    assert.ok((await page.$$('svg.treemap rect')).length > 100);
    assert.deepEqual(errors, []);
    t.diagnostic(`5,000-file page: ${html.length} bytes`);
    await page.close();
  });

  for (const withPolicy of [true, false]) {
    it(`runs none of the payloads in repo strings${withPolicy ? '' : ', even with the Content-Security-Policy removed'}`, async (t) => {
      if (noBrowser(t)) return;
      let html = renderHtml(hostileAudit(), { color: false });
      if (!withPolicy) html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      const { page, errors, dialogs, requests } = await openReport(browser!, html);
      const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      for (const view of ['treemap', 'graph', 'files', 'imports', 'duplicates']) await navigate(page, `#view=${view}`);
      const shown: string[] = [];
      for (const path of hostilePaths()) {
        await navigate(page, `#view=files&file=${encode(path)}`);
        shown.push((await page.textContent('#detail-path'))!);
      }
      await navigate(page, `#view=graph&file=app/main.py`);
      assert.equal(await pwned(), undefined);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(shown, hostilePaths(), 'names are shown as text, unchanged');
      assert.equal(await page.$$eval('img, iframe, b, script[src]', (els) => els.length), 0);
      assert.equal((await page.$$('script')).length, 2);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
      assert.deepEqual(errors, []);
      assert.ok((await page.textContent('body'))!.includes('<script>window.__pwned=1</script>'), 'payloads are visible as text');
      await page.close();
    });
  }
});
