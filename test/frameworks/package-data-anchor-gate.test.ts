/**
 * Stop 63 (issue 19): package-data's line loop skips a line with no anchor within PATH_VIEW_REACH
 * of it (anchorPlaces), where it blanked and matched every quoted line. The skip is exact when a
 * line's view (the line blanked, or spannedPathLine's lines around a literal of it) can name an
 * anchor only if the text holds one that near. The property holds that for every literal of every
 * line of texts pieced from anchors, quotes, brackets, comments, line breaks and long runs (which
 * stretch a view's window to its limit), and pins the gate's own answers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorPlaces, blankComments, MAX_PATH_LINE, PATH_VIEW_REACH, spannedPathLine } from '../../src/frameworks/python/package-paths.js';
import { assertProperty } from '../helpers/property.js';

const ANCHORS = ['__file__', 'HERE', 'pkg.DATA'];
const PIECES = [
  ...ANCHORS,
  'os.path.join(', 'os.path.dirname(', ')', '))', ',', ', ', ' ', '\n', '\n    ', '\r\n', '# note ', "# it's ", '#',
  "'x.json'", '"data"', "'a'", '"', "'", 'x = ', 'open(', 'HER', 'E', '__fi', 'le__',
  'y'.repeat(120), 'z'.repeat(290), `'${'w'.repeat(150)}'`,
  // Calls split over lines, the anchor lines above or below the literal (the views that reach).
  'os.path.join(\n    os.path.dirname(__file__),\n', 'os.path.join(HERE,\n', "    'x.json')", "    'x.json',\n)", "'x.json'\n)",
  `os.path.join(__file__, ${'v'.repeat(100)},\n`, `${'u'.repeat(100)},\n`, `os.path.join(__file__, ${'v'.repeat(255)},\n`,
];

test('anchorPlaces: no line whose view names an anchor is skipped (seed 63)', () => {
  assertProperty(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      const near = anchorPlaces(text, ANCHORS);
      assert.ok(near !== null);
      let start = 0;
      for (const own of text.split('\n')) {
        const kept = near(start - PATH_VIEW_REACH, start + own.length + PATH_VIEW_REACH);
        if (!kept) {
          // The line itself, blanked, names none.
          const bare = blankComments(own);
          for (const a of ANCHORS) assert.ok(!bare.includes(a), `${JSON.stringify(text)}: line at ${start} names ${a}`);
          // Nor does the view around any literal of it (every quoted run, every length).
          for (let at = 0; at < own.length; at++) {
            if (own[at] !== "'" && own[at] !== '"') continue;
            for (let end = at + 1; end < own.length; end++) {
              if (own[end] !== own[at]) continue;
              const view = spannedPathLine(text, start + at, end - at + 1);
              for (const a of ANCHORS) assert.ok(view === null || !view.line.includes(a), `${JSON.stringify(text)}: view of ${at}-${end} at ${start} names ${a}`);
            }
          }
        }
        start += own.length + 1;
      }
    }),
    { numRuns: 2000, seed: 63 },
  );
});

test('anchorPlaces: a place counts only inside [lo, hi); an empty or blank anchor turns the gate off', () => {
  const text = `${'a'.repeat(10)}__file__${'b'.repeat(10)}__file__`;
  const near = anchorPlaces(text, ['__file__', '__file__'])!;
  assert.equal(near(0, 10), false);
  assert.equal(near(0, 11), true);
  assert.equal(near(11, 28), false);
  assert.equal(near(11, 29), true);
  assert.equal(near(29, 1000), false);
  assert.equal(near(-500, 0), false);
  assert.equal(anchorPlaces(text, ['HERE']) !== null && anchorPlaces(text, ['HERE'])!(-1000, 1000), false);
  assert.equal(anchorPlaces(text, ['__file__', '']), null);
  assert.equal(anchorPlaces(text, ['a b']), null);
  assert.equal(PATH_VIEW_REACH >= MAX_PATH_LINE, true);
});
