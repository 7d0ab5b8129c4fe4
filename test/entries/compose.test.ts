import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isComposeFile } from '../../src/manifests/compose.js';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('compose');

for (const c of detectorCases(detector)) test(`compose: ${c.name}`, c.check);

test('compose: the file names docker compose reads', () => {
  for (const name of ['docker-compose.yml', 'deploy/docker-compose.prod.yaml', 'compose.yaml', 'compose.override.yml', 'docker-compose-dev.yml']) assert.ok(isComposeFile(name), name);
  for (const name of ['composer.yml', 'k8s/compose-job.json', 'docker-compose.md']) assert.ok(!isComposeFile(name), name);
});
