/**
 * The HTML reporter without a browser: escaping helpers, the embedded data (chains map to the
 * edges `census why` walks), the client bundle's self-containment rule, the pure layout
 * functions, and the page's size on a 5,000-file repo. The page itself is tested in Chromium in
 * html.browser.e2e.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { VERDICTS } from '../../src/model/verdict.js';
import { VIEWS } from '../../src/report/index.js';
import { buildPageData } from '../../src/report/html/build-page-data.js';
import { matchChain, type IndexedEdge } from '../../src/report/html/chain-edges.js';
import { CLIENT_MODULES, clientFunctions, clientScript } from '../../src/report/html/client/bundle.js';
import { groupKey } from '../../src/report/html/client/graph-model.js';
import { layeredLayout } from '../../src/report/html/client/graph-layout.js';
import { buildModel, evidenceOf, fileFlags, verdictNames } from '../../src/report/html/client/model.js';
import { emptyRoute, formatFragment, parseFragment } from '../../src/report/html/client/route.js';
import { squarify } from '../../src/report/html/client/treemap-layout.js';
import { escapeHtml, isScriptSafe, jsonForScript } from '../../src/report/html/escape.js';
import { renderHtml } from '../../src/report/html/index.js';
import { FLAG_EXECUTABLE, FLAG_INCOMPLETE, FLAG_LOADED, PAGE_EDGE_KINDS } from '../../src/report/html/page-data.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { scanDir } from '../helpers/scan-fixture.js';
import { PAYLOADS, hostileAudit, syntheticAudit } from './html-audits.js';

const dataBlock = (html: string): string => html.match(/<script type="application\/json" id="census-data">([\s\S]*?)<\/script>/)![1];

test('escapeHtml escapes the five characters that can end text or an attribute', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  assert.equal(escapeHtml('plain text / with — unicode'), 'plain text / with — unicode');
});

test('jsonForScript leaves nothing that can close or confuse a script block, and round-trips', () => {
  const value = { payloads: PAYLOADS, nested: ['</script>', '<!--', '-->', '&lt;', '\u2028\u2029'] };
  const text = jsonForScript(value);
  assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(text), value);
  // Also a valid JavaScript expression with the same value.
  assert.deepEqual(JSON.parse(JSON.stringify(new Script(`(${text})`).runInNewContext())), value);
});

test('isScriptSafe refuses text that would end a script element early', () => {
  assert.equal(isScriptSafe('const a = "<\\/script>";'), true);
  assert.equal(isScriptSafe('const a = "</SCRIPT >";'), false);
  assert.equal(isScriptSafe('x <!-- y'), false);
});

test('every client module exports only function declarations, and every one is bundled', () => {
  const files = readdirSync(join(REPO_ROOT, 'src/report/html/client'))
    .filter((f) => f.endsWith('.ts') && f !== 'bundle.ts' && f !== 'app-types.ts')
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  assert.deepEqual(Object.keys(CLIENT_MODULES).sort(), files, 'a client module is missing from bundle.ts');
  for (const [module, exports] of Object.entries(CLIENT_MODULES)) {
    for (const [name, value] of Object.entries(exports)) {
      assert.equal(typeof value, 'function', `${module}.${name} is not a function: module-level values are not bundled`);
      assert.ok((value as () => void).toString().startsWith(`function ${name}(`), `${module}.${name} must be a \`function\` declaration`);
    }
  }
  const names = clientFunctions().map((f) => f.name);
  assert.equal(new Set(names).size, names.length, 'two client functions share a name');
});

test('the client script compiles as a classic script and is safe to inline', () => {
  const script = clientScript();
  assert.doesNotThrow(() => new Script(script));
  assert.ok(isScriptSafe(script));
  assert.match(script, /\ncensusMain\(\);\n\}\)\(\);\n$/);
});

test('the page script and the data agree on constants', () => {
  assert.deepEqual(fileFlags(), { executable: FLAG_EXECUTABLE, incomplete: FLAG_INCOMPLETE, loaded: FLAG_LOADED });
  assert.deepEqual(verdictNames(), [...VERDICTS]);
  assert.deepEqual(buildPageData(syntheticAudit(50)).edgeKinds, [...PAGE_EDGE_KINDS]);
});

test('html is a format, and the page allows only its own script and styles, with no network', async () => {
  assert.equal(await VIEWS.audit.formats.html?.load(), renderHtml);
  const { audit } = await scanDir(join(REPO_ROOT, 'examples/demo'));
  const html = renderHtml(audit, { color: false });
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)![1].replace(/&#39;/g, "'");
  const script = html.match(/<script>([\s\S]*)<\/script>/)![1];
  const css = html.match(/<style>([\s\S]*?)<\/style>/)![1];
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  assert.match(csp, /default-src 'none'/);
  assert.ok(csp.includes(`script-src ${sha(script)}`), 'script hash matches the inline script');
  assert.ok(csp.includes(`style-src ${sha(css)}`), 'style hash matches the inline stylesheet');
  assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//, 'no external resource');
  assert.equal(html.match(/<script\b/g)!.length, 2);
});

test('demo chains map each hop to the edge it crossed, and each root to its entry', async () => {
  const { audit } = await scanDir(join(REPO_ROOT, 'examples/demo'));
  const data = buildPageData(audit);
  const index = (path: string) => data.files.findIndex((f) => f[0] === path);
  const describe = (e: number) => `${data.files[data.edges[e][0]][0]} -> ${data.files[data.edges[e][1]][0]} (${data.edgeKinds[data.edges[e][2]]})`;
  const chain = (path: string) => {
    const i = index(path);
    return [data.chainRoot[i], ...data.evidence[i].filter((n) => n >= 0)].filter((n) => n >= 0).map(describe);
  };
  assert.deepEqual(chain('sidecar/model_client.py'), [
    'deploy/sidecar.service -> sidecar/main.py (entry)',
    'sidecar/main.py -> sidecar/embed.py (import)',
    'sidecar/embed.py -> sidecar/model_client.py (import)',
  ]);
  assert.deepEqual(chain('scripts/staffer_report.py'), ['README.md -> scripts/run_demo.sh (doc-mention)', 'scripts/run_demo.sh -> scripts/staffer_report.py (exec)']);
  assert.deepEqual(chain('sidecar/lab_ui.py'), []);
  // Every evidence sentence survives: hops as edge labels, the rest in the sentence table.
  for (const f of audit.files) {
    const shown = data.evidence[index(f.path)].map((n) => (n >= 0 ? data.labels[n] : data.sentences[-n - 1]));
    assert.deepEqual(shown, f.evidence ?? [], f.path);
  }
});

test('the page draws arrows between chain steps only: none before a dead file\'s sentences or the last-commit note', async () => {
  const { audit } = await scanDir(join(REPO_ROOT, 'examples/demo'));
  const data = buildPageData(audit);
  let noted = 0;
  audit.files.forEach((f) => {
    const said = f.evidence ?? [];
    const note = f.lastChange !== undefined && said.at(-1) === `last commit ${f.lastChange}`;
    if (note) noted++;
    const steps = f.verdict === undefined || f.verdict === 'dead' ? 0 : said.length - (note ? 1 : 0);
    assert.equal(data.chainSteps[data.files.findIndex((p) => p[0] === f.path)], steps, f.path);
  });
  // The demo is a git checkout: its manual, documented and dead files end with the note.
  assert.ok(noted > 0, 'no file carried a last-commit note');
});

test('matchChain keeps trailing notes as sentences and stops at the first sentence', () => {
  const incoming = new Map<string, IndexedEdge[]>([
    ['b.py', [{ index: 0, from: 'a.py', to: 'b.py', sentence: 'imported by a.py:1 as b' }]],
    ['a.py', [{ index: 1, from: 'r.py', to: 'a.py', sentence: 'imported by r.py:2 as a' }]],
  ]);
  assert.deepEqual(matchChain('b.py', ['r.py — root', 'imported by r.py:2 as a', 'imported by a.py:1 as b', 'last commit 2026-01-01'], incoming), {
    hops: [null, 1, 0, null],
    rootFile: 'r.py',
  });
  assert.deepEqual(matchChain('b.py', ['imported by a.py:1 as b'], incoming), { hops: [null], rootFile: 'b.py' });
});

test('the hostile audit reaches the page only inside the escaped data block', () => {
  const html = renderHtml(hostileAudit(), { color: false });
  const outsideData = html.replace(dataBlock(html), '');
  for (const payload of PAYLOADS) {
    for (const dangerous of ['<script>window', '<img', '<svg', '<iframe', 'onerror=', 'onload=']) {
      if (payload.includes(dangerous)) assert.ok(!html.includes(payload), `raw payload in page: ${payload}`);
    }
  }
  assert.doesNotMatch(dataBlock(html), /[<>]/);
  assert.doesNotMatch(outsideData, /<(img|svg|iframe|b)\b/i, 'payloads outside the data block appear only escaped');
  assert.match(outsideData, /<title>census — &quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;<\/title>/);
  assert.equal(html.match(/<\/script>/gi)!.length, 2);
});

test('a 5,000-file audit renders to a page under 3 MB', () => {
  const audit = syntheticAudit(5000);
  const html = renderHtml(audit, { color: false });
  assert.ok(html.length < 3_000_000, `page is ${html.length} bytes`);
});

test('route fragments round-trip and keep paths readable', () => {
  const state = { ...emptyRoute(), view: 'files', file: 'sidecar/admin.py', verdict: 'dead,manual', q: 'a&b=c #d' };
  const fragment = formatFragment(state);
  assert.match(fragment, /file=sidecar\/admin\.py/);
  assert.match(fragment, /verdict=dead,manual/);
  assert.deepEqual(parseFragment(fragment), state);
  assert.equal(parseFragment('#file=sidecar/admin.py').view, 'graph');
  assert.equal(parseFragment('').view, 'overview');
  assert.equal(parseFragment('#file=%E0%A4%A').file, '%E0%A4%A', 'a malformed escape is kept, not thrown');
});

test('squarify fills the rectangle with areas proportional to the values', () => {
  const values = [500, 300, 120, 60, 10, 6, 4];
  const rect = { x: 10, y: 20, w: 400, h: 300 };
  const rects = squarify(values, rect);
  const total = values.reduce((s, v) => s + v, 0);
  rects.forEach((r, i) => {
    assert.ok(Math.abs(r.w * r.h - (values[i] / total) * rect.w * rect.h) < 1e-6, `area of ${i}`);
    assert.ok(r.x >= rect.x - 1e-9 && r.y >= rect.y - 1e-9 && r.x + r.w <= rect.x + rect.w + 1e-6 && r.y + r.h <= rect.y + rect.h + 1e-6, `${i} inside`);
  });
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const [a, b] = [rects[i], rects[j]];
      const overlap = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
      assert.ok(overlap < 1e-6, `${i} and ${j} overlap`);
    }
  }
  assert.deepEqual(squarify([0, 0], rect).map((r) => r.w * r.h), [0, 0]);
});

test('the layered layout gives each node its own row in its layer and untangles a crossing', () => {
  // a0 -> b1, a1 -> b0: the sweep should swap one column so the edges no longer cross.
  const result = layeredLayout({ layers: [0, 0, 1, 1], edges: [[0, 3], [1, 2]] });
  assert.deepEqual([...new Set([result.row[0], result.row[1]])].sort(), [0, 1]);
  assert.deepEqual(result.layerSizes, [2, 2]);
  assert.equal(result.row[0] < result.row[1], result.row[3] < result.row[2]);
});

test('groupKey folds paths to folders below the current one', () => {
  assert.equal(groupKey('a/b/c/d.py', '', 1), 'a');
  assert.equal(groupKey('a/b/c/d.py', '', 2), 'a/b');
  assert.equal(groupKey('a/b/c/d.py', 'a', 1), 'a/b');
  assert.equal(groupKey('a/top.py', 'a', 2), 'a');
  assert.equal(groupKey('root.py', '', 1), '');
});

test('the detail panel and the table draw an arrow before each chain step, matched to an edge or not (review s54-rm4 #3)', async () => {
  const { audit } = await scanDir(join(REPO_ROOT, 'examples/demo'));
  const data = buildPageData(audit);
  const at = data.chainSteps.findIndex((steps, i) => steps >= 3 && data.evidence[i]![1]! >= 0);
  assert.ok(at >= 0, 'the demo has a chain of three steps');
  // The hop's sentence no longer matches an edge: it is a step of the chain all the same.
  data.sentences.push('b.py is reached through something no edge says');
  data.evidence[at]![1] = -data.sentences.length;
  const model = buildModel(data);
  assert.deepEqual(evidenceOf(model, at).map((item) => item.hop), data.evidence[at]!.map((_, k) => k > 0 && k < data.chainSteps[at]!));
  assert.equal(evidenceOf(model, at)[1]!.hop, true);
  const dead = audit.files.findIndex((f) => f.verdict === 'dead' && (f.evidence?.length ?? 0) > 0);
  if (dead >= 0) assert.ok(evidenceOf(model, data.files.findIndex((p) => p[0] === audit.files[dead]!.path)).every((item) => !item.hop));
});
