/**
 * invoke task files (tasks.py, or a tasks/ package, that import invoke): every `c.run("…")`
 * with a literal command line is a tooling command (a test one when it starts a test runner)
 * run from the file's folder. A computed command (an f-string, a variable) is a warning naming
 * the line. Fabric's `Connection.run` runs on another machine: a file that imports fabric is not read.
 */
import { warning } from '../util/diagnostics.js';
import { basename, dirname } from '../util/path.js';
import { lineOfOffset, lineStarts } from '../util/lines.js';
import { addCommand } from './support/inputs.js';
import { literalCalls } from './support/python-calls.js';
import { testOrTooling } from './support/test-runner-kind.js';
import { emptyOutput, type EntryDetector } from './types.js';

const invokeTasks: EntryDetector = {
  id: 'invoke-tasks',
  title: 'invoke tasks (tasks.py c.run)',
  matches: (path, name) => name === 'tasks.py' || /(^|\/)tasks\/[^/]+\.py$/.test(path),
  candidates: { extensions: ['py'] },
  detect: (file) => {
    const out = emptyOutput();
    const starts = lineStarts(file.text);
    if (!/^\s*(from\s+invoke\b|import\s+invoke\b)/m.test(file.text) || /^\s*(from\s+fabric\b|import\s+fabric\b)/m.test(file.text)) return out;
    // The project root is where `invoke` runs: the folder holding tasks.py or the tasks/ package.
    const cwd = basename(file.path) === 'tasks.py' ? dirname(file.path) : dirname(dirname(file.path));
    for (const call of literalCalls(file.text, /\b\w+\.run/)) {
      const line = lineOfOffset(starts, call.offset);
      if (call.words.length === 0) {
        if (call.computed) out.diagnostics.push(warning('invoke-tasks/computed-command', 'c.run with a computed command: census cannot tell what it runs', file.path, line));
        continue;
      }
      const command = call.words[0];
      addCommand(out, command, { cwd, kind: testOrTooling(command), evidence: `invoke ${file.path} c.run`, line });
    }
    return out;
  },
};

export default invokeTasks;
