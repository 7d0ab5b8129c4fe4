import { test } from 'node:test';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('gitlab-ci');

for (const c of detectorCases(detector)) test(`gitlab-ci: ${c.name}`, c.check);
