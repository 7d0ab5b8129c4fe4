/** The shared `<script>` tag walker (script-tags.ts) in its two modes: tags only (vite's htmlScripts) and tags with bodies (inline-requires). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { eachScriptTag, htmlComment, spansBlanked, type ScriptTag } from '../../src/frameworks/js/script-tags.js';
import { assertProperty } from '../helpers/property.js';

const walk = (page: string, bodies: boolean): ScriptTag[] => {
  const out: ScriptTag[] = [];
  eachScriptTag(page, bodies, (t) => out.push(t));
  return out;
};

const PAGE = '<script src="a.js"></script>\n<script>document.write(\'<script src="b.js">\')</script>\n<script src="c.js">';

test('script-tags: with bodies, a `<script` inside a body is its text, and a tag with no `</script>` left ends the walk', () => {
  const tags = walk(PAGE, true);
  assert.deepEqual(tags.map((t) => t.attrs.trim()), ['src="a.js"', '']);
  assert.equal(PAGE.slice(tags[1].bodyStart, tags[1].bodyEnd), 'document.write(\'<script src="b.js">\')');
});

test('script-tags: tags only, the walk goes on right after each tag\'s `>` (as htmlScripts always read them)', () => {
  assert.deepEqual(walk(PAGE, false).map((t) => t.attrs.trim()), ['src="a.js"', '', 'src="b.js"', 'src="c.js"']);
  assert.ok(walk(PAGE, false).every((t) => t.bodyEnd === -1));
});

test('script-tags: a `<script` with no `>` after it ends the walk (no rescan from every unclosed tag)', () => {
  assert.deepEqual(walk('<script src="a.js"><script src="b', false).map((t) => t.attrs), [' src="a.js"']);
  assert.equal(walk('<script'.repeat(40_000), true).length, 0);
});

// spansBlanked replaced lazy patterns that were quadratic on unclosed openers; it must blank exactly what they blanked.
test('spansBlanked blanks what the lazy comment patterns blanked (seeded)', () => {
  const blank = (c: string): string => c.replace(/[^\n]/g, ' ');
  const pieces = fc.constantFrom('<!--', '-->', '<!--[if IE]>', '{#', '#}', '[if', '-', '!', '<', '>', '{', '#', 'a', '\n', ' ', '<!-->', '--');
  assertProperty(
    fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.equal(spansBlanked(text, [htmlComment(false)]), text.replace(/<!--[\s\S]*?-->/g, blank));
      assert.equal(spansBlanked(text, [htmlComment(true)]), text.replace(/<!--(?!\[if\b)[\s\S]*?-->/g, blank));
      assert.equal(spansBlanked(text, [htmlComment(false), { open: '{#', close: '#}' }]), text.replace(/<!--[\s\S]*?-->|\{#[\s\S]*?#\}/g, blank));
    }),
    { numRuns: 3000 },
  );
});
