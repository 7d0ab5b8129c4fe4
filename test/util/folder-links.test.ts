/** Paths through the folder links discovery records: the link's part is replaced by where it leads. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { throughFolderLinks as through } from '../../src/util/folder-links.js';

const throughFolderLinks = (links: ReadonlyMap<string, string> | undefined, path: string): string => through(links, path).path;

test('folder links: a path below a link is the same path below its target; others are themselves', () => {
  const links = new Map([
    ['pkg/static', 'share/pkg/static'],
    ['share/pkg/static/vendor', 'share/js/vendor'],
  ]);
  assert.equal(throughFolderLinks(links, 'pkg/static'), 'share/pkg/static');
  assert.equal(throughFolderLinks(links, 'pkg/static/js/x.js'), 'share/pkg/static/js/x.js');
  assert.equal(throughFolderLinks(links, 'pkg/static/vendor/jq.js'), 'share/js/vendor/jq.js', 'a link inside the target is followed too');
  assert.equal(throughFolderLinks(links, 'pkg/staticx/x.js'), 'pkg/staticx/x.js', 'a name that only begins like a link is not it');
  assert.equal(throughFolderLinks(links, 'other/x.js'), 'other/x.js');
  assert.equal(throughFolderLinks(undefined, 'pkg/static/x.js'), 'pkg/static/x.js');
  assert.deepEqual(through(links, 'pkg/static/vendor/jq.js').hops, [
    { link: 'pkg/static', target: 'share/pkg/static' },
    { link: 'share/pkg/static/vendor', target: 'share/js/vendor' },
  ]);
  assert.deepEqual(through(links, 'other/x.js').hops, []);
});

test('folder links: links leading into each other stop after a few hops', () => {
  const links = new Map([
    ['a', 'b'],
    ['b', 'a'],
  ]);
  const answer = throughFolderLinks(links, 'a/x.js');
  assert.ok(answer === 'a/x.js' || answer === 'b/x.js', answer);
});
