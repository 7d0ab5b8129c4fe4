import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripExecPrefixes } from '../../src/entries/systemd.js';
import { detectorById, detectorCases } from '../helpers/run-detector.js';

const detector = detectorById('systemd');

for (const c of detectorCases(detector)) test(`systemd: ${c.name}`, c.check);

test('systemd: Exec prefixes are stripped, and with @ the argv[0] word is dropped', () => {
  assert.equal(stripExecPrefixes('-/usr/bin/python3 x.py'), '/usr/bin/python3 x.py');
  assert.equal(stripExecPrefixes('+!/bin/run a'), '/bin/run a');
  assert.equal(stripExecPrefixes('@/usr/bin/tool tool-name --flag'), '/usr/bin/tool --flag');
  assert.equal(stripExecPrefixes('/bin/plain'), '/bin/plain');
});
