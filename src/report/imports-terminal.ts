/** `census imports` for people: the category table, the root causes ranked, then the real breakages file by file. */
import type { Audit } from '../model/audit.js';
import { formatDiagnostic } from '../util/diagnostics.js';
import { categoryRows, importsHeadline, importText, realBreakages } from './imports-view.js';
import { style } from './text.js';
import type { Reporter } from './types.js';
import { plural } from '../util/words.js';

const FILES_SHOWN = 5;
const WARNINGS_SHOWN = 10;

/** Columns padded to their widest cell; counts right-aligned. */
const layout = (header: string[], rows: string[][], numeric: Set<number>): string[] => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
};

export const renderImportsTerminal: Reporter = (audit: Audit, options) => {
  const s = style(options.color);
  const section = audit.imports;
  const out: string[] = [s.bold(`census ${audit.tool.version} imports — ${audit.root}`), ''];
  if (!section) return `${[...out, 'This Audit has no import triage (it was written by an older census).'].join('\n')}\n`;
  out.push(`Python: ${section.environment.note}`);
  if (section.environment.javascript) out.push(`JS/TS: ${section.environment.javascript.note}`);
  out.push('', s.bold(importsHeadline(section)));

  const rows = categoryRows(section);
  if (rows.length > 0) {
    out.push('', ...layout(['Category', 'Count', 'Reality', 'Action'], rows.map((r) => [r.bucket, String(r.count), r.reality, r.action]), new Set([1])));
  }
  if (section.rootCauses.length > 0) {
    out.push('', s.bold('Root causes, by how much they take down:'));
    section.rootCauses.forEach((c, i) => {
      out.push(`${String(i + 1).padStart(3)}. ${c.message}`);
      out.push(`     → ${c.action}`);
      const files = c.files ?? [];
      if (c.affectedFiles > 0 && files.length > 0) {
        const more = c.affectedFiles - Math.min(files.length, FILES_SHOWN);
        out.push(s.dim(`     affected: ${files.slice(0, FILES_SHOWN).join(', ')}${more > 0 ? ` … +${more} more` : ''}`));
      }
    });
  }
  const broken = realBreakages(section);
  if (section.findings.length > 0) out.push('', s.bold(broken.length > 0 ? 'Real breakages (broken-internal, missing-name, stdlib-removed), file by file:' : 'No real breakages: every failing import is an environment or declaration matter.'));
  for (const { file, findings } of broken) {
    out.push(`  ${file}`);
    for (const f of findings) out.push(`    ${s.red(`${String(f.line).padStart(4)}`)}  ${importText(f)} — ${f.bucket}${f.detail ? `: ${f.detail}` : ''}`);
  }
  if (section.verify) {
    const v = section.verify;
    out.push('', s.bold(`Verified with ${v.interpreter}: ${v.checked} modules imported, ${v.agree} agree with the static answer, ${v.disagreements.length} disagree${v.timeouts ? `, ${v.timeouts} timed out` : ''}.`));
    for (const d of v.disagreements) out.push(`  ${d.file}: static ${d.static}; actual ${d.actual}`);
  }
  const envWarnings = audit.warnings.filter((w) => w.id.startsWith('python-env/'));
  if (envWarnings.length > 0) {
    out.push('', s.yellow(`${plural(envWarnings.length, 'environment warning')}:`));
    for (const w of envWarnings.slice(0, WARNINGS_SHOWN)) out.push(`  ${formatDiagnostic(w)}`);
    if (envWarnings.length > WARNINGS_SHOWN) out.push(`  … ${envWarnings.length - WARNINGS_SHOWN} more (see --format json)`);
  }
  return `${out.join('\n')}\n`;
};
