/**
 * Lock files (uv.lock, poetry.lock, pdm.lock, Pipfile.lock) name every distribution an install
 * puts in the environment, the ones the manifests pull in indirectly too (`google-api-core`
 * through `google-cloud-pubsub`). An import they provide works after `uv sync`/`poetry install`,
 * so they count as declared, in the group `lock`. Read with a pattern per format, never run.
 */
import { warning } from '../../../util/diagnostics.js';
import { basename } from '../../../util/path.js';
import type { DeclaredSink } from './declared-sink.js';

export const isLockFile = (path: string): boolean => /^(uv|poetry|pdm)\.lock$|^Pipfile\.lock$/.test(basename(path));

/**
 * The 1-based line of an offset, counted on from the offset asked before when it is not behind it
 * (the packages are asked in text order): counting from the start for each of a lock's hundreds of
 * packages was quadratic (saleor's uv.lock: 231 packages, 281 KB).
 */
const lineCounter = (text: string): ((index: number) => number) => {
  let line = 1;
  let from = 0; // every line break before `from` is counted in `line`, and none from there to the last offset asked
  return (index) => {
    if (index < from) {
      line = 1;
      from = 0;
    }
    for (let i = text.indexOf('\n', from); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
      line++;
      from = i + 1;
    }
    return line;
  };
};

export const readLockFile = (file: string, text: string, sink: DeclaredSink): void => {
  const lineOf = lineCounter(text);
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
