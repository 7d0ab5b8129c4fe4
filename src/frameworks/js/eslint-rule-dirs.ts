/**
 * Stop 65: folders of ESLint rules, each file of which ESLint loads though nothing imports it.
 * ESLint's legacy engine (CLIEngine, the ESLint class's `rulePaths`, `eslint --rulesdir DIR`) hands
 * each folder to lib/cli-engine/load-rules.js, which lists it (`fs.readdirSync`, no subfolders) and
 * requires every file whose extension is `.js`. eslint-plugin-rulesdir does the same for the folder
 * (or folders) a config sets on it (`rulesDirPlugin.RULES_DIR = 'lib/rules'`), resolved from where
 * ESLint runs, taking `.js`, `.cjs`, `.mjs`, `.ts`, `.cts` and `.mts` (its newer versions; the older
 * `.js` only). Read statically:
 *
 * - `rulePaths: [ … ]` in a code file, each element a folder folder-expr.ts settles (`__dirname`,
 *   a join onto it, a name holding one: gatsby's dist/utils/eslint-config.js:7-10 hands
 *   `path.resolve(`${__dirname}/eslint-rules`)` to eslint-webpack-plugin); a plain string is relative
 *   to a working folder census cannot know and is not followed;
 * - `--rulesdir DIR` (or `--rulesdir=DIR`) on a command line that runs eslint, from the folder it
 *   runs in;
 * - `X.RULES_DIR = …` in an ESLint config (.eslintrc.js/.cjs, eslint.config.*) that requires or
 *   imports `eslint-plugin-rulesdir`: a string (or an array of them) from the config's package folder,
 *   where ESLint runs, or a folder folder-expr.ts settles.
 *
 * Each rule file directly in the folder (tests and declarations left out) is a reference from the file
 * that names the folder, with that line; for a command line, a root with the kind of the command.
 */
