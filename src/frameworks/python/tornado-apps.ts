/**
 * The Tornado applications whose static_path and template_path census can settle (see
 * tornado-static.ts). Its own file because two readers ask: tornado-static draws the edges, and
 * template-static leaves a settled app's templates to it.
 */
import { lineAt } from '../../util/lines.js';
import { pathValue, repoPathOf } from '../../languages/python/sys-path.js';
import { perScan } from '../per-scan.js';
import type { FrameworkContext } from '../types.js';
import { pathConstants } from './package-paths.js';
import { packageImporters } from './python-files.js';

/** `static_path=`, `template_path=`, `static_url_prefix=` as keywords, or as settings dict keys. */
const SETTING = /(?:\b(static_path|template_path|static_url_prefix)\s*=(?!=)|(["'])(static_path|template_path|static_url_prefix)\2\s*:)\s*/g;
/** The longest setting value read: a path expression spans one call, not a page. */
const MAX_VALUE = 400;

/** The expression after `at` up to the first `,`, `)` or `}` outside brackets (or a newline outside brackets). */
const valueAt = (text: string, at: number): string => {
  let depth = 0;
  let quote: string | null = null;
  const end = Math.min(text.length, at + MAX_VALUE);
  for (let i = at; i < end; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote && text[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return text.slice(at, i).trim();
      depth--;
    } else if ((c === ',' || c === '\n') && depth === 0) return text.slice(at, i).trim();
  }
  return text.slice(at, end).trim();
};

export interface TornadoApp {
  file: string;
  line: number;
  folder: string;
  templates: string;
  prefix: string;
}

/** The Tornado apps whose static_path and template_path census can settle. */
export const tornadoApps = perScan((ctx: FrameworkContext): TornadoApp[] => {
  const out: TornadoApp[] = [];
  for (const file of packageImporters(ctx, 'tornado', 'sorted')) {
    const text = ctx.readText(file);
    if (text === null || !text.includes('static_path')) continue;
    let vars: ReadonlyMap<string, string> | undefined;
    const settle = (expr: string): string | null => repoPathOf(pathValue(expr, file, (vars ??= pathConstants(ctx, file, text))));
    const found: { key: string; value: string; index: number }[] = [];
    for (const m of text.matchAll(SETTING)) found.push({ key: m[1] ?? m[3], value: valueAt(text, (m.index ?? 0) + m[0].length), index: m.index ?? 0 });
    const templates = found.filter((f) => f.key === 'template_path').map((f) => settle(f.value)).find((f): f is string => f !== null);
    const prefixValue = found.find((f) => f.key === 'static_url_prefix')?.value;
    const prefix = prefixValue === undefined ? '/static/' : /^(["'])([^"'\n]*)\1$/.exec(prefixValue)?.[2];
    if (templates === undefined || prefix === undefined || prefix === '') continue;
    for (const f of found) {
      if (f.key !== 'static_path') continue;
      const folder = settle(f.value);
      if (folder !== null) out.push({ file, line: lineAt(text, f.index), folder, templates, prefix: prefix.endsWith('/') ? prefix : `${prefix}/` });
    }
  }
  return out;
});
