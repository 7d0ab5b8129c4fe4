/**
 * Payload names admin components by string, not import: `Component: '/components/Nav/index.js#Nav'`,
 * `afterNav: ['./views/X.js#X']`, `'@/components/Logo#Logo'`. `payload generate:importmap` walks
 * the config (packages/payload/src/bin/generateImportMap: parsePayloadComponent splits at `#`,
 * addPayloadComponentToImportMap joins paths that start with `.` or `/` to
 * `admin.importMap.baseDir`, and leaves the rest to the bundler: tsconfig aliases or packages)
 * and writes an import map the admin panel loads. So each such string in a config, or in a
 * collection/global/field file the config imports, is an edge to the component file — when it
 * names one that exists (`.js` naming its `.ts`/`.tsx` source, as TypeScript resolves it).
 * A template whose folder is literal and whose last segment is computed
 * (`` `./views/${framework}.js#${name}View` ``, a config picking one of several views by an
 * environment variable) names every code file of that folder whose name fits the literal parts
 * (tests and type declarations left out; a computed export name is not read): whichever the value
 * picks at run time is in the import map. A computed folder is a warning naming file and line.
 */
import { buildLineTable } from '../../languages/javascript/line-table.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { pathsInDir } from '../../util/file-index.js';
import { escapeRegExp } from '../../util/regexp.js';
import { basename, dirname, joinRepo } from '../../util/path.js';
import type { FrameworkContext, ReferenceInput } from '../types.js';
import { aliasFolder, aliasTarget, relativeTarget, type PayloadConfig } from './payload-configs.js';
import { fileReference } from './support.js';
import { perScan } from '../per-scan.js';

interface ComponentString {
  value: string;
  path: string;
  line: number;
  /** For a path whose last segment is computed: its literal folder and the name the literal parts allow. */
  computed?: { folder: string; name: RegExp; pattern: string };
}

/** A quoted string without spaces; import specifiers among them are dropped (they resolve from the file, not baseDir). */
const STRING = /(['"`])([^'"`\s\\]{2,300})\1/g;
const SPECIFIER_BEFORE = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*$/;
const EXPORT_NAME = /^[A-Za-z_$][\w$]*$/;
/** An export name with computed parts: `${frameworkExport}ServerFunctionsView`. */
const COMPUTED_EXPORT = /^(?:[\w$]|\$\{[^}]*\})+$/;
const CODE_FILE = /\.[cm]?[jt]sx?$/;
const RELATIVE = /^(?:\/|\.\.?\/)/;
const HOLE = /\$\{[^}]*\}/g;
const TEST_OR_DECLARATION = /\.(?:test|spec)\.[cm]?[jt]sx?$|\.d\.[cm]?ts$/;
/** The files a spelled extension may name, as TypeScript and the bundler resolve it (`.js` names the `.ts`/`.tsx` source). */
const EXTENSIONS: Record<string, string[]> = {
  '.js': ['.js', '.ts', '.tsx'],
  '.jsx': ['.jsx', '.tsx'],
  '.mjs': ['.mjs', '.mts'],
  '.cjs': ['.cjs', '.cts'],
  '.ts': ['.ts', '.tsx'],
  '.tsx': ['.tsx'],
  '.mts': ['.mts'],
  '.cts': ['.cts'],
};
const ANY_CODE = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

const strings = perScan(() => new Map<string, { found: ComponentString[]; warnings: Diagnostic[] }>());
/** Files whose warnings were given: configs share collections, and a warning is said once. */
const warned = perScan(() => new Set<string>());

/** Where `#` splits a path from its export name: the first one outside a `${…}` hole, or -1. */
const hashOutsideHoles = (value: string): number => {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (value.startsWith('${', i)) {
      depth++;
      i++;
    } else if (value[i] === '}' && depth > 0) depth--;
    else if (value[i] === '#' && depth === 0) return i;
  }
  return -1;
};

/**
 * The file names a computed last segment allows: its literal parts in order, each hole one or more
 * characters, and a spelled extension widened to what it resolves to (none spelled: any code file).
 */
const computedName = (segment: string): { name: RegExp; pattern: string } => {
  const ext = /\.[cm]?[jt]sx?$/.exec(segment)?.[0] ?? null;
  const stem = ext === null ? segment : segment.slice(0, -ext.length);
  const parts = stem.split(HOLE);
  const exts = ext === null ? ANY_CODE : EXTENSIONS[ext];
  const source = `^${parts.map(escapeRegExp).join('[^/]+')}(?:${exts.map(escapeRegExp).join('|')})$`;
  return { name: new RegExp(source), pattern: `${parts.join('*')}${ext ?? ''}` };
};

/**
 * A template string shaped like a component path with computed parts: a literal path with a
 * computed export (read as the literal path), a literal folder and a computed last segment, or —
 * a warning — a computed folder. Null when it is not shaped like a component path.
 */
