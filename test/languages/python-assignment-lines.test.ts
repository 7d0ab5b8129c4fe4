/** Assignment lines read by text (assignment-lines.ts): the module constants three framework readers share. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignmentLine, assignmentsOf, moduleStrings } from '../../src/languages/python/assignment-lines.js';

test('assignment lines: target, expression without its comment, line and indent', () => {
  const lines = ['PROG = "/usr/bin/x"  # the helper', 'def f():', "    self.cmd = os.path.join(BASE, 'y')", 'if a == b:', '    pass'];
  const got = assignmentsOf(lines);
  assert.deepEqual(got.get('PROG'), [{ expr: '"/usr/bin/x"', line: 1, indented: false }]);
  assert.deepEqual(got.get('self.cmd'), [{ expr: "os.path.join(BASE, 'y')", line: 3, indented: true }]);
  assert.equal(got.has('a'), false, 'a comparison is not an assignment');
});

test('assignment lines: a # inside a string does not start the comment', () => {
  assert.deepEqual(assignmentsOf(["NAME = 'a#b'  # c"]).get('NAME'), [{ expr: "'a#b'", line: 1, indented: false }]);
  assert.deepEqual(moduleStrings("NAME = 'a#b'  # c\n").get('NAME'), ['a#b']);
});

test('module strings: module level only, simple literals only, every one in order', () => {
  const text = "A = 'x.y'\nB = u\"z\"\nA = 'w'\nC = f'{A}.q'\nD = 'it\\'s'\nclass K:\n    E = 'inner'\nF = ''\nG.H = 'dotted'\nI: str = 'annotated'\nJ = r'raw.sh'\nK = b'bytes'\nif x:\n    L = 'branch'\n";
  const got = moduleStrings(text);
  // r and u prefixes are plain literals here (package-data's old pattern took bare quotes only); bytes are not.
  assert.deepEqual([...got.entries()], [['A', ['x.y', 'w']], ['B', ['z']], ['F', ['']], ['I', ['annotated']], ['J', ['raw.sh']]]);
});

test('module strings: an annotated constant is read (review 3: PLUGIN_PKG: str = ...), with the stops of its annotation', () => {
  const text = [
    "PLUGIN_PKG: str = 'app.plugins'",
    "FINAL: typing.Final[str] = 'app.final'",
    "OPT: Optional[str] | None = 'app.opt'",
    "LIT: Literal['a'] = 'app.lit'",
    "CALL: str = make('app.call')",
    "    INNER: str = 'app.inner'",
    "EQ: str == 'app.eq'",
  ].join('\n');
  assert.deepEqual([...moduleStrings(text).entries()], [['PLUGIN_PKG', ['app.plugins']], ['FINAL', ['app.final']], ['OPT', ['app.opt']]]);
  // assignmentsOf (spawned-paths', assignmentAbove's reading) takes the annotation too, at any indent (review 3 of stop 52).
  const all = assignmentsOf(text.split('\n'));
  assert.deepEqual(all.get('PLUGIN_PKG'), [{ expr: "'app.plugins'", line: 1, indented: false }]);
  assert.deepEqual(all.get('INNER'), [{ expr: "'app.inner'", line: 6, indented: true }]);
  assert.equal(all.has('LIT'), false);
  assert.equal(all.has('EQ'), false);
});

test('module strings: a long annotation-like line is not taken for an assignment, and the line after it is read (the value only: no time is measured)', () => {
  const text = `X: ${'a['.repeat(400)}${' '.repeat(400)}\nY: str = 'app.y'\n`;
  assert.deepEqual([...moduleStrings(text).entries()], [['Y', ['app.y']]]);
});

test('module strings: CRLF lines read like LF ones', () => {
  assert.deepEqual([...moduleStrings("A = 'x'\r\nB = 'y'\r\n").entries()], [['A', ['x']], ['B', ['y']]]);
});

test('assignment lines: a line over 1,000 characters is not read, and the lines after it are', () => {
  // 64 KB of escaped quotes in a string that never closes: read as a quote or as a plain character,
  // each one doubled the ways the old pattern could split the line (seconds per file).
  const long = `X = '${"\\'".repeat(32_000)}`;
  const text = `${long}\nY = 'app.y'\n`;
  assert.deepEqual([...moduleStrings(text).entries()], [['Y', ['app.y']]]);
  const got = assignmentsOf(text.split('\n'));
  assert.equal(got.has('X'), false);
  assert.deepEqual(got.get('Y'), [{ expr: "'app.y'", line: 2, indented: false }]);
});

test('assignment lines: a quote only opens a string, so one that never closes leaves the line unread', () => {
  const got = assignmentsOf(["X = 'it\\'s' + \"a\"  # c", "Y = 'open", 'Z = a + b']);
  assert.deepEqual(got.get('X'), [{ expr: "'it\\'s' + \"a\"", line: 1, indented: false }]);
  assert.equal(got.has('Y'), false);
  assert.deepEqual(got.get('Z'), [{ expr: 'a + b', line: 3, indented: false }]);
});

test('assignment lines: assignmentLine gives the target, the expression and its offset; assignmentAbove reads through it', async () => {
  assert.deepEqual(assignmentLine("    name = 'pkg.#1'  # c"), { target: 'name', expr: "'pkg.#1'", offset: 11 });
  assert.equal(assignmentLine('if a == b:'), null);
  const { assignmentAbove } = await import('../../src/frameworks/python/python-files.js');
  const { lineStarts } = await import('../../src/util/lines.js');
  const text = "def f():\n    mod = 'app.plugins.#x'  # a comment\n    other = 1\n    import_module(mod)\n";
  const got = assignmentAbove(text, lineStarts(text), 4, 'mod');
  // The old reading cut the value at the `#` inside the string.
  assert.deepEqual(got, { value: "'app.plugins.#x'", line: 2, at: text.indexOf("'app.plugins") });
  assert.equal(assignmentAbove(text, lineStarts(text), 4, 'missing'), null);
  // CRLF lines read like LF ones.
  const crlf = text.replace(/\n/g, '\r\n');
  assert.equal(assignmentAbove(crlf, lineStarts(crlf), 4, 'mod')?.value, "'app.plugins.#x'");
  // An annotated local is read; one that cannot be read (a string opened over lines) hides the older value.
  const annotated = "def f(kind):\n    mod: str = 'app.' + kind\n    import_module(mod)\n";
  assert.equal(assignmentAbove(annotated, lineStarts(annotated), 3, 'mod')?.value, "'app.' + kind");
  const hidden = "def f():\n    mod = 'app.a'\n    mod = '''app.\n    b'''\n    import_module(mod)\n";
  assert.equal(assignmentAbove(hidden, lineStarts(hidden), 5, 'mod'), null);
  const hiddenAnnotated = "def f():\n    mod = 'app.a'\n    mod: str = '''app.\n    b'''\n    import_module(mod)\n";
  assert.equal(assignmentAbove(hiddenAnnotated, lineStarts(hiddenAnnotated), 5, 'mod'), null);
  // A comparison or a longer name is no assignment of the name.
  const compared = "def f():\n    mod = 'app.a'\n    mod == '''x\n    modx = '''y\n    import_module(mod)\n";
  assert.equal(assignmentAbove(compared, lineStarts(compared), 5, 'mod')?.value, "'app.a'");
});
