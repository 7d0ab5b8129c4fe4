import { test } from 'node:test';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('supervisord');

for (const c of detectorCases(detector)) test(`supervisord: ${c.name}`, c.check);
