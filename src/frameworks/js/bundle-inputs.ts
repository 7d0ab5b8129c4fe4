/**
 * What the bundler readers (rollup, tsup, esbuild, parcel) share: the entry strings a config or a
 * command names become references from the file that names them — a path, a glob (tsup and
 * esbuild accept them), or an HTML page whose module scripts are the real entries (parcel).
 */
import type { ConfigValue } from '../../languages/javascript/config-value.js';
import type { EntryKind } from '../../model/verdict.js';
import { dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, FrameworkOutput } from '../types.js';
import { htmlScripts } from './vite.js';
import { fileReference, globFiles, resolveToolPath, warnUnread } from './support.js';

export interface NamedInput {
  value: string;
  line?: number;
}

/** Strings of an entry value: a string, an array, or an object of name → path (rollup/tsup/esbuild). */
export const inputStrings = (value: ConfigValue | null, config: string, key: string, out: FrameworkOutput): NamedInput[] => {
  const found: NamedInput[] = [];
  const unread: { line: number; text: string }[] = [];
  const visit = (v: ConfigValue, depth: number) => {
    if (depth > 4) return;
    if (v.kind === 'string') found.push({ value: v.value, line: v.line });
    else if (v.kind === 'array') v.items.forEach((i) => visit(i, depth + 1));
    // esbuild's `{ in: 'src/a.ts', out: 'a' }` and rollup/tsup's `{ name: path }`.
    else if (v.kind === 'object') (v.props.has('in') ? [v.props.get('in')!] : [...v.props.values()]).forEach((i) => visit(i, depth + 1));
    else if (v.kind === 'unknown') unread.push({ line: v.line, text: v.text });
  };
  if (value) visit(value, 0);
  warnUnread(out.diagnostics, key.split('.')[0], config, unread, key);
  return found;
};

/** The files the inputs name, relative to `dir` (the tool's cwd), each with the sentence that says how. */
export const inputFiles = (ctx: FrameworkContext, o: { from: string; dir: string; inputs: NamedInput[]; what: string; on?: string }): { file: string; line?: number; label: string }[] => {
  const found: { file: string; line?: number; label: string }[] = [];
  for (const input of o.inputs) {
    const spec = input.value.replace(/^\.\//, '');
    const where = o.on !== undefined ? `on ${o.on}` : `in ${input.line && input.line > 1 ? `${o.from}:${input.line}` : o.from}`;
    const add = (file: string | null, label: string) => {
      if (file && file !== o.from) found.push({ file, ...(input.line && input.line > 1 ? { line: input.line } : {}), label });
    };
    if (/[*?{[]/.test(spec)) {
      for (const { file } of globFiles(ctx, o.dir, [spec])) add(file, `${o.what} "${input.value}" ${where}`);
      continue;
    }
    const path = joinRepo(o.dir, spec);
    if (path !== null && path.endsWith('.html') && ctx.files.has(path)) {
      for (const script of htmlScripts(ctx.readText(path) ?? '')) {
        add(resolveToolPath(ctx, dirname(path), script.src.startsWith('/') ? `.${script.src}` : script.src, o.dir), `<script src="${script.src}"> in ${path}:${script.line}, ${o.what} "${input.value}" ${where}`);
      }
      continue;
    }
    add(resolveToolPath(ctx, o.dir, `./${spec}`), `${o.what} "${input.value}" ${where}`);
  }
  return found;
};

/** References from a config to each file its inputs name: the config's root carries the kind on. */
export const inputReferences = (ctx: FrameworkContext, o: { from: string; dir: string; inputs: NamedInput[]; what: string }, out: FrameworkOutput): void => {
  for (const f of inputFiles(ctx, o)) out.references.push(fileReference(o.from, f.file, f.line, f.label));
};

/** Entries for inputs named on a command line: nothing in the repo imports them, the command runs the tool. */
export const inputEntries = (ctx: FrameworkContext, o: { from: string; dir: string; inputs: NamedInput[]; what: string; on?: string; kind: EntryKind }, out: FrameworkOutput): void => {
  for (const f of inputFiles(ctx, o)) out.entries.push({ source: o.from, target: f.file, targetKind: 'file', kind: o.kind, evidence: f.label, ...(f.line ? { line: f.line } : {}) });
};
