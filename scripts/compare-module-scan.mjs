#!/usr/bin/env node
// Holds the JS/TS module scan to oxc-parser on real code (see scripts/bench/js-agreement.mjs):
// prints how many files the scan read, whether their facts are identical to oxc's, and the first
// disagreements. Exit code 1 when any disagree.
// Usage: node scripts/compare-module-scan.mjs [--show=N] dir... (after `npm run build`)
import { agreementLine, moduleScanAgreement } from './bench/js-agreement.mjs';

const args = process.argv.slice(2);
const show = Number(args.find((a) => a.startsWith('--show='))?.slice(7) ?? 10);
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length === 0) {
  console.error('usage: node scripts/compare-module-scan.mjs [--show=N] dir...');
  process.exit(2);
}
const r = await moduleScanAgreement(dirs, { keep: show });
console.log(agreementLine(r));
const clip = (value) => String(JSON.stringify(value)).slice(0, 300);
for (const e of r.examples) {
  console.log(`\n--- ${e.file}`);
  for (const f of e.fields) console.log(`  ${f.field}: scan ${clip(f.scan)}\n  ${' '.repeat(f.field.length)}  oxc  ${clip(f.oxc)}`);
}
process.exitCode = r.agreeing === r.read ? 0 : 1;
