/**
 * The files a path wrapper's computed argument may name (path-wrappers.ts): Quasar's
 * `appPaths.resolve.cli(`templates/entry/${ file }`)` read in lib/entry-files-generator.js:35, or
 * `fse.copySync(appPaths.resolve.cli(`templates/ssr/${ format }`), …)` in
 * lib/modes/ssr/ssr-installation.js:27, or `fse.copy(appPaths.resolve.cli(templatePath), …)` with
 * `const templatePath = join('templates/app', format, `${ type }.${ ext }`)` (lib/cmd/new.js:122).
 * Each substitution or computed join part stands for one path segment's worth of name (`*`), as
 * computed-join-copies.ts reads a copy's computed join; the literal parts stay.
 *
 * Which files: those the glob names itself, and — when the call is the source of a copy
 * (`copy…(`, `cp(`, `ncp(`) — every file below a folder it names. Where it stops (the false-liveness
 * guards): a glob whose literal folder is the caller's own folder or one above it (the name would
 * range over the caller's siblings), one with no literal folder at all, and one over a folder any of
 * whose named files a module outside that folder imports: a family of templates is data nothing
 * imports, while a folder of the package's own modules read by a computed name (a tool printing one
 * of its sources) tells census nothing about which are used.
 */
import { compileRepoGlob } from '../../util/glob.js';
import { dirname } from '../../util/path.js';
import { splitArgs } from '../../languages/javascript/folder-expr.js';
import { balancedText } from '../../languages/javascript/js-text.js';
import type { FrameworkContext } from '../types.js';
import { COPY_CALLEE } from './computed-join-copies.js';
import { declarationsOf, heldJoin } from './computed-join-loads.js';
import { relativeImporters } from './import-index.js';
import { literalValue } from './parameter-values.js';
import { sortedFiles } from './support.js';

/** A template literal with at least one substitution and no nested template: `` `templates/entry/${ file }` ``. */
const TEMPLATE = /^`((?:[^`\\$]|\\.|\$(?!\{))*(?:\$\{[^`{}]*\}(?:[^`\\$]|\\.|\$(?!\{))*)+)`$/;
const SUBSTITUTION = /\$\{[^`{}]*\}/g;
/** A join of relative parts: the path module's `join(` (a wrapper's argument is relative to its folder). */
const JOIN_HEAD = /^(?:(?:path|nodePath|posix)\s*\.\s*)?join\s*\(/;
const NAME = /^[A-Za-z_$][\w$]*$/;
/** Characters a glob would read as its own: a literal holding one is not turned into a glob. */
const GLOB_CHARS = /[*?{}[\]!]/;
/** The call is the source of a copy: `fse.copySync(`, `fs.cp(`, `ncp(` right before the wrapper's call. */
const COPY_SOURCE = new RegExp(String.raw`${COPY_CALLEE}\s*\(\s*[\w$.]*\s*$`);

/** A template literal read as a glob (each substitution `*`), or null. */
const templateGlob = (text: string): string | null => {
  const m = TEMPLATE.exec(text.trim());
  if (m === null) return null;
  const literal = m[1].split(SUBSTITUTION);
  if (literal.some((l) => GLOB_CHARS.test(l) || l.includes('\\'))) return null;
  return literal.join('*');
};

/** One join part as a glob: a literal as itself, a template with its substitutions `*`, a name `*`; null for anything else. */
const partGlob = (part: string): string | null => {
  const literal = literalValue(part);
  if (literal !== null) return GLOB_CHARS.test(literal) ? null : literal;
  const template = templateGlob(part);
  if (template !== null) return template;
  return NAME.test(part.trim()) ? '*' : null;
};

export interface ArgumentGlob {
  /** The argument read as a glob relative to the wrapper's joined folder: `templates/entry/*`. */
  glob: string;
  /** How a name was read, for the evidence: `, templatePath = join(…) at line 122`; empty for a template written in the call. */
  held: string;
}

/** The declarations of the last text asked about: a file's calls come together, and each would otherwise scan the whole text again. */
let lastDeclarations: { text: string; declared: ReturnType<typeof declarationsOf> } | null = null;
const declarationsIn = (text: string): ReturnType<typeof declarationsOf> => {
  if (lastDeclarations?.text !== text) lastDeclarations = { text, declared: declarationsOf(text) };
  return lastDeclarations.declared;
};

/** The glob a computed argument names (a template, or a name the function declares once holding a join of relative parts), or null. */
export const argumentGlob = (arg: string, text: string, at: number): ArgumentGlob | null => {
  const a = arg.trim();
  const template = templateGlob(a);
  if (template !== null) return { glob: template, held: '' };
  if (!NAME.test(a)) return null;
  const h = heldJoin(text, declarationsIn(text), new Map(), a, at, false);
  if (h === null || !JOIN_HEAD.test(h.expr)) return null;
  const open = h.expr.indexOf('(');
  const args = balancedText(h.expr, open);
  if (args === null) return null;
  const parts = splitArgs(args.slice(1, -1)).map(partGlob);
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  const glob = parts.join('/');
  return glob.includes('*') ? { glob, held: `, ${h.steps.join(', ')}` } : null;
};

/** Whether a wrapper's call at `at` is the source of a copy, so a folder it names stands for every file below. */
export const copiedAt = (text: string, at: number): boolean => COPY_SOURCE.test(text.slice(Math.max(0, at - 120), at));

/**
 * The repo files a joined glob (`templates/entry/*`, the wrapper's folder already in front) names for
 * a call in `from`: null when a guard refuses it (see the module comment), else the files in path order.
 */
export const globTargets = (ctx: FrameworkContext, joined: string, from: string, copied: boolean): string[] | null => {
  const segments = joined.split('/');
  const first = segments.findIndex((s) => s.includes('*'));
  if (first <= 0) return null;
  const fixed = segments.slice(0, first).join('/');
  const own = dirname(from);
  if (own === fixed || own.startsWith(`${fixed}/`) || fixed.startsWith('..')) return null;
  const exact = compileRepoGlob(joined);
  const below = copied ? compileRepoGlob(`${joined}/**`) : null;
  const targets = sortedFiles(ctx).filter((f) => f.startsWith(`${fixed}/`) && !f.includes('node_modules/') && f !== from && (exact(f) || (below?.(f) ?? false)));
  if (targets.length === 0) return null;
  // A module of the package that something outside the folder imports: the folder is code, not a family of templates.
  for (const target of targets) if (relativeImporters(ctx, target).some((r) => !r.from.startsWith(`${fixed}/`))) return null;
  return targets;
};
