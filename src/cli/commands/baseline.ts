/**
 * `census baseline [path]`: accept today's findings. Writes `.census/baseline.json` under the
 * scanned path (the one file besides traces census writes by default, and only when asked) and
 * says what it wrote and how that differs from the previous baseline.
 */
import { incompleteSentence } from '../../report/guardrails/check-view.js';
import { plural } from '../../util/words.js';
import type { Finding } from '../../model/findings.js';
import { BASELINE_FILE, readBaseline, writeBaseline } from '../../store/baseline.js';
import { toPosix, relativeNative, joinAbsolute } from '../../util/path.js';
import { EXIT_OK, type Command } from '../command.js';
import { guardrailScan } from '../../guardrails/scan.js';
import { SCAN_OPTIONS } from '../options.js';
import { scanOptionsFrom } from '../scan-options.js';

const KIND_WORDS: Record<Finding['kind'], string> = { dead: 'dead file', import: 'import finding', duplicate: 'duplicate cluster', 'exec-not-found': 'command running a missing file' };

const breakdown = (findings: Finding[]): string => {
  const counts = new Map<Finding['kind'], number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const parts = (Object.keys(KIND_WORDS) as Finding['kind'][]).filter((k) => counts.has(k)).map((k) => plural(counts.get(k)!, KIND_WORDS[k]));
  return parts.length > 0 ? `: ${parts.join(', ')}` : '';
};

export const baselineCommand: Command = {
  name: 'baseline',
  summary: `accept today's findings: write them to ${BASELINE_FILE}, which census check compares against`,
  usage: 'census baseline [path]',
  options: [...SCAN_OPTIONS],
  details: [
    'Findings are keyed by path, kind and specifier (never line numbers), so moving code does not make them new:',
    '  dead:<path>  import:<bucket>:<file>:<specifier>[:<name>]  dupe:<kind>:<files>  exec-not-found:<file>:<target>',
    'Commit the file; regenerate it when you accept new findings or to lock in fixed ones.',
  ],
  run: async (args, io) => {
    const { audit, rootAbs, findings, incomplete } = await guardrailScan(scanOptionsFrom(args, io, { whole: true }));
    const previous = readBaseline(rootAbs);
    const keys = findings.map((f) => f.key);
    writeBaseline(rootAbs, {
      census: audit.tool.version,
      commit: audit.git?.commit ?? null,
      date: audit.generatedAt,
      ...(audit.imports ? { environment: audit.imports.environment.mode } : {}),
      findings: keys,
    });
    const shown = toPosix(relativeNative(io.cwd, joinAbsolute(rootAbs, BASELINE_FILE))) || BASELINE_FILE;
    const lines = [`wrote ${shown}: ${plural(keys.length, 'accepted finding')}${breakdown(findings)}`];
    if (previous) {
      const before = new Set(previous.findings);
      const now = new Set(keys);
      const added = keys.filter((k) => !before.has(k)).length;
      const dropped = previous.findings.filter((k) => !now.has(k)).length;
      lines.push(`the previous baseline had ${previous.findings.length}: ${added} added, ${dropped} no longer found and dropped`);
    }
    const incompleteText = incompleteSentence(incomplete);
    if (incompleteText) lines.push(`warning: ${incompleteText} (${[...incomplete.files, ...incomplete.crashes.map((d) => d.id)].slice(0, 5).join(', ')}${incomplete.files.length + incomplete.crashes.length > 5 ? ', …' : ''}); findings in them are not in the baseline`);
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
