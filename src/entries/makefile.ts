/**
 * Makefiles: every recipe line of an explicit target is a tooling command run from the
 * Makefile's folder. The command analyser's `make target` lands on the same parsed recipes. A
 * makefile another one includes (`include build/rules.make`) is read too, its recipes run from
 * the including Makefile's folder, when its name does not already make it a Makefile.
 */
import { MAKEFILE, MAKEFILE_INCLUDES } from '../manifests/makefile.js';
import { basename, dirname, joinRepo } from '../util/path.js';
import { addCommand } from './support/inputs.js';
import { emptyOutput, type EntryDetector } from './types.js';

export const isMakefile = (path: string): boolean => /^(GNUmakefile|[Mm]akefile)$/.test(basename(path)) || /\.mk$/.test(path);

const makefile: EntryDetector = {
  id: 'makefile',
  title: 'Makefile recipes',
  matches: isMakefile,
  candidates: { names: ['GNUmakefile', 'Makefile', 'makefile'], extensions: ['mk'] },
  detect: (file, ctx) => {
    const out = emptyOutput();
    const seen = new Set<string>();
    const read = (path: string, include?: { line: number }) => {
      for (const [target, { recipe, lines }] of ctx.manifests.get(path, MAKEFILE) ?? []) {
        recipe.forEach((command, i) => {
          const key = `${path}\u0000${lines[i]}\u0000${command}`;
          if (seen.has(key)) return;
          seen.add(key);
          // Lines are this file's: an included recipe is placed at the include line, its own line in the evidence.
          const evidence = include ? `${path}:${lines[i]} target "${target}", included by ${file.path}:${include.line}` : `${file.path} target "${target}"`;
          addCommand(out, command, { cwd: dirname(file.path), kind: 'tooling', evidence, line: include ? include.line : lines[i] });
        });
      }
    };
    read(file.path);
    for (const include of ctx.manifests.get(file.path, MAKEFILE_INCLUDES) ?? []) {
      for (const p of include.paths) {
        const path = joinRepo(dirname(file.path), p);
        if (path !== null && ctx.files.has(path) && !isMakefile(path)) read(path, include);
      }
    }
    return out;
  },
};

export default makefile;
