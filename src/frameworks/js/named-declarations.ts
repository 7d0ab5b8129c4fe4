/**
 * A program that reads declaration files as data, by their names: the TypeScript compiler keeps
 * its standard library as `lib.es5.d.ts`, `lib.dom.d.ts`, … beside `typescript.js` and `tsc.js`,
 * and loads each by a name from a literal table (`["es5", "lib.es5.d.ts"]` in its `libMap`)
 * joined onto its own folder (`getDirectoryPath(sys.getExecutingFilePath())`, the module's
 * `__filename`). No module imports those files and none of them types a module beside it, so they
 * looked dead.
 *
 * A declaration file with no code twin beside it (declaration-twins.ts covers `x.d.ts` next to
 * `x.js`) is a reference from each code module in its folder that spells its exact file name as a
 * string literal (`"lib.es5.d.ts"`, `'lib.dom.d.ts'`) and spells its own location (`__dirname`,
 * `__filename`, `import.meta.url`, `import.meta.dirname`): the module finds the file by that name
 * beside itself. The line of the literal is the evidence. Only the folders that hold such a
 * declaration are read, and only the code files there whose text names `.d.ts`. A module over
 * --max-file-size (typescript.js is 9 MB), whose text is not read here, gives the names the
 * large-file scan kept (FileFacts.declarationNames; languages/javascript/declaration-names.ts owns
 * the patterns for both).
 */
import { pathsInDir, pathsNamedLike } from '../../util/file-index.js';
import { lineStarts, lineOfOffset } from '../../util/lines.js';
import { basename, dirname } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { fileReference } from './support.js';
import { DECLARATION, DECLARATION_EXTENSIONS, twinOf } from './declaration-twins.js';
import { declarationNamesIn } from '../../languages/javascript/declaration-names.js';

const CODE = /\.[cm]?[jt]sx?$/;

interface NamedDeclaration {
  from: string;
  target: string;
  line: number;
  literal: string;
}

/** Each declaration without a twin named by a module beside it (once per scan: enabledBy and collect both ask). */
const namedDeclarations = perScan((ctx: FrameworkContext): NamedDeclaration[] => {
  // Folders holding a declaration that types no code beside it.
  const folders = new Set<string>();
  for (const f of pathsNamedLike(ctx.files, DECLARATION_EXTENSIONS, 'sorted')) {
    if (!DECLARATION.test(f) || f.includes('node_modules/')) continue;
    if (!ctx.files.has(twinOf(f))) folders.add(dirname(f));
  }
  const out: NamedDeclaration[] = [];
  for (const folder of folders) {
    const files = pathsInDir(ctx.files, folder);
    const names = new Map<string, string>();
    for (const f of files) if (DECLARATION.test(f) && !ctx.files.has(twinOf(f))) names.set(basename(f), f);
    for (const file of files) {
      if (!CODE.test(file) || DECLARATION.test(file)) continue;
      const text = ctx.readText(file);
      if (text === null) {
        // A module over --max-file-size (typescript.js, 9 MB) is not read here: the large-file scan kept its names.
        for (const d of ctx.facts(file)?.declarationNames ?? []) {
          const target = names.get(d.literal.slice(1, -1));
          if (target !== undefined) out.push({ from: file, target, line: d.line, literal: d.literal });
        }
        continue;
      }
      let starts: number[] | null = null;
      for (const d of declarationNamesIn(text)) {
        const target = names.get(d.name);
        if (target === undefined) continue;
        starts ??= lineStarts(text);
        out.push({ from: file, target, line: lineOfOffset(starts, d.offset), literal: d.literal });
      }
    }
  }
  return out;
});

const namedDeclarationsReader: FrameworkReader = {
  id: 'named-declarations',
  title: 'Declaration files a module beside them reads by name (TypeScript\'s lib.*.d.ts)',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = namedDeclarations(ctx)[0];
    return first ? `${first.from}:${first.line} names ${first.literal}` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const n of namedDeclarations(ctx)) {
      out.references.push(fileReference(n.from, n.target, n.line, `read by name by ${n.from}:${n.line} (${n.literal}), a module that finds it beside itself`));
    }
    return out;
  },
};

export default namedDeclarationsReader;
