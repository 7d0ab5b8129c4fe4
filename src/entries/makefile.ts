/**
 * Makefiles: every recipe line of an explicit target is a tooling command run from the
 * Makefile's folder. `readMakeTargets` lets the command analyser's `make target` land on a recipe.
 */
import { warning } from '../util/diagnostics.js';
import { basename, dirname } from '../util/path.js';
import { addCommand } from './support/inputs.js';
import { makeTargets, parseMakefile, type MakeTarget } from './support/make-rules.js';
import { emptyOutput, type EntryDetector } from './types.js';

/** Target → its rule's line and expanded recipe lines. */
export const readMakeTargets = (text: string): Map<string, MakeTarget> => makeTargets(text);

export const isMakefile = (path: string): boolean => /^(GNUmakefile|[Mm]akefile)$/.test(basename(path)) || /\.mk$/.test(path);

const makefile: EntryDetector = {
  id: 'makefile',
  title: 'Makefile recipes',
  matches: isMakefile,
  detect: (file) => {
    const out = emptyOutput();
    for (const p of parseMakefile(file.text).problems) out.diagnostics.push(warning('makefile/bad-line', `malformed Makefile: ${p.message}`, file.path, p.line));
    const seen = new Set<string>();
    for (const [target, { recipe, lines }] of readMakeTargets(file.text)) {
      recipe.forEach((command, i) => {
        const key = `${lines[i]}\u0000${command}`;
        if (seen.has(key)) return;
        seen.add(key);
        addCommand(out, command, { cwd: dirname(file.path), kind: 'tooling', evidence: `${file.path} target "${target}"`, line: lines[i] });
      });
    }
    return out;
  },
};

export default makefile;
