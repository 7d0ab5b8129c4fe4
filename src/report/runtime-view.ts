/** The runtime evidence as people read it: the utilization line the seed worked out by hand, and its three lists. */
import type { Audit } from '../model/audit.js';

export const utilizationLine = (audit: Audit): string | null => {
  const r = audit.runtime;
  if (!r) return null;
  const u = r.utilization;
  const where = u.scope === '' ? 'the repo' : `${u.scope}/`;
  return `${u.loaded} of ${u.total} source files in ${where} loaded: ${u.pct.toFixed(1)}%`;
};

export interface RuntimeList {
  title: string;
  items: string[];
}

export const runtimeLists = (audit: Audit): RuntimeList[] => {
  const r = audit.runtime;
  if (!r) return [];
  return [
    { title: `Loaded in ${r.sources.map((s) => s.label).join(', ')}`, items: r.loaded },
    {
      title: 'Loaded at runtime; no static edge found (a dynamic import or command the analysis missed)',
      items: r.runtimeOnly.map((f) => `${f.file}${f.staticVerdict ? ` (static verdict: ${f.staticVerdict})` : ''}${f.hint ? ` — ${f.hint}` : ''}`),
    },
    { title: 'Dormant: statically production, never loaded', items: r.dormant },
    ...(r.byLabel.length > 1 ? [{ title: 'Per run', items: r.byLabel.map((l) => `${l.label}: ${l.loaded} of ${l.total} (${l.pct.toFixed(1)}%)`) }] : []),
  ];
};
