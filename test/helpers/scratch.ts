/**
 * Temp folders for tests, removed when the test process exits: each test file runs in its own
 * process, and a folder left behind by every run of the suite fills /tmp on a developer's machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
let hooked = false;

const removeAll = (): void => {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder a test made read-only, or one a child still holds: leaving it is harmless.
    }
  }
};

/** A new empty folder under the OS temp folder, named `<prefix>XXXXXX`. */
export const scratchDir = (prefix: string): string => {
  if (!hooked) {
    process.once('exit', removeAll);
    hooked = true;
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
