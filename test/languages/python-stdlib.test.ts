import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStdlibModule, removedStdlibModule, stdlibVersionOf } from '../../src/languages/python/stdlib.js';
import { STDLIB_MODULES, STDLIB_VERSIONS } from '../../src/languages/python/stdlib-data.js';
import { byString } from '../../src/util/compare.js';

test('distutils is stdlib in 3.11 and removed in 3.12', () => {
  assert.equal(isStdlibModule('distutils', '3.11'), true);
  assert.equal(isStdlibModule('distutils', '3.12'), false);
  assert.equal(removedStdlibModule('distutils', '3.11'), null);
  assert.deepEqual(removedStdlibModule('distutils', '3.12'), { removedIn: '3.12' });
  assert.deepEqual(removedStdlibModule('distutils.core', '3.13.1'), { removedIn: '3.12' });
});

test('the PEP 594 second wave is gone in 3.13, present in 3.12', () => {
  for (const name of ['telnetlib', 'cgi', 'imghdr', 'lib2to3', 'audioop', 'pipes']) {
    assert.equal(isStdlibModule(name, '3.12'), true, name);
    assert.equal(isStdlibModule(name, '3.13'), false, name);
    assert.deepEqual(removedStdlibModule(name, '3.14'), { removedIn: '3.13' }, name);
  }
  assert.deepEqual(removedStdlibModule('tkinter.tix', '3.13'), { removedIn: '3.13' });
  assert.equal(removedStdlibModule('tkinter', '3.13'), null);
  assert.equal(isStdlibModule('tkinter', '3.13'), true);
});

test('modules added later are absent from earlier versions', () => {
  assert.equal(isStdlibModule('tomllib', '3.10'), false);
  assert.equal(isStdlibModule('tomllib', '3.11'), true);
  assert.equal(isStdlibModule('zoneinfo', '3.8'), false);
  assert.equal(isStdlibModule('zoneinfo', '3.9'), true);
  assert.equal(isStdlibModule('annotationlib', '3.13'), false);
  assert.equal(isStdlibModule('annotationlib', '3.14'), true);
});

test('modules removed before the base version are still stdlib in older versions', () => {
  assert.equal(isStdlibModule('formatter', '3.9'), true);
  assert.equal(isStdlibModule('formatter', '3.10'), false);
  assert.equal(isStdlibModule('binhex', '3.10'), true);
  assert.deepEqual(removedStdlibModule('binhex', '3.11'), { removedIn: '3.11' });
});

test('without a version, anything stdlib in some version 3.8-3.14 counts', () => {
  for (const name of ['os', 'sys', 'distutils', 'telnetlib', 'tomllib', 'annotationlib', 'formatter', '__future__']) {
    assert.equal(isStdlibModule(name), true, name);
  }
  for (const name of ['numpy', 'yaml', 'requests', 'torch', '']) assert.equal(isStdlibModule(name), false, name);
  assert.equal(removedStdlibModule('distutils', undefined), null);
});

test('a dotted name is judged by its top-level package', () => {
  assert.equal(isStdlibModule('os.path', '3.11'), true);
  assert.equal(isStdlibModule('xml.etree.ElementTree'), true);
  assert.equal(isStdlibModule('google.protobuf'), false);
});

test('version strings clamp to the bundled range; non-3 versions mean unknown', () => {
  assert.equal(stdlibVersionOf('3.11.7'), '3.11');
  assert.equal(stdlibVersionOf('3.13.0rc1'), '3.13');
  assert.equal(stdlibVersionOf('3.6'), '3.8');
  assert.equal(stdlibVersionOf('3.20'), '3.14');
  assert.equal(stdlibVersionOf('2.7'), null);
  assert.equal(stdlibVersionOf('latest'), null);
  assert.equal(isStdlibModule('distutils', '3.20'), false);
  assert.deepEqual(removedStdlibModule('imp', '3.20'), { removedIn: '3.12' });
});

test('the generated lists are sorted, unique and cover every version', () => {
  assert.deepEqual([...STDLIB_VERSIONS], ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14']);
  for (const v of STDLIB_VERSIONS) {
    const list = STDLIB_MODULES[v];
    assert.ok(list.length > 250, `${v} has ${list.length} modules`);
    assert.deepEqual([...list], [...new Set(list)].sort(byString), `${v} sorted and unique`);
  }
});
