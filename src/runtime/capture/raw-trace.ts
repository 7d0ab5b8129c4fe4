/**
 * The hooks' shared log: `<pid>\t<absolute path>` per loaded file and `<pid>\t#<runtime> <version>`
 * once per process. Lines from different processes interleave; each line is whole.
 */
import { byString } from '../../util/compare.js';

export interface RawTrace {
  /** Every path any process recorded, in first-seen order, without duplicates. */
  paths: string[];
  /** Traced processes per runtime (`python`, `node`): how many started with the hook. */
  processes: Record<string, number>;
}

export const parseRawTrace = (text: string): RawTrace => {
  const paths = new Set<string>();
  const processes = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const pid = line.slice(0, tab);
    const rest = line.slice(tab + 1);
    if (rest.startsWith('#')) {
      const runtime = rest.slice(1).split(' ')[0];
      (processes.get(runtime) ?? processes.set(runtime, new Set()).get(runtime)!).add(pid);
    } else if (rest !== '') {
      paths.add(rest);
    }
  }
  const counts: Record<string, number> = {};
  for (const runtime of [...processes.keys()].sort(byString)) counts[runtime] = processes.get(runtime)!.size;
  return { paths: [...paths], processes: counts };
};
