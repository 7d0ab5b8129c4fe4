/**
 * Lock files (uv.lock, poetry.lock, pdm.lock, Pipfile.lock) name every distribution an install
 * puts in the environment, the ones the manifests pull in indirectly too (`google-api-core`
 * through `google-cloud-pubsub`). An import they provide works after `uv sync`/`poetry install`,
 * so they count as declared, in the group `lock`. Read with a pattern per format, never run.
 */
import { warning } from '../../../util/diagnostics.js';
import { basename } from '../../../util/path.js';
import type { DeclaredSink } from './declared-sink.js';
import { lineOfOffset, lineStarts } from '../../../util/lines.js';

export const isLockFile = (path: string): boolean => /^(uv|poetry|pdm)\.lock$|^Pipfile\.lock$/.test(basename(path));

export const readLockFile = (file: string, text: string, sink: DeclaredSink): void => {
  // One table per lock: Pipfile.lock's packages are asked out of text order (default, then develop).
  const starts = lineStarts(text);
  const lineOf = (index: number): number => lineOfOffset(starts, index);
  if (basename(file) === 'Pipfile.lock') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      sink.diagnostics.push(warning('python-env/malformed-manifest', 'Pipfile.lock is not valid JSON', file));
      return;
    }
    for (const section of ['default', 'develop']) {
      const packages = (data as Record<string, unknown> | null)?.[section];
      if (typeof packages !== 'object' || packages === null) continue;
      for (const name of Object.keys(packages)) {
        const at = text.indexOf(`"${name}"`);
        sink.add(name, { file, line: at < 0 ? 1 : lineOf(at), group: 'lock' });
      }
    }
    return;
  }
  // TOML locks: every [[package]] table starts with its name.
  for (const m of text.matchAll(/^\[\[package\]\]\s*\r?\nname\s*=\s*"([^"]+)"/gm)) {
    sink.add(m[1], { file, line: lineOf(m.index ?? 0) + 1, group: 'lock' });
  }
};
