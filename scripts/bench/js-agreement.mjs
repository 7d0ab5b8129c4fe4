// The JS/TS module scan against oxc-parser on whole trees: every JS/TS file the scan reads (it
// leaves to oxc what it cannot read exactly and what the AST walk must see) is extracted again
// with oxc alone, and the two FileFacts must be identical, field for field.
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const DIST = new URL('../../dist/src/languages/javascript/', import.meta.url);
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

const sourcesUnder = (dirs) => {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.git') continue;
      const p = join(dir, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && SOURCE.test(name) && st.size < 5_000_000) files.push(p);
    }
  };
  for (const d of dirs) walk(d);
  return files;
};

/** Compares every JS/TS file under `dirs`; keeps the first `keep` disagreements (file and differing fields). */
export const moduleScanAgreement = async (dirs, { keep = 10 } = {}) => {
  const { extractJavaScript, scanLanguage } = await import(new URL('extract.js', DIST).href);
  const { scanModule } = await import(new URL('module-scan/index.js', DIST).href);
  const { buildLineTable } = await import(new URL('line-table.js', DIST).href);
  const isTs = (f) => /\.[cm]?tsx?$/.test(f);
  const r = { files: 0, read: 0, agreeing: 0, scanMs: 0, oxcMs: 0, scanBytes: 0, examples: [] };
  for (const file of sourcesUnder(dirs)) {
    r.files++;
    const text = readFileSync(file, 'utf8');
    if (scanModule(text, buildLineTable(text), scanLanguage(file, isTs(file))) === null) continue;
    r.read++;
    let t = performance.now();
    const scanned = extractJavaScript(file, text, isTs(file));
    r.scanMs += performance.now() - t;
    t = performance.now();
    const parsed = extractJavaScript(file, text, isTs(file), { moduleScan: false });
    r.oxcMs += performance.now() - t;
    r.scanBytes += Buffer.byteLength(text);
    if (isDeepStrictEqual(scanned, parsed)) {
      r.agreeing++;
    } else if (r.examples.length < keep) {
      const fields = [...new Set([...Object.keys(scanned), ...Object.keys(parsed)])].filter((k) => !isDeepStrictEqual(scanned[k], parsed[k]));
      r.examples.push({ file, fields: fields.map((k) => ({ field: k, scan: scanned[k], oxc: parsed[k] })) });
    }
  }
  return r;
};

/** One line: how much the scan read and how much of it agrees. */
export const agreementLine = (r) =>
  `the module scan read ${r.read.toLocaleString('en-US')} of ${r.files.toLocaleString('en-US')} JS/TS files (${((100 * r.read) / Math.max(1, r.files)).toFixed(1)}%, the rest went to oxc); ` +
  `identical facts on ${r.agreeing.toLocaleString('en-US')}/${r.read.toLocaleString('en-US')}; ` +
  `extraction of those files ${(r.scanMs / 1000).toFixed(2)} s with the scan against ${(r.oxcMs / 1000).toFixed(2)} s with oxc alone (one thread)`;
