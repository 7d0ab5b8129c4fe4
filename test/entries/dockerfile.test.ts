import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDockerfile } from '../../src/entries/dockerfile.js';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('dockerfile');

for (const c of detectorCases(detector)) test(`dockerfile: ${c.name}`, c.check);

test('dockerfile: the file names Docker and Podman build', () => {
  for (const name of ['Dockerfile', 'web/Dockerfile.prod', 'deploy/api.Dockerfile', 'Containerfile', 'x/worker.dockerfile']) assert.ok(isDockerfile(name), name);
  for (const name of ['Dockerfile.md', 'roles/db/Dockerfile.j2', 'docs/dockerfile-guide.txt', 'dockerfiles/README']) assert.ok(!isDockerfile(name), name);
});
