/**
 * A ScannedFile read back from the facts cache is untrusted data: a pack can be damaged, or
 * committed by someone who wants census to report something else. Every field the later stages
 * read is checked for its type here, so a bad entry is a cache miss, never a crash or a field that
 * the Audit's schema forbids. (A well-formed entry with made-up facts for the right content hash
 * is as trusted as the file itself would be: the cache is keyed by content, not signed.)
 */
import type { ScannedFile } from './scan-file.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const opt = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);
const isBool = (v: unknown): boolean => typeof v === 'boolean';
const every = (v: unknown, check: (item: unknown) => boolean): boolean => Array.isArray(v) && v.every(check);
const strings = (v: unknown): boolean => every(v, isStr);
const oneOf = (values: readonly string[]) => (v: unknown): boolean => typeof v === 'string' && values.includes(v);
const onlyKeys = (o: Obj, keys: ReadonlySet<string>): boolean => Object.keys(o).every((k) => keys.has(k));

const RECORD_KEYS = new Set(['path', 'language', 'bytes', 'lines', 'codeLines', 'hash', 'executable', 'symlink', 'summary', 'runnable', 'complexity', 'incomplete']);
const runnable = oneOf(['main-guard', 'shebang', 'cli-framework', 'top-level-code', 'wsgi-application']);
const severity = oneOf(['error', 'warning', 'info']);
const syntax = oneOf(['import', 'from', 'export-from', 'require', 'dynamic', 'import-equals', 'reference-path', 'reference-types']);
const guard = oneOf(['type-checking', 'try', 'function']);
const form = oneOf(['module-attr', 'module', 'path', 'glob']);
const dottedHow = oneOf(['load', 'patch', 'option', 'class', 'urls']);

const isLocation = (v: unknown): boolean => isObj(v) && isStr(v.file) && opt(v.line, isNum) && opt(v.column, isNum);
const isDiagnostic = (v: unknown): boolean => isObj(v) && isStr(v.id) && severity(v.severity) && isStr(v.message) && opt(v.location, isLocation);
const isName = (v: unknown): boolean => isObj(v) && isStr(v.name) && opt(v.alias, isStr);
const isImport = (v: unknown): boolean =>
  isObj(v) && isStr(v.specifier) && syntax(v.syntax) && isNum(v.line) && every(v.names, isName) && opt(v.alias, isStr) &&
  (v.guard === null || guard(v.guard)) && opt(v.typeOnly, isBool) && opt(v.handles, strings);
const isCommand = (v: unknown): boolean => isObj(v) && isStr(v.command) && isNum(v.line) && isStr(v.via) && opt(v.cwd, isStr) && opt(v.cwdComputed, isBool);
const isReference = (v: unknown): boolean => isObj(v) && isStr(v.target) && form(v.form) && opt(v.filter, isStr) && opt(v.base, (b) => b === 'cwd') && isNum(v.line) && isStr(v.via);

const isFacts = (v: unknown): boolean =>
  isObj(v) && every(v.imports, isImport) && every(v.commands, isCommand) && every(v.references, isReference) && every(v.runnable, runnable) &&
  opt(v.summary, isStr) && strings(v.definitions) && opt(v.exportedNames, strings) && opt(v.hasStarImport, isBool) && isNum(v.complexity) &&
  opt(v.importRoots, (r) => every(r, (x) => isObj(x) && isStr(x.dir) && isNum(x.line))) && opt(v.textMarks, strings) && opt(v.jsonNames, strings) && opt(v.holdsTests, isBool) &&
  opt(v.typePaths, (r) => every(r, (x) => isObj(x) && isStr(x.value) && isNum(x.line) && opt(x.lazy, (l) => l === true))) &&
  opt(v.computedImportLines, (r) => every(r, isNum)) &&
  opt(v.codeTemplateLines, (r) => every(r, isNum)) &&
  opt(v.scriptNames, (r) => every(r, (x) => isObj(x) && isStr(x.name) && isNum(x.line))) &&
  opt(v.moduleArgs, (r) => every(r, (x) => isObj(x) && isStr(x.name) && isNum(x.line))) &&
  opt(v.mentionsFile, (x) => x === true) &&
  opt(v.declarationNames, (r) => every(r, (x) => isObj(x) && isStr(x.literal) && isNum(x.line))) &&
  opt(v.settingSwaps, (r) => every(r, (x) => isObj(x) && isStr(x.call) && isStr(x.setting) && isStr(x.value) && isNum(x.line))) &&
  opt(v.dottedStrings, (r) => every(r, (x) => isObj(x) && isStr(x.value) && isNum(x.line) && dottedHow(x.how) && isStr(x.via))) &&
  every(v.diagnostics, isDiagnostic);

const isRecord = (v: unknown): boolean =>
  isObj(v) && onlyKeys(v, RECORD_KEYS) && isStr(v.path) && isStr(v.language) && isNat(v.bytes) && isNat(v.lines) && isNat(v.codeLines) &&
  isStr(v.hash) && isBool(v.executable) && opt(v.symlink, isBool) && opt(v.summary, isStr) && opt(v.runnable, (r) => every(r, runnable)) &&
  opt(v.complexity, isNum) && opt(v.incomplete, isBool);

const u32 = (v: unknown): v is Uint32Array => v instanceof Uint32Array;
/** Every index a later stage follows points inside its array. */
const isFingerprint = (v: unknown): boolean => {
  if (!isObj(v) || !isStr(v.normalizedHash) || !isNat(v.tokens) || !isBool(v.abstracted) || !isNat(v.k) || !isNat(v.w)) return false;
  const { tokenHashes, winnowHashes, winnowPositions, lineTokenStarts, lineNumbers, terms, termCounts } = v;
  if (!u32(tokenHashes) || !u32(winnowHashes) || !u32(winnowPositions) || !u32(lineTokenStarts) || !u32(lineNumbers) || !u32(termCounts) || !strings(terms)) return false;
  if (winnowHashes.length !== winnowPositions.length || lineTokenStarts.length !== lineNumbers.length || (terms as string[]).length !== termCounts.length) return false;
  const n = tokenHashes.length;
  return winnowPositions.every((p) => p < n) && lineTokenStarts.every((p) => p <= n);
};

export const isScannedFile = (v: unknown): v is ScannedFile =>
  isObj(v) && isRecord(v.record) && (v.facts === null || isFacts(v.facts)) && every(v.diagnostics, isDiagnostic) &&
  opt(v.fingerprint, isFingerprint) && opt(v.junk, isStr) && opt(v.readHash, isStr);
