/** The template-static reader on fixture repos: every source file's verdict and evidence chain. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFrameworkFixture, frameworkCases } from '../helpers/framework-fixture.js';
import { staticPrefixUses, staticTargets as targetsOf } from '../../src/frameworks/python/template-static.js';

const cases = frameworkCases('template-static');
test('template-static: has a basic fixture', () => assert.ok(cases.includes('template-static-basic')));
for (const name of cases) test(`template-static: ${name}`, () => checkFrameworkFixture(name));

test('template-static: a name is a script under a static root, else under its theme', () => {
  const files = new Set(['a/static/js/x.js', 'b/static/js/x.js', 's/static/themes/simple/js/t.js', 's/static/js/y.css']);
  const staticTargets = (f: ReadonlySet<string>, roots: string[], name: string, theme: string | null, links?: ReadonlyMap<string, string>): string[] => targetsOf(f, roots, name, theme, links).map((t) => t.target);
  assert.deepEqual(staticTargets(files, ['a/static', 'b/static'], 'js/x.js', null), ['a/static/js/x.js', 'b/static/js/x.js']);
  assert.deepEqual(staticTargets(files, ['a/static'], '/js/x.js', 'simple'), ['a/static/js/x.js']);
  assert.deepEqual(staticTargets(files, ['s/static'], 'js/t.js', 'simple'), ['s/static/themes/simple/js/t.js']);
  assert.deepEqual(staticTargets(files, ['s/static'], 'js/t.js', null), []);
  assert.deepEqual(staticTargets(files, ['s/static'], 'js/y.css', null), []);
  // Through folder links: the root itself, and a link below it (share/a/static/vendor → share/js).
  const linked = new Set(['share/a/static/js/x.js', 'share/js/jq.js']);
  const links = new Map([['a/static', 'share/a/static'], ['share/a/static/vendor', 'share/js']]);
  assert.deepEqual(staticTargets(linked, ['a/static'], 'js/x.js', null, links), ['share/a/static/js/x.js']);
  assert.deepEqual(targetsOf(linked, ['a/static'], 'vendor/jq.js', null, links), [{ target: 'share/js/jq.js', hops: [{ link: 'a/static', target: 'share/a/static' }, { link: 'share/a/static/vendor', target: 'share/js' }] }]);
  assert.deepEqual(staticTargets(linked, ['a/static'], 'vendor/jq.js', null), []);
});

test('template-static: a static prefix variable is one whose name says static, the name written after it', () => {
  const uses = (text: string) => staticPrefixUses(text).map((u) => [u.variable, u.name, u.written]);
  assert.deepEqual(uses('<script src="{{ static_url_path }}/js/send.js"></script>'), [['static_url_path', 'js/send.js', '/js/send.js']]);
  assert.deepEqual(uses('<script src="{{STATIC_URL}}horizon/js/h.js">'), [['STATIC_URL', 'horizon/js/h.js', 'horizon/js/h.js']]);
  assert.deepEqual(uses('<script src="{{ base_url }}/js/x.js"> {{ static_url("a.js") }}'), []);
});

test('template-static: a long identifier of repeated "static" after {{ is read in one pass', { timeout: 120_000 }, () => {
  const hostile = `{{ ${'static'.repeat(200_000)} x`.repeat(3);
  assert.deepEqual(staticPrefixUses(hostile), []);
});
