import { test } from 'node:test';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('setup-cfg');

for (const c of detectorCases(detector)) test(`setup-cfg: ${c.name}`, c.check);
