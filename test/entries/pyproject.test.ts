import { test } from 'node:test';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('pyproject');

for (const c of detectorCases(detector)) test(`pyproject: ${c.name}`, c.check);
