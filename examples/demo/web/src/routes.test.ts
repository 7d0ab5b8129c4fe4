import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatWeek } from './lib/format.js';

test('formats a week page', () => {
  assert.match(formatWeek('/42'), /42/);
});
