/** A listed folder held in a local assigned several times (folderCandidatesOf), within the listing's function (functionRegion). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderCandidatesOf } from '../../src/languages/javascript/folder-expr.js';
import { functionRegion } from '../../src/frameworks/js/function-region.js';

const text = [
  'function build() {',
  '  var root = obj.datapath;',
  "  if (!ok) { root = obj.path.join(__dirname, 'agents'); }",
  "  var dir = null; if (min) { dir = obj.path.join(root, 'mods_min'); } // '}' in a comment",
  "  if (dir == null) { dir = path.join(root, 'mods'); }",
  "  const re = /[}]/; const s = '{';",
  '  return fs.readdirSync(dir);',
  '}',
  'function other() {',
  "  var dir = path.join(__dirname, 'elsewhere');",
  '  return fs.readdirSync(dir);',
  '}',
].join('\n');

test('functionRegion: the innermost function body, braces in strings, comments and regexps skipped', () => {
  const at = text.indexOf('fs.readdirSync(dir)');
  const r = functionRegion(text, at);
  assert.equal(text.slice(r.start, r.end).includes("'mods'"), true);
  assert.equal(text.slice(r.start, r.end).includes('elsewhere'), false);
  assert.deepEqual(functionRegion('x(); y();', 3), { start: 0, end: 9 });
});

test('folderCandidatesOf: each readable assignment in the function, the unreadable ones left out', () => {
  const region = functionRegion(text, text.indexOf('fs.readdirSync(dir)'));
  assert.deepEqual(folderCandidatesOf('dir', 'server/main.js', text, region), ['server/agents/mods_min', 'server/agents/mods']);
  const other = functionRegion(text, text.lastIndexOf('fs.readdirSync(dir)'));
  assert.deepEqual(folderCandidatesOf('dir', 'server/main.js', text, other), ['server/elsewhere']);
  assert.deepEqual(folderCandidatesOf('root', 'main.js', 'function f() { let root = process.env.X; root = process.env.Y; }', { start: 0, end: 60 }), []);
});
