/**
 * Test discovery, by the frameworks' own rules and config (support/pytest-discovery.ts,
 * support/js-test-discovery.ts): every file pytest/unittest or vitest/jest/mocha/node --test
 * would collect is a test root. A repo-wide detector: whether a file is a test depends on its
 * name and on the nearest config, which can live in several other files.
 */
import { byString } from '../util/compare.js';
import { fileEntry } from './support/inputs.js';
import { jsTests } from './support/js-test-discovery.js';
import { pythonTests } from './support/pytest-discovery.js';
import { emptyOutput, type DetectorOutput, type EntryDetector, type SourcedOutput } from './types.js';

const tests: EntryDetector = {
  id: 'tests',
  title: 'test discovery (pytest, unittest, vitest, jest, mocha, node --test)',
  detectRepo: (ctx) => {
    const bySource = new Map<string, DetectorOutput>();
    const outputFor = (source: string) => {
      let out = bySource.get(source);
      if (!out) bySource.set(source, (out = emptyOutput()));
      return out;
    };
    const js = jsTests(ctx);
    for (const t of pythonTests(ctx)) {
      const out = outputFor(t.config ?? t.file);
      if (t.empty) (out.notes ??= []).push({ file: t.file, note: `${t.file} is collected by ${t.evidence}, but defines no test: a test run imports it and runs nothing from it` });
      else out.entries.push(fileEntry(t.file, 'test', t.evidence));
    }
    for (const t of js.tests) outputFor(t.config ?? t.file).entries.push(fileEntry(t.file, 'test', t.evidence));
    for (const d of js.diagnostics) outputFor(d.location?.file ?? '').diagnostics.push(d);
    return [...bySource.entries()]
      .sort(([a], [b]) => byString(a, b))
      .map(([source, output]): SourcedOutput => {
        output.entries.sort((a, b) => byString(a.target, b.target));
        return { source, output };
      });
  },
};

export default tests;
