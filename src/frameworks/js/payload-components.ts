/**
 * Payload names admin components by string, not import: `Component: '/components/Nav/index.js#Nav'`,
 * `afterNav: ['./views/X.js#X']`, `'@/components/Logo#Logo'`. `payload generate:importmap` walks
 * the config (packages/payload/src/bin/generateImportMap: parsePayloadComponent splits at `#`,
 * addPayloadComponentToImportMap joins paths that start with `.` or `/` to
 * `admin.importMap.baseDir`, and leaves the rest to the bundler: tsconfig aliases or packages)
 * and writes an import map the admin panel loads. So each such string in a config, or in a
 * collection/global/field file the config imports, is an edge to the component file — when it
 * names one that exists (`.js` naming its `.ts`/`.tsx` source, as TypeScript resolves it).
 */
import { buildLineTable } from '../../languages/javascript/line-table.js';
import { dirname } from '../../util/path.js';
import type { FrameworkContext, ReferenceInput } from '../types.js';
import { aliasTarget, relativeTarget, type PayloadConfig } from './payload-configs.js';
import { fileReference } from './support.js';
import { perScan } from '../per-scan.js';

interface ComponentString {
  value: string;
  path: string;
  line: number;
}

/** A quoted string without spaces; import specifiers among them are dropped (they resolve from the file, not baseDir). */
const STRING = /(['"`])([^'"`\s\\]{2,300})\1/g;
const SPECIFIER_BEFORE = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*$/;
const EXPORT_NAME = /^[A-Za-z_$][\w$]*$/;
const CODE_FILE = /\.[cm]?[jt]sx?$/;
const RELATIVE = /^(?:\/|\.\.?\/)/;

const strings = perScan(() => new Map<string, ComponentString[]>());

/**
 * The strings of a file shaped like a Payload component path: `<path>#<Export>`, or a relative
 * path to a code file without an export name (the default export). Read once per file.
 */
const componentStrings = (ctx: FrameworkContext, file: string): ComponentString[] => {
  const byFile = strings(ctx);
  const known = byFile.get(file);
  if (known) return known;
  const out: ComponentString[] = [];
  const text = ctx.readText(file) ?? '';
  const lines = buildLineTable(text);
  for (const m of text.matchAll(STRING)) {
    const value = m[2];
    const hash = value.indexOf('#');
    const path = hash < 0 ? value : value.slice(0, hash);
    if (hash >= 0 ? path === '' || !EXPORT_NAME.test(value.slice(hash + 1)) : !(RELATIVE.test(path) && CODE_FILE.test(path))) continue;
    if (path.includes('${') || /^[a-z][\w+.-]*:/i.test(path)) continue;
    if (SPECIFIER_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 12), m.index))) continue;
    out.push({ value, path, line: lines.lineOf(m.index ?? 0) });
  }
  byFile.set(file, out);
  return out;
};

/** Edges from each file of a config to the component files its strings name. */
export const componentReferences = (ctx: FrameworkContext, config: PayloadConfig): ReferenceInput[] => {
  const refs: ReferenceInput[] = [];
  const baseDir = config.baseDir?.path ?? dirname(config.file);
  const base = config.baseDir ? `admin.importMap.baseDir ${baseDir || '.'} (${config.baseDir.file}:${config.baseDir.line})` : `the folder of ${config.file} (no literal admin.importMap.baseDir)`;
  for (const file of config.files) {
    for (const s of componentStrings(ctx, file)) {
      const relative = RELATIVE.test(s.path);
      const target = relative ? relativeTarget(ctx, baseDir, s.path.startsWith('/') ? `.${s.path}` : s.path) : aliasTarget(ctx, config.file, s.path);
      if (target === null || target === file) continue;
      const how = relative ? `resolved from ${base}` : 'resolved through the tsconfig paths';
      refs.push(fileReference(file, target, s.line, `named as a Payload component "${s.value}" at ${file}:${s.line}, in the import map of the Payload config ${config.file} (${how})`));
    }
  }
  return refs;
};
