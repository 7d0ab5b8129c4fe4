/**
 * nox sessions (noxfile.py): each `session.run("pytest", "tests", …)` (and `run_always`) with
 * literal arguments is a command run from the noxfile's folder (`session.chdir("x")` is not
 * followed). A session that runs a test runner is a test command, any other tooling. Arguments
 * after the first computed one (`*session.posargs`) are left out; a call whose program itself is
 * computed is a warning naming the line.
 */
import { warning } from '../util/diagnostics.js';
import { dirname } from '../util/path.js';
import { lineOfOffset, lineStarts } from '../util/lines.js';
import { addCommand } from './support/inputs.js';
import { joinWords, literalCalls } from './support/python-calls.js';
import { testOrTooling } from './support/test-runner-kind.js';
import { emptyOutput, type EntryDetector } from './types.js';

const noxfile: EntryDetector = {
  id: 'noxfile',
  title: 'nox sessions (noxfile.py session.run)',
  matches: (path, name) => name === 'noxfile.py',
  candidates: { names: ['noxfile.py'] },
  detect: (file) => {
    const out = emptyOutput();
    const starts = lineStarts(file.text);
    for (const call of literalCalls(file.text, /\b\w+\.run(?:_always|_install)?/)) {
      const line = lineOfOffset(starts, call.offset);
      if (call.words.length === 0) {
        if (call.computed) out.diagnostics.push(warning('noxfile/computed-command', 'session.run with a computed program: census cannot tell what it runs', file.path, line));
        continue;
      }
      const command = joinWords(call.words);
      addCommand(out, command, { cwd: dirname(file.path), kind: testOrTooling(command), evidence: `nox ${file.path} session.run`, line });
    }
    return out;
  },
};

export default noxfile;
