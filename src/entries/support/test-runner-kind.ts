/**
 * Whether a task runner's command runs the tests: tox, nox and the like run linters, docs builds
 * and tests alike, and only a command that starts a test runner makes what it reaches a test.
 */
import type { EntryKind } from '../../model/verdict.js';

const TEST_RUNNER = /(^|[\s;&|(])(?:pytest|py\.test|nosetests|nose2|stestr|trial|(?:python[\d.]*|coverage\s+run)\s+(?:-\w+\s+)*-m\s+(?:pytest|unittest|nose)|coverage\s+run\b)/;

export const testOrTooling = (command: string): EntryKind => (TEST_RUNNER.test(command) ? 'test' : 'tooling');
