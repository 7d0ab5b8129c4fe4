/** A file's fingerprint set: its winnowed hashes, sorted and de-duplicated (what the index is built from). */

export const sortedUnique = (values: Uint32Array): Uint32Array => {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
};
