/** constructor-folders: the folders a loader class is built with (variety's Jumble). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FrameworkContext } from '../../src/frameworks/types.js';
import { constructorItems } from '../../src/frameworks/python/constructor-folders.js';

const ctxOf = (file: string): FrameworkContext =>
  ({ files: new Set([file]), facts: () => undefined, manifests: { transientText: () => null } }) as unknown as FrameworkContext;

const jumble = (init: string): string =>
  ['class Jumble:', `    def __init__(${init}):`, '        self.folders = folders', '', '    def walk(self):', '        for folder in self.folders:', '            pass', '', "J = Jumble(['a', 'b'])", ''].join('\n');

test('constructor-folders: a literal list handed to the stored parameter', () => {
  assert.deepEqual(constructorItems(ctxOf('j.py'), 'j.py', jumble('self, folders'), 6, 'self.folders').map((i) => [i.item, i.line, i.stored]), [
    ["'a'", 9, 3],
    ["'b'", 9, 3],
  ]);
});

test('constructor-folders: a store in a method whose signature spans lines is not read as __init__\'s', () => {
  const text = ['class Jumble:', '    def __init__(self, folders):', '        pass', '', '    def reset(self,', '              folders):', '        self.folders = folders', '', '    def walk(self):', '        for folder in self.folders:', '            pass', '', "J = Jumble(['a'])", ''].join('\n');
  assert.deepEqual(constructorItems(ctxOf('j.py'), 'j.py', text, 10, 'self.folders'), []);
});

test('constructor-folders: review 4, a hostile __init__ line is not read (and finishes)', { timeout: 60_000 }, () => {
  // `(.*)\)` tried each `)` against the rest: 20,000 repeats took 1.1 s, this many about a minute and a half.
  assert.deepEqual(constructorItems(ctxOf('j.py'), 'j.py', jumble(`self, folders${') -> x'.repeat(150_000)}`), 6, 'self.folders'), []);
});
