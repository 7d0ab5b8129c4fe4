import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('tests');

for (const c of detectorCases(detector)) test(`tests: ${c.name}`, c.check);

