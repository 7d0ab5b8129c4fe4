/**
 * Heroku's app.json: `scripts.postdeploy` and `scripts.pr-predestroy` run in the deployed app
 * (production); `environments.test.scripts.test` is the CI test command (test). The processes
 * themselves are the Procfile's.
 */
import { parseJsonDocument, isRecord } from '../manifests/json.js';
import { dirname } from '../util/path.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

const appJson: EntryDetector = {
  id: 'app-json',
  title: 'Heroku app.json (postdeploy, pr-predestroy, test scripts)',
  matches: (path, name) => name === 'app.json',
  candidates: { names: ['app.json'] },
  detect: (file) => {
    const out = emptyOutput();
    const parsed = parseJsonDocument(file.text, file.path);
    if ('diagnostic' in parsed) {
      out.diagnostics.push(parsed.diagnostic);
      return out;
    }
    const { value, lineOf } = parsed.doc;
    if (!isRecord(value)) return out;
    const cwd = dirname(file.path);
    // Only Heroku's shape: an app.json of another tool has none of these keys.
    if (isRecord(value.scripts)) {
      for (const key of ['postdeploy', 'pr-predestroy']) {
        const command = value.scripts[key];
        if (typeof command === 'string') addCommand(out, command, { cwd, kind: 'production', evidence: `Heroku ${file.path} ${key}`, line: lineOf(['scripts', key]) });
      }
    }
    const test = isRecord(value.environments) && isRecord(value.environments.test) && isRecord(value.environments.test.scripts) ? value.environments.test.scripts.test : undefined;
    if (typeof test === 'string') addCommand(out, test, { cwd, kind: 'test', evidence: `Heroku ${file.path} test`, line: lineOf(['environments', 'test', 'scripts', 'test']) });
    return out;
  },
};

export default appJson;
