/**
 * Makefiles: every recipe line of an explicit target is a tooling command run from the
 * Makefile's folder. The command analyser's `make target` lands on the same parsed recipes.
 */
import { MAKEFILE } from '../manifests/makefile.js';
import { basename, dirname } from '../util/path.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

export const isMakefile = (path: string): boolean => /^(GNUmakefile|[Mm]akefile)$/.test(basename(path)) || /\.mk$/.test(path);

const makefile: EntryDetector = {
  id: 'makefile',
  title: 'Makefile recipes',
  matches: isMakefile,
  detect: (file, ctx) => {
    const out = emptyOutput();
    const seen = new Set<string>();
    for (const [target, { recipe, lines }] of ctx.manifests.get(file.path, MAKEFILE) ?? []) {
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
