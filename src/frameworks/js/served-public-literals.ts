/**
 * Browser scripts a server hands out by a literal path under its `public/` folder, given to a serve
 * or asset helper of the app's own: Ghost's core/frontend/web/site.js:82
 * `mw.servePublicFile('static', 'public/comment-counts.min.js', 'application/javascript', …)` and
 * ghost_head.js `getAssetUrl('public/member-attribution.min.js')`. The helper joins the name onto a
 * folder from the app's config (`paths.publicFilePath`: core/frontend/public), which census does not
 * follow; the literal, read from its `public/` segment, names one file of the package's own tree.
 *
 * A script so named is used by the file whose call names it (a reference, so it takes that file's
 * kind). Only `.js`/`.mjs`/`.cjs` files with a `public/` folder in their path are looked for, in the
 * code files of the same package; a literal two such files end with names neither (which one the
 * config picks is not known), and a literal outside a call whose name says `serve` or `asset`
 * (a test's fixture list, a log line) names nothing.
 */
import { lineAt } from '../../util/lines.js';
import { dirname } from '../../util/path.js';
import { emptyFrameworkOutput, type FrameworkContext, type FrameworkReader } from '../types.js';
import { perScan } from '../per-scan.js';
import { enclosingPackages, fileReference, jsCodeFiles } from './support.js';

const SCRIPT = /\.[cm]?js$/;
/** A quoted literal that starts with the public folder: `'public/x.min.js'`, `"/public/a/b.js"`. */
const LITERAL = /(['"`])\/?(public\/[^'"`\s$]+)\1/g;
/** The callee a helper's name says serves or links a file. */
const SERVE_CALLEE = /serve|asset/i;
/** How far back from the literal the call's opening bracket is looked for. */
const MAX_REACH = 400;

/** The scripts below a `public/` folder, by the literal that names each from that folder (`public/a.js`), per package folder; a literal two files share is left out. */
const candidates = perScan((ctx: FrameworkContext): Map<string, Map<string, string>> => {
  const out = new Map<string, Map<string, string | null>>();
  for (const file of jsCodeFiles(ctx)) {
    if (!SCRIPT.test(file)) continue;
    const at = file.startsWith('public/') ? 0 : file.indexOf('/public/') + 1;
    if (at === 0 && !file.startsWith('public/')) continue;
    const pkg = enclosingPackages(ctx, dirname(file))[0];
    if (pkg === undefined) continue;
    const byLiteral = out.get(pkg.dir) ?? new Map<string, string | null>();
    out.set(pkg.dir, byLiteral);
    const literal = file.slice(at);
    byLiteral.set(literal, byLiteral.has(literal) ? null : file);
  }
  const settled = new Map<string, Map<string, string>>();
  for (const [dir, byLiteral] of out) settled.set(dir, new Map([...byLiteral].filter((e): e is [string, string] => e[1] !== null)));
  return settled;
});

/** The name of the call whose argument list holds offset `at` (`servePublicFile` of `mw.servePublicFile(`), or null. */
const calleeAround = (text: string, at: number): string | null => {
  let depth = 0;
  for (let i = at - 1; i >= Math.max(0, at - MAX_REACH); i--) {
    const c = text[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '[' || c === '{') {
      if (depth === 0) return null;
      depth--;
    } else if (c === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      return /([A-Za-z_$][\w$]*)\s*$/.exec(text.slice(Math.max(0, i - 80), i))?.[1] ?? null;
    } else if (c === ';') return null;
  }
  return null;
};

const servedPublicLiterals: FrameworkReader = {
  id: 'served-public-literals',
  title: 'scripts a serve or asset helper names by a literal public/ path',
  ecosystem: 'javascript',
  enabledBy: (ctx) => {
    for (const [dir, byLiteral] of candidates(ctx)) if (byLiteral.size > 0) return `${[...byLiteral.values()][0]} is a script below a public/ folder${dir === '' ? '' : ` of ${dir}`}`;
    return null;
  },
  collect: (ctx) => {
    const out = emptyFrameworkOutput();
    const all = candidates(ctx);
    for (const file of jsCodeFiles(ctx)) {
      const pkg = enclosingPackages(ctx, dirname(file))[0];
      const byLiteral = pkg === undefined ? undefined : all.get(pkg.dir);
      if (byLiteral === undefined || byLiteral.size === 0) continue;
      // A one-off read: transientText keeps no text the store did not already hold.
      const text = ctx.manifests.transientText(file);
      if (text === null || !text.includes('public/')) continue;
      for (const m of text.matchAll(LITERAL)) {
        const target = byLiteral.get(m[2]);
        if (target === undefined || target === file) continue;
        const callee = calleeAround(text, m.index!);
        if (callee === null || !SERVE_CALLEE.test(callee)) continue;
        const line = lineAt(text, m.index!);
        out.references.push(fileReference(file, target, line, `loaded by ${file}:${line}, which serves it by a path from the package's public/ folder (${callee}(…${m[0]}…))`));
      }
    }
    return out;
  },
};

export default servedPublicLiterals;
