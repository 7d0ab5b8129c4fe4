/**
 * TypeScript's triple-slash directives: `/// <reference path="./globals.d.ts" />` puts that file in
 * the program (a path relative to the file that holds it), `/// <reference types="vite/client" />`
 * the types of a package. Either is a type-only edge, as an `import type` is. TypeScript reads them
 * only in the comments that open a file (before its first statement; after it they are plain
 * comments), so only that leading run is read here. Both the module scan and oxc hand over those
 * comments (the scan keeps exactly the leading ones, oxc all of them), so the directives found are
 * the same whichever read the file. `lib` and `no-default-lib` name no file or package: left out.
 */
import type { Comment } from 'oxc-parser';
import type { ImportFact } from '../../model/facts.js';
import type { LineTable } from './line-table.js';
import type { PlacedImport } from './module-record.js';

/** A line comment's value (after `//`) that is a reference directive: `/ <reference … />`. */
const DIRECTIVE = /^\/\s*<reference\s+([^>]*?)\/?>/;
const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const attributesOf = (text: string): Map<string, string> => {
  const found = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) if (!found.has(m[1])) found.set(m[1], m[2] ?? m[3]);
  return found;
};

/** The comments that open the file, up to the first thing that is not whitespace or a comment. */
const leadingRun = (comments: readonly Comment[], text: string): Comment[] => {
  const run: Comment[] = [];
  let end = 0;
  for (const comment of comments) {
    if (comment.start < end) continue;
    if (text.slice(end, comment.start).trim() !== '') break;
    run.push(comment);
    end = comment.end;
  }
  return run;
};

/** The `reference path` and `reference types` directives at the top of a file, as type-only imports. */
export const tripleSlashImports = (comments: readonly Comment[], text: string, lines: LineTable): PlacedImport[] => {
  const placed: PlacedImport[] = [];
  for (const comment of leadingRun(comments, text)) {
    if (comment.type !== 'Line') continue;
    const directive = DIRECTIVE.exec(comment.value);
    if (directive === null) continue;
    const attributes = attributesOf(directive[1]);
    const path = attributes.get('path');
    const types = attributes.get('types');
    const [syntax, specifier]: [ImportFact['syntax'], string | undefined] = path !== undefined ? ['reference-path', path] : ['reference-types', types];
    if (specifier === undefined || specifier.trim() === '') continue;
    // typeOnly is added after the literal, as the other import builders add it: a literal holding it
    // has a hidden class of its own, and the one reference fact of a repo deopts resolve and the edges.
    const fact: ImportFact = { specifier: specifier.trim(), syntax, line: lines.lineOf(comment.start), names: [], guard: null };
    fact.typeOnly = true;
    placed.push({ offset: comment.start, fact });
  }
  return placed;
};
