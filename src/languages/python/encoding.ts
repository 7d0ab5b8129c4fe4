/** PEP 263: a Python file may name its encoding in a comment on its first two lines. */

const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The encoding a coding line declares (lower-case), or null. */
export const declaredPythonEncoding = (bytes: Uint8Array): string | null => {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').split('\n', 2);
  for (const line of head) {
    const m = CODING.exec(line);
    if (m) return m[1].toLowerCase();
  }
  return null;
};
