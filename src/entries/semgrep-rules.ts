/**
 * Semgrep rule tests: `semgrep --test` pairs each rule file `x.yaml` with the target files of the
 * same stem beside it (`x.py`, `x.ts`, and `x.fixed.py` for an autofix), which hold annotated
 * examples the rule must match. Those targets are test fixtures of the rule, run by semgrep,
 * never imported: test roots.
 */
import { pathsInDir } from '../util/file-index.js';
import { basename, dirname } from '../util/path.js';
import { fileEntry } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

const RULE_FILE = /\.ya?ml$/;
/** A semgrep rule file: a top-level `rules:` list whose items have an id and a pattern or a language list. */
const isRuleText = (text: string): boolean => /^rules:\s*$/m.test(text) && /^\s*-?\s*id:/m.test(text) && /^\s*(pattern\w*|languages):/m.test(text);

const semgrepRules: EntryDetector = {
  id: 'semgrep-rules',
  title: 'semgrep rule test targets',
  matches: (path) => RULE_FILE.test(path) && /(^|\/)\.?semgrep(-rules)?\//.test(path),
  candidates: { extensions: ['yml', 'yaml'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    if (!isRuleText(file.text)) return out;
    const dir = dirname(file.path);
    const stem = basename(file.path).replace(RULE_FILE, '');
    const prefix = dir === '' ? stem : `${dir}/${stem}`;
    // The rule's folder only, not every repo file per rule file.
    const targets = pathsInDir(ctx.files, dir).filter((f) => f.startsWith(`${prefix}.`) && !RULE_FILE.test(f) && !f.slice(prefix.length + 1).includes('/')).sort();
    for (const target of targets) out.entries.push(fileEntry(target, 'test', `semgrep rule ${file.path}: its test target (semgrep --test)`));
    return out;
  },
};

export default semgrepRules;
