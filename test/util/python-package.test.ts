/** The package note joins a closing parenthetical, never a call's parentheses (python-package.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPackageInit, withPackageNote } from '../../src/util/python-package.js';

test('python package: the note goes inside a closing parenthetical, after a call or plain text as one of its own', () => {
  assert.equal(withPackageNote('x is named in a.py:1 (as y)'), 'x is named in a.py:1 (as y; Python runs a package before its modules)');
  assert.equal(withPackageNote('x is named by main()'), 'x is named by main() (Python runs a package before its modules)');
  assert.equal(withPackageNote('x is named in a.py:1'), 'x is named in a.py:1 (Python runs a package before its modules)');
  assert.equal(withPackageNote('x is named in a.py:1 (by f(y))'), 'x is named in a.py:1 (by f(y); Python runs a package before its modules)');
  assert.ok(isPackageInit('__init__.py') && isPackageInit('a/__init__.py') && !isPackageInit('a/__main__.py') && !isPackageInit('a/x__init__.py'));
});
