/**
 * Python entry-point references as packaging writes them: `pkg.cli:main`, `pkg.cli:App.run`,
 * `pkg.cli:main [extra]`, or a bare module `pkg.cli`. The module is what gets imported.
 */
const REFERENCE = /^\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*(?::\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*))?\s*(?:\[[^\]]*\])?\s*$/;

export interface EntryPointReference {
  module: string;
  attr?: string;
}

export const parseEntryPointReference = (value: string): EntryPointReference | null => {
  const m = REFERENCE.exec(value);
  if (!m) return null;
  return m[2] ? { module: m[1], attr: m[2] } : { module: m[1] };
};

/** `name = pkg.mod:func` lines (setup.cfg values, setup.py entry_points strings). */
export const parseEntryPointLine = (line: string): { name: string; reference: string } | null => {
  const m = /^\s*([^=\s][^=]*?)\s*=\s*(.+?)\s*$/.exec(line);
  return m ? { name: m[1], reference: m[2] } : null;
};
