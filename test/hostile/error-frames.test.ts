/**
 * Syntax errors on long lines: oxc copies an error's line into its code frame, so a one-line file
 * of thousands of errors asked gigabytes and ended the scan after minutes (a 360 KB object of
 * 20,000 `k="m.js",` entries). Such a text is not parsed (parse-cost.ts); a valid long line, and
 * a long line with a few errors, still are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type * as OxcParser from 'oxc-parser';
import { scanDir } from '../helpers/scan-fixture.js';
import { javascriptExtractor } from '../../src/languages/javascript/extract.js';
import { foldedForProbe, needsCostProbe } from '../../src/languages/javascript/parse-cost.js';

const { parseSync } = createRequire(import.meta.url)('oxc-parser') as typeof OxcParser;
/** A hang guard, not a budget: before the fix the scan below ran for minutes and then ended the process. */
const HANG_GUARD = { timeout: 120_000 };

const oneLineModule = (entries: string): string => `const path=require('path');const dep=require('./dep.js');const o={${entries}};const f='x';module.exports=path.join(__dirname, f);`;

test('a one-line object of 20,000 invalid `k="m.js"` entries is not parsed: a warning names the file and line, and its literal require is still read', HANG_GUARD, async () => {
  const repo = mkdtempSync(join(tmpdir(), 'census-error-frames-'));
  try {
    writeFileSync(join(repo, 'big.js'), oneLineModule('k="m.js",'.repeat(20_000)));
    writeFileSync(join(repo, 'dep.js'), 'module.exports = 1;\n');
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'bomb', main: 'big.js' }));
    const { audit } = await scanDir(repo);
    const warning = audit.warnings.find((w) => w.id === 'javascript/too-costly-to-parse');
    assert.ok(warning, `no too-costly warning: ${JSON.stringify(audit.warnings)}`);
    assert.deepEqual([warning.location?.file, warning.location?.line], ['big.js', 1]);
    assert.match(warning.message, /20000 syntax errors on long lines/);
    assert.equal(audit.files.find((f) => f.path === 'dep.js')?.verdict, 'production', 'the text scan still finds the require');
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

test('a valid one-line module as long is parsed as before (no warning), and so is a long line with a single error', HANG_GUARD, () => {
  const valid = javascriptExtractor.extract('big.js', oneLineModule('k:"m.js",'.repeat(20_000)));
  assert.deepEqual(valid.diagnostics, []);
  assert.deepEqual(valid.imports.map((i) => i.specifier), ['path', './dep.js']);
  const oneError = javascriptExtractor.extract('big.js', oneLineModule(`${'k:"m.js",'.repeat(10_000)}k="m.js",${'k:"m.js",'.repeat(10_000)}`));
  assert.deepEqual(oneError.diagnostics.map((d) => [d.id, d.location?.line]), [['javascript/syntax-error', 1]]);
});

test('the probe folds valid code into short lines without adding an error, and only inserts', () => {
  const pieces = [
    '#!/usr/bin/env node --x=(a,b)',
    'var s="a,b(c\\x41\\u{1F600}\\\\",t=\'it\\\'s,(x)\';',
    'var u=`x,${a({b:[1,2]},`in,${c}`)}y\\u0041,z`,r=e=>/[,(]\\/x/g.test(e)+/a,b/.source;',
    'if(a)b=c/2,d=a[0]/b[1];/* a, comment ( */x(1,2);',
    'label:for(;;){break label}',
  ];
  // One long line (a `//` comment would end it), then a line comment after a fold point.
  const text = `${pieces[0]}\n${Array.from({ length: 2000 }, (_, i) => pieces[1 + (i % 4)]).join('')}// tail, ( comment\n`;
  assert.ok(needsCostProbe(text));
  assert.equal(parseSync('v.js', text).errors.length, 0, 'the sample is valid');
  const folded = foldedForProbe(text);
  assert.ok(folded.at.length > 100, 'the long line is folded');
  assert.deepEqual(parseSync('v.js', folded.text).errors.map((e) => e.message), []);
  assert.ok(folded.text.split('\n').every((l) => l.length < 400), 'every folded line is short');
  // Removing what each fold inserted gives the text back.
  let back = '';
  let from = 0;
  folded.at.forEach((at, k) => {
    back += folded.text.slice(from, at);
    from = at + folded.width[k];
  });
  assert.equal(back + folded.text.slice(from), text);
});

test('the probe reads a regular expression after a comment or after a control statement\'s `)` as one, so it folds nothing inside it (nx, ghost and vitepress bundles each got an error from the fold)', () => {
  const longClass = `[${'a-z,('.repeat(20)}]`;
  const pieces = [
    // nx dist/src/core/graph/main.js: `for(let r in n)/^(on(?:Click|Pointe…/.test(r)`
    `for(let r in n)/^(on(?:Click|Pointer),${longClass})$/.test(r)&&f(r);`,
    `if(a)/${longClass},x/g.test(a);while(b)/[,(]y/.exec(b)&&g();`,
    // ghost's koenig-lexical.js and vitepress' chunk: the regex after a line comment on the line above
    `var c=[\n// decimal number (integer or float) but no bigint\n/(?:${longClass}),z/,1];`,
    `var d=/* block, ( */ /(?:${longClass}),w/;`,
    // not a regex: a division after a call's `)` and after a `)` closing a grouping
    `var e=f(a)/2/g(b),h=(a+b)/2/c;`,
  ];
  const text = Array.from({ length: 400 }, (_, i) => pieces[i % pieces.length]).join('');
  assert.deepEqual(parseSync('v.js', text).errors.map((e) => e.message), [], 'the sample is valid');
  assert.deepEqual(parseSync('v.js', foldedForProbe(text).text).errors.map((e) => e.message), []);
});
