/**
 * AWS CDK's cdk.json: `app` is the command `cdk synth` / `cdk deploy` runs to build the stacks
 * (`npx ts-node --prefer-ts-exts bin/app.ts`), from the file's folder. It runs on the deployer's
 * machine or in CI, not in the deployed system: tooling.
 */
import { warning } from '../util/diagnostics.js';
import { parseJsonc } from '../util/jsonc.js';
import { dirname } from '../util/path.js';
import { splitLines } from '../util/lines.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

const awsCdk: EntryDetector = {
  id: 'aws-cdk',
  title: 'AWS CDK cdk.json (the app command cdk synth/deploy runs)',
  matches: (path, name) => name === 'cdk.json',
  candidates: { names: ['cdk.json'] },
  detect: (file) => {
    const out = emptyOutput();
    const parsed = parseJsonc(file.text);
    if (!('value' in parsed)) {
      out.diagnostics.push(warning('aws-cdk/invalid', `not valid JSON: ${parsed.error}`, file.path, parsed.line));
      return out;
    }
    const doc = parsed.value;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return out;
    const app = (doc as Record<string, unknown>).app;
    if (typeof app !== 'string') return out;
    const i = splitLines(file.text).findIndex((l) => /"app"\s*:/.test(l));
    addCommand(out, app, { cwd: dirname(file.path), kind: 'tooling', evidence: `${file.path} app (run by cdk synth/deploy)`, ...(i >= 0 ? { line: i + 1 } : {}) });
    return out;
  },
};

export default awsCdk;
