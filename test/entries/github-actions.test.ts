import { test } from 'node:test';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('github-actions');

for (const c of detectorCases(detector)) test(`github-actions: ${c.name}`, c.check);
