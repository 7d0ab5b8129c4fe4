import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignedFileNames, namesAssignedFileNames } from '../../src/frameworks/js/assigned-file-names.js';

const literalOnly = (): string | null => null;

test('namesAssignedFileNames: every name a statement assigns before a file name, not only its first (review s64-rv2)', () => {
  assert.deepEqual([...namesAssignedFileNames("let a = opts.a, b = 'entry.js';\nconst c = 1;")].sort(), ['a', 'b']);
  // A `;` ends the statement: a name assigned before it assigns no file name.
  assert.deepEqual([...namesAssignedFileNames("x = 1; y = 'entry.js';")], ['y']);
});

test('namesAssignedFileNames: a minified line of thousands of file names gives each name, read back a bounded window each (review s64-rv2)', () => {
  let line = 'var d=path.join(__dirname,f);var q=';
  for (let i = 0; i < 3000; i++) line += `k${i}="m${i}.js",`;
  const names = namesAssignedFileNames(`${line}1;\n`);
  assert.ok(names.has('k0') && names.has('k2999'));
});

test('assignedFileNames: only the join function\'s own assignments whose block is open at the join (review s64-rv2)', () => {
  const text = [
    'function describe() { const top = "top.js"; return top; }',
    'const top = process.env.ENTRY;',
    'exports.top = path.join(__dirname, top);',
    'function scoped(s) {',
    '  let local = s.entry;',
    '  ["x"].forEach(() => { const local = "callback.js"; log(local); });',
    '  if (s.flag) { let local = "block.js"; log(local); }',
    '  if (s.other) { local = "set.js"; }',
    '  return path.join(__dirname, local);',
    '}',
  ].join('\n');
  assert.deepEqual(assignedFileNames(text, 'top', text.indexOf('path.join(__dirname, top)'), literalOnly), []);
  assert.deepEqual(
    assignedFileNames(text, 'local', text.indexOf('path.join(__dirname, local)'), literalOnly).map((v) => v.name),
    ['set.js'],
  );
});
