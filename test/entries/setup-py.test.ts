import { test } from 'node:test';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('setup-py');

for (const c of detectorCases(detector)) test(`setup-py: ${c.name}`, c.check);
