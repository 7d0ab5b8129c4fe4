/** apache-wsgi: every fixture test/fixtures/entries/apache-wsgi-<case>/ against its expected.json. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import detector, { isApacheConfig, placeScript } from '../../src/entries/apache-wsgi.js';
import { detectorCases } from '../helpers/run-detector.js';

const cases = detectorCases(detector);

for (const c of cases) test(`${detector.id}: ${c.name}`, c.check);

test(`${detector.id}: has a basic fixture`, () => {
  assert.ok(cases.some((c) => c.name === `${detector.id}-basic`), `test/fixtures/entries/${detector.id}-basic/ is missing`);
});

test(`${detector.id}: Apache configs, but not example ones in documentation folders`, () => {
  for (const p of ['etc/apache2/sites-available/app.conf', 'usr/share/graphite-web/apache2-graphite.conf', 'deploy/httpd/app.conf']) assert.ok(isApacheConfig(p, p.split('/').pop()!), p);
  for (const p of ['docs/apache.conf', 'usr/share/doc/app/examples/apache.conf', 'examples/site.conf', 'etc/apache2/sites-available/app']) assert.ok(!isApacheConfig(p, p.split('/').pop()!), p);
});

test(`${detector.id}: a script path lies below the config's filesystem tree when the tree holds it, else where the deploy-folder rule puts it`, () => {
  const files = new Set(['pkg/usr/share/app/app.wsgi', 'web/app.wsgi', 'etc/apache2/sites-available/web.conf']);
  assert.equal(placeScript('pkg/usr/share/app/apache.conf', '/usr/share/app/app.wsgi', files), 'pkg/usr/share/app/app.wsgi');
  assert.equal(placeScript('etc/apache2/sites-available/web.conf', '/srv/web/app.wsgi', files), 'web/app.wsgi');
  assert.equal(placeScript('conf/apache.conf', '/srv/web/app.wsgi', files), 'web/app.wsgi');
  assert.equal(placeScript('web/apache/site.conf', '/path/to/project/app.wsgi', new Set(['web/apache/app.wsgi'])), 'web/apache/app.wsgi');
  // No place holds it: the tree's place is named, so the entry says what it did not find.
  assert.equal(placeScript('etc/apache2/x.conf', '/var/www/missing.wsgi', files), 'var/www/missing.wsgi');
});
