/**
 * Where the static edge to a runtime-only file probably is: a loaded file that imports it (an
 * edge the classifier could not follow), else the nearest loaded file with a computed import
 * (`importlib.import_module(f"tasks.{name}")`, `import(\`./plugins/${name}.js\`)`) or computed
 * command (`spawn(process.execPath, [script])`) — one whose literal prefix fits the file first.
 */
import type { Edge } from '../model/edge.js';
import { byString } from '../util/compare.js';
import { dirname, joinRepo } from '../util/path.js';

const isComputedImport = (e: Edge): boolean => e.to === null && (e.kind === 'dynamic-import' || e.unresolved === 'dynamic');

/** Folder steps between two files (siblings: 0). */
const folderDistance = (a: string, b: string): number => {
  const da = dirname(a) === '' ? [] : dirname(a).split('/');
  const db = dirname(b) === '' ? [] : dirname(b).split('/');
  let common = 0;
  while (common < da.length && common < db.length && da[common] === db[common]) common++;
  return da.length - common + (db.length - common);
};

/** The repo-path prefix a computed specifier fixes before its first placeholder, if it has one. */
const literalPrefix = (edge: Edge): string | null => {
  // The specifier may be the argument's source text: f"tasks.{name}", `./plugins/${name}.js`, "tasks." + name.
  const head = edge.specifier.split(/\$\{|\{|\*|%s|\+/)[0];
  if (head === edge.specifier) return null;
  const literal = head.replace(/^(?:[rfbuRFBU]{0,2}["']|`)/, '').replace(/["'`\s]+$/, '');
  if (literal === '') return null;
  if (literal.startsWith('./') || literal.startsWith('../')) {
    const joined = joinRepo(dirname(edge.from), literal);
    return joined === null ? null : literal.endsWith('/') ? `${joined}/` : joined;
  }
  return /^[\w.]+$/.test(literal) ? literal.replace(/\./g, '/') : null;
};

export interface HintIndex {
  hintFor(file: string): string | undefined;
}

export const buildHintIndex = (edges: Edge[], loaded: ReadonlySet<string>): HintIndex => {
  const importersOf = new Map<string, Edge[]>();
  const computed: Edge[] = [];
  for (const e of edges) {
    if (!loaded.has(e.from)) continue;
    if (e.to !== null && e.to !== e.from) (importersOf.get(e.to) ?? importersOf.set(e.to, []).get(e.to)!).push(e);
    else if (isComputedImport(e)) computed.push(e);
  }
  const byPlace = (a: Edge, b: Edge): number => byString(a.from, b.from) || a.line - b.line;

  return {
    hintFor: (file) => {
      const importer = (importersOf.get(file) ?? []).sort(byPlace)[0];
      if (importer) return `imported by ${importer.from}:${importer.line}, which the run loaded (the static chain to it is missing)`;
      const ranked = computed
        .map((e) => {
          const prefix = literalPrefix(e);
          // A literal prefix that does not fit is evidence against: rank it below an import with none.
          const fits = prefix === null ? 1 : file.startsWith(prefix) ? 0 : 2;
          return { e, fits, distance: folderDistance(e.from, file) };
        })
        .sort((a, b) => a.fits - b.fits || a.distance - b.distance || byPlace(a.e, b.e));
      const best = ranked[0]?.e;
      if (!best) return undefined;
      return best.kind === 'exec' ? `probably run by the computed command at ${best.from}:${best.line}` : `probably loaded by the computed import at ${best.from}:${best.line}`;
    },
  };
};
