/**
 * Commander's stand-alone subcommands are spawned by file name, never imported: a `.command(name,
 * description)` whose second argument is a description string (commander's README, "Stand-alone
 * executable (sub)commands") makes `prog name` run `<prog>-<name>` from the folder of the script,
 * trying the extensions `.js`, `.ts`, `.tsx`, `.mjs` and `.cjs` (commander lib/command.js
 * `_executeSubCommand`), or the file `{ executableFile: 'x' }` names. electron-forge's
 * src/electron-forge.ts:28 declares `.command('init', 'Initialize a new Electron application.')`,
 * and commander spawns electron-forge-init beside it: the six subcommand files looked manual.
 *
 * Read, when a package of the scan depends on commander: in a JS/TS file that imports `commander`, each `.command('<name> [args]', '<description>'`
 * (the name the string's first word; a template or computed string is not read) names
 * `<program>-<name>` in the file's folder, the program's name being a literal `.name('x')` or
 * `new Command('x')` in the file, then (commander's legacyName) the file's own base name; an
 * `executableFile: '<path>'` in the call names that path instead. Each such file that is there is a
 * reference from the program file, with the call's line. `.executableDir(…)` moves the search to
 * another folder: a file that calls it is not read (a guess would be wrong). A `.command('x')`
 * without a description is an action subcommand in the same file, which spawns nothing.
 */
import { lineAt } from '../../util/lines.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader, type ReferenceInput } from '../types.js';
import { blankedText } from './blanked-texts.js';
import { dependsOn, jsCodeFiles, jsPackages } from './support.js';

/** `.command('name …', 'description'`: a literal name and a literal second argument, the description. */
const STANDALONE = /\.\s*command\s*\(\s*(["'])([^"'\n]+)\1\s*,\s*(["'`])/g;
const PROGRAM_NAME = /\.\s*name\s*\(\s*(["'])([\w@.-]+)\1\s*\)/;
/** `new Command('forge')`: the constructor's argument names the program as `.name('forge')` does. */
const CONSTRUCTED_NAME = /\bnew\s+(?:commander\s*\.\s*)?Command\s*\(\s*(["'])([\w@.-]+)\1\s*\)/;
const EXECUTABLE_FILE = /^\s*(?:(["'`])(?:(?!\1)[^\n])*\1|[^,()]*?)\s*,\s*\{[^{}]*?\bexecutableFile\s*:\s*(["'])([^"'\n]+)\2/;
const EXTENSIONS = ['.js', '.ts', '.tsx', '.mjs', '.cjs'];
const NAME = /^[\w@.:-]+$/;

const importsCommander = (ctx: FrameworkContext, file: string): boolean =>
  ctx.facts(file)?.imports?.some((i) => i.specifier === 'commander' || i.specifier.startsWith('commander/')) ?? false;

const subcommandFiles = perScan((ctx: FrameworkContext): ReferenceInput[] => {
  const out: ReferenceInput[] = [];
  // Cheap gate: a package of the scan declares commander (payload, with none, walked every file's imports: 11 ms).
  if (!jsPackages(ctx).some((p) => dependsOn(p, 'commander'))) return out;
  for (const file of jsCodeFiles(ctx)) {
    if (!importsCommander(ctx, file)) continue;
    const written = ctx.readText(file);
    if (written === null || !written.includes('command')) continue;
    const text = blankedText(ctx, file, written);
    // A search folder of the program's choosing: not followed.
    if (/\.\s*executableDir\s*\(/.test(text)) continue;
    // Commander looks for `<name>-<sub>` under the program's name, then under the script's own base
    // name (lib/command.js `_executeSubCommand`, its legacyName): both are tried, the name first.
    const own = basename(file).replace(/\.[^.]+$/, '');
    const named = PROGRAM_NAME.exec(text)?.[2] ?? CONSTRUCTED_NAME.exec(text)?.[2];
    const programs = named === undefined || named === own ? [own] : [named, own];
    const dir = dirname(file);
    for (const m of text.matchAll(STANDALONE)) {
      const sub = m[2].trim().split(/\s+/)[0];
      if (!NAME.test(sub)) continue;
      const at = m.index ?? 0;
      const line = lineAt(text, at);
      const call = `.command('${m[2]}', …)`;
      // The rest of the call after its name: an executableFile option names the file itself.
      const rest = text.slice(at + m[0].length - 1, at + m[0].length + 600);
      const given = EXECUTABLE_FILE.exec(rest)?.[3];
      let found: { target: string; program: string } | undefined;
      for (const program of given === undefined ? programs : [programs[0]]) {
        const stem = given === undefined ? `${program}-${sub}` : given.replace(/^\.\//, '');
        const base = joinRepo(dir, stem);
        if (base === null) continue;
        const candidates = /\.[cm]?[jt]sx?$/.test(stem) ? [base] : EXTENSIONS.map((ext) => `${base}${ext}`);
        const target = candidates.find((c) => ctx.files.has(c) && c !== file);
        if (target !== undefined) {
          found = { target, program };
          break;
        }
      }
      if (found === undefined) continue;
      const { target, program } = found;
      const how = given === undefined ? `${program}-${sub} beside it${program === programs[0] ? '' : " (the script's own name)"}` : `the executableFile ${given}`;
      out.push({ from: file, target, targetKind: 'file', line, label: `${file}:${line}, whose ${call} is a commander stand-alone subcommand: \`${programs[0]} ${sub}\` spawns ${how}` });
    }
  }
  return out;
});

const commanderSubcommands: FrameworkReader = {
  id: 'commander-subcommands',
  title: "commander's stand-alone subcommands (.command(name, description) spawns <program>-<name> beside the script)",
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    const first = subcommandFiles(ctx)[0];
    return first ? `${first.from}:${first.line} declares a commander stand-alone subcommand (${first.target})` : null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    out.references.push(...subcommandFiles(ctx));
    return out;
  },
};

export default commanderSubcommands;
