/**
 * What the import reports show, computed once from the Audit's `imports` section: the seed-style
 * Category | Count | Reality | Action rows, the headline, and the real breakages by file.
 * The terminal and Markdown renderers only lay these out.
 */
import type { Audit } from '../model/audit.js';
import { IMPORT_BUCKETS, REAL_BREAKAGE_BUCKETS, type ImportBucket, type ImportFinding, type ImportsSection, type RootCause } from '../model/imports.js';
import { byString } from '../util/compare.js';
import { plural } from '../util/words.js';

export interface CategoryRow {
  bucket: ImportBucket;
  count: number;
  reality: string;
  action: string;
}


/** `torch, lightning, hydra-core` (at most `max`, then `+N more`). */
export const nameList = (names: string[], max = 4): string =>
  names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} +${names.length - max} more`;

const causesIn = (section: ImportsSection, bucket: ImportBucket): RootCause[] => section.rootCauses.filter((r) => r.bucket === bucket);

const languagesOf = (section: ImportsSection, cause: RootCause): Set<string> =>
  new Set(section.findings.filter((f) => f.bucket === cause.bucket && f.rootCause === cause.name).map((f) => (f.language === 'python' ? 'python' : 'javascript')));

const installAction = (section: ImportsSection, causes: RootCause[]): string => {
  const pip = causes.filter((c) => languagesOf(section, c).has('python')).map((c) => c.name);
  const npm = causes.filter((c) => languagesOf(section, c).has('javascript')).map((c) => c.name);
  const parts = [...(pip.length ? [`pip install ${pip.join(' ')}`] : []), ...(npm.length ? ['npm install'] : [])];
  return `install ${causes.length === 1 ? 'it' : 'them'}${parts.length ? `: ${parts.join('; ')}` : ''}, then re-run`;
};

const rowFor = (section: ImportsSection, bucket: ImportBucket): CategoryRow => {
  const causes = causesIn(section, bucket);
  const names = nameList(causes.map((c) => c.name));
  const count = section.counts[bucket];
  const base = { bucket, count };
  switch (bucket) {
    case 'broken-internal':
      return { ...base, reality: `real: ${plural(causes.length, 'module')} missing or off the import path (${names})`, action: 'fix the imports listed below' };
    case 'missing-name':
      return { ...base, reality: `real: ${plural(causes.length, 'name')} the imported modules do not define`, action: 'fix the imports listed below' };
    case 'stdlib-removed':
      return { ...base, reality: `real on Python ${section.environment.pythonVersion ?? 'the target version'}: removed from the standard library (${names})`, action: 'replace them (see root causes)' };
    case 'missing-from-environment':
      return { ...base, reality: `environment: ${plural(causes.length, 'package')} declared, not installed (${names})`, action: installAction(section, causes) };
    case 'undeclared': {
      const working = causes.filter((c) => section.findings.every((f) => f.rootCause !== c.name || f.bucket !== 'undeclared' || !f.breaksModule)).length;
      const note = working > 0 ? `; ${working} of them work here` : '';
      return { ...base, reality: `declared nowhere: ${plural(causes.length, 'package')} (${names})${note}`, action: 'declare them in the manifests, or remove the imports' };
    }
    case 'optional':
      return { ...base, reality: `handled: guarded imports of ${names}`, action: 'none (install to enable the feature)' };
    case 'type-only':
      return { ...base, reality: `type checking only: ${names}`, action: 'none at run time' };
  }
};

export const categoryRows = (section: ImportsSection): CategoryRow[] =>
  IMPORT_BUCKETS.filter((b) => section.counts[b] > 0).map((b) => rowFor(section, b));

export const realBreakages = (section: ImportsSection): { file: string; findings: ImportFinding[] }[] => {
  const byFile = new Map<string, ImportFinding[]>();
  for (const f of section.findings) {
    if (!REAL_BREAKAGE_BUCKETS.includes(f.bucket)) continue;
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  return [...byFile].sort((a, b) => byString(a[0], b[0])).map(([file, findings]) => ({ file, findings }));
};

export const importsHeadline = (section: ImportsSection): string => {
  const total = section.findings.length;
  if (total === 0) return 'No failing imports.';
  const real = section.findings.filter((f) => REAL_BREAKAGE_BUCKETS.includes(f.bucket));
  const realFiles = new Set(real.map((f) => f.file)).size;
  return `${plural(total, 'failing import')} → ${plural(section.rootCauses.length, 'root cause')}; ${plural(real.length, 'real breakage')}${real.length ? ` in ${plural(realFiles, 'file')}` : ''}.`;
};

/** `ocr.core.legacy_transforms` or `CoordinateValidator from ocr.core.validation`. */
export const importText = (f: ImportFinding): string => (f.name ? `${f.name} from ${f.specifier}` : f.specifier);

export const sectionOf = (audit: Audit): ImportsSection | null => audit.imports ?? null;
