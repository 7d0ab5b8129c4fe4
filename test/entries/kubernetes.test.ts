import { test } from 'node:test';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('kubernetes');

for (const c of detectorCases(detector)) test(`kubernetes: ${c.name}`, c.check);