import { pathsInDir } from '../../util/file-index.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import { lineAt } from '../../util/lines.js';
import { explainedFolderOf, splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import { asSource } from '../../languages/javascript/compiled-interop.js';
import { perScan } from '../per-scan.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkEntry, type FrameworkReader } from '../types.js';
import { blankedText } from './blanked-texts.js';
import { literalValue } from './parameter-values.js';
import { PATH_NAMES } from './anchored-paths.js';
import { codeFilesMarked, fileReference, optionValues, toolInvocations, type LabelledReference } from './support.js';

/** What load-rules.js requires from a rules folder. */
const ESLINT_RULE = /\.js$/;
/** What eslint-plugin-rulesdir imports from its folder. */
const RULESDIR_RULE = /\.[cm]?[jt]s$/;
/** Not a rule: a test beside the rules, a type declaration. */
const NOT_RULE = /\.(?:test|spec)\.[cm]?[jt]s$|\.d\.[cm]?ts$/;
const RULE_PATHS = /(?<![\w$.'"])rulePaths\s*:\s*\[/g;
const RULES_DIR = /(?<![\w$])[A-Za-z_$][\w$]*\s*\.\s*RULES_DIR\s*=(?![=>])\s*/g;
const ESLINT_CONFIG = /^(?:\.eslintrc\.c?js|eslint\.config\.[cm]?[jt]s)$/;

/** The rule files directly in `folder`. */
const rulesIn = (ctx: FrameworkContext, folder: string, rule: RegExp): string[] => pathsInDir(ctx.files, folder).filter((f) => rule.test(f) && !NOT_RULE.test(f));

/** The folder a value names from `file`: a folder expression, or (`base` given) a string from `base`. */
const folderNamed = (expr: string, file: string, text: string, base: string | null): string | null => {
  const literal = literalValue(expr);
  if (literal !== null) return base === null || literal.startsWith('/') ? null : joinRepo(base, literal.replace(/\/+$/, ''));
  return explainedFolderOf(expr, file, text)?.folder ?? null;
};

const ruleFolderLoads = perScan((ctx: FrameworkContext): LabelledReference[] => {
  const out: LabelledReference[] = [];
  const push = (from: string, line: number, folder: string, rule: RegExp, how: string) => {
    for (const target of rulesIn(ctx, folder, rule)) if (target !== from) out.push({ from, target, line, label: `${from}:${line} ${how}, and ESLint loads every rule file of ${folder || '.'}/` });
  };
  for (const file of codeFilesMarked(ctx, ['dirname'])) {
    const written = ctx.readText(file) ?? '';
    if (!written.includes('rulePaths')) continue;
    const text = asSource(blankedText(ctx, file, written), PATH_NAMES);
    for (const m of text.matchAll(RULE_PATHS)) {
      const list = balancedText(text, (m.index ?? 0) + m[0].length - 1, 2000);
      if (list === null) continue;
      const line = lineAt(text, m.index ?? 0);
      for (const item of splitArgs(list.slice(1, -1))) {
        const folder = item.trim() === '' ? null : folderNamed(item.trim(), file, text, null);
        if (folder !== null) push(file, line, folder, ESLINT_RULE, `hands ESLint rulePaths: [${item.trim()}]`);
      }
    }
  }
  for (const file of [...ctx.files].filter((f) => f.includes('eslint') && ESLINT_CONFIG.test(basename(f)) && !f.includes('node_modules/')).sort()) {
    const written = ctx.readText(file) ?? '';
    if (!written.includes('RULES_DIR') || !written.includes('eslint-plugin-rulesdir')) continue;
    const text = asSource(blankedText(ctx, file, written), PATH_NAMES);
    const manifest = ctx.manifests.nearest(dirname(file), 'package.json');
    const base = manifest === null ? dirname(file) : dirname(manifest);
    for (const m of text.matchAll(RULES_DIR)) {
      const start = (m.index ?? 0) + m[0].length;
      const list = text[start] === '[' ? balancedText(text, start, 2000) : null;
      const items = list === null ? [text.slice(start).split(/[;\n]/)[0]] : splitArgs(list.slice(1, -1));
      const line = lineAt(text, m.index ?? 0);
      for (const item of items) {
        const folder = item.trim() === '' ? null : folderNamed(item.trim(), file, text, base);
        if (folder !== null) push(file, line, folder, RULESDIR_RULE, `sets eslint-plugin-rulesdir's RULES_DIR to ${item.trim()}`);
      }
    }
  }
  return out;
});

/** `eslint --rulesdir DIR` on the command lines: each rule file of DIR a root with the kind of the command. */
const commandRuleFiles = perScan((ctx: FrameworkContext): FrameworkEntry[] => {
  const out: FrameworkEntry[] = [];
  // The eslint calls are walked only when some command line spells the option (a call through `npm run` is in its script's line).
  if (!ctx.commands.some((c) => c.command.includes('--rulesdir'))) return out;
  for (const r of toolInvocations(ctx, ['eslint'])) {
    for (const dir of optionValues(r.args, ['--rulesdir'])) {
      const folder = dir.startsWith('/') ? null : joinRepo(r.cwd, dir.replace(/\/+$/, ''));
      if (folder === null) continue;
      for (const target of rulesIn(ctx, folder, ESLINT_RULE)) out.push({ source: r.source, target, targetKind: 'file', kind: r.kind, evidence: `eslint --rulesdir ${dir}, which loads every rule file of ${folder || '.'}/ (${r.evidence})` });
    }
  }
  return out;
});

const eslintRuleDirs: FrameworkReader = {
  id: 'eslint-rule-dirs',
  title: 'ESLint rule folders (rulePaths, --rulesdir, eslint-plugin-rulesdir RULES_DIR): every rule file there',
  ecosystem: 'javascript',
  enabledBy: (ctx) => ruleFolderLoads(ctx)[0]?.label ?? commandRuleFiles(ctx)[0]?.evidence ?? null,
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    for (const r of ruleFolderLoads(ctx)) out.references.push(fileReference(r.from, r.target, r.line, r.label));
    out.entries.push(...commandRuleFiles(ctx));
    return out;
  },
};

export default eslintRuleDirs;