const computedComponent = (file: string, value: string, line: number, warnings: Diagnostic[]): ComponentString | null => {
  const hash = hashOutsideHoles(value);
  const path = hash < 0 ? value : value.slice(0, hash);
  const exportName = hash < 0 ? null : value.slice(hash + 1);
  if (path === '' || /^[a-z][\w+.-]*:/i.test(path)) return null;
  if (exportName !== null && !COMPUTED_EXPORT.test(exportName)) return null;
  if (!path.includes('${')) return { value, path, line };
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  const segment = path.slice(slash + 1);
  // What says "component" when the name is computed: a code extension, or a component-cased or computed export.
  const namesCode = CODE_FILE.test(segment);
  const componentExport = exportName !== null && (/^[A-Z]/.test(exportName) || exportName.startsWith('${'));
  if (!namesCode && !componentExport) return null;
  if (folder.includes('${')) {
    // `${serverURL}/admin#Top` is a URL; a computed folder after `./` or `/`, or a code file's name, is a component path.
    if (RELATIVE.test(path) || namesCode) warnings.push(warning('payload/not-static', `a Payload component path with a computed folder is not read: ${value}`, file, line));
    return null;
  }
  // The base folder itself and a name with no extension would be any file beside the config: too loose to follow.
  if (!namesCode && folder.replace(/^(?:\.\/|\/)/, '') === '') return null;
  return { value, path, line, computed: { folder, ...computedName(segment) } };
};

/**
 * The strings of a file shaped like a Payload component path: `<path>#<Export>`, or a relative
 * path to a code file without an export name (the default export). Read once per file.
 */
const componentStrings = (ctx: FrameworkContext, file: string): { found: ComponentString[]; warnings: Diagnostic[] } => {
  const byFile = strings(ctx);
  const known = byFile.get(file);
  if (known) return known;
  const found: ComponentString[] = [];
  const warnings: Diagnostic[] = [];
  const text = ctx.readText(file) ?? '';
  const lines = buildLineTable(text);
  // exec on the pattern itself, not matchAll: the walk runs once per file (payload: 1,182 files),
  // mostly unoptimized, and matchAll's iterator made a result object and a copy of the pattern
  // per match and file. Started from 0 each time: a walk that threw would have left lastIndex set.
  STRING.lastIndex = 0;
  for (let m = STRING.exec(text); m !== null; m = STRING.exec(text)) {
    const value = m[2];
    // Most strings of a file are neither a path nor an export (`'text'`, `'admin'`): what every kind below needs, tested first.
    // The first character by its code (`.`, `/`): `value[0]` is read per kind of string (one or two bytes a character), and a
    // file's first two-byte string threw away the code V8 had optimized on one-byte ones.
    const first = value.charCodeAt(0);
    if (!value.includes('#') && first !== 46 && first !== 47 && !(m[1] === '`' && value.includes('${'))) continue;
    if (SPECIFIER_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 12), m.index))) continue;
    if (m[1] === '`' && value.includes('${')) {
      const computed = computedComponent(file, value, lines.lineOf(m.index ?? 0), warnings);
      if (computed) found.push(computed);
      continue;
    }
    const hash = value.indexOf('#');
    const path = hash < 0 ? value : value.slice(0, hash);
    if (hash >= 0 ? path === '' || !EXPORT_NAME.test(value.slice(hash + 1)) : !(RELATIVE.test(path) && CODE_FILE.test(path))) continue;
    if (path.includes('${') || /^[a-z][\w+.-]*:/i.test(path)) continue;
    found.push({ value, path, line: lines.lineOf(m.index ?? 0) });
  }
  const read = { found, warnings };
  byFile.set(file, read);
  return read;
};

/** The code files of a literal folder that a computed last segment allows. */
const computedTargets = (ctx: FrameworkContext, folder: string, name: RegExp): string[] =>
  pathsInDir(ctx.files, folder).filter((f) => name.test(basename(f)) && !TEST_OR_DECLARATION.test(f));

/** Edges from each file of a config to the component files its strings name, and warnings for those it cannot read. */
export const componentReferences = (ctx: FrameworkContext, config: PayloadConfig): { references: ReferenceInput[]; diagnostics: Diagnostic[] } => {
  const references: ReferenceInput[] = [];
  const diagnostics: Diagnostic[] = [];
  const baseDir = config.baseDir?.path ?? dirname(config.file);
  const base = config.baseDir ? `admin.importMap.baseDir ${baseDir || '.'} (${config.baseDir.file}:${config.baseDir.line})` : `the folder of ${config.file} (no literal admin.importMap.baseDir)`;
  for (const file of config.files) {
    const { found, warnings } = componentStrings(ctx, file);
    if (warnings.length > 0 && !warned(ctx).has(file)) {
      warned(ctx).add(file);
      diagnostics.push(...warnings);
    }
    for (const s of found) {
      const relative = RELATIVE.test(s.path);
      const how = relative ? `resolved from ${base}` : 'resolved through the tsconfig paths';
      if (s.computed) {
        const { folder: spec, name, pattern } = s.computed;
        const folder = relative ? joinRepo(baseDir, spec.startsWith('/') ? `.${spec}` : spec) : aliasFolder(ctx, config.file, spec);
        if (folder === null) continue;
        for (const target of computedTargets(ctx, folder, name)) {
          if (target === file) continue;
          references.push(
            fileReference(file, target, s.line, `named as a Payload component by the computed path "${s.value}" at ${file}:${s.line}: its literal folder ${spec} and name ${pattern} allow this file, in the import map of the Payload config ${config.file} (${how})`),
          );
        }
        continue;
      }
      const target = relative ? relativeTarget(ctx, baseDir, s.path.startsWith('/') ? `.${s.path}` : s.path) : aliasTarget(ctx, config.file, s.path);
      if (target === null || target === file) continue;
      references.push(fileReference(file, target, s.line, `named as a Payload component "${s.value}" at ${file}:${s.line}, in the import map of the Payload config ${config.file} (${how})`));
    }
  }
  return { references, diagnostics };
};
