/** PEP 263: a Python file may name its encoding in a comment on its first two lines. */

const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The encoding a coding line declares (lower-case), or null. */
export const declaredPythonEncoding = (bytes: Uint8Array): string | null => {
  const first = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512));
  // Almost no file has a coding line: a byte search (no copy, no string) answers for those.
  if (!first.includes('coding', 0, 'latin1')) return null;
  const head = first.toString('latin1').split('\n', 2);
  for (const line of head) {
    const m = CODING.exec(line);
    if (m) return m[1].toLowerCase();
  }
  return null;
};
