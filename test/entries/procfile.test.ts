import { test } from 'node:test';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('procfile');

for (const c of detectorCases(detector)) test(`procfile: ${c.name}`, c.check);
