/** "Did you mean": the closest known word to a misspelt command or option, when one is close. */

const distance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
};

/** The known word within a third of the typed word's length in edits (at least 2, at most 3), or null. */
export const closest = (typed: string, known: readonly string[]): string | null => {
  const limit = Math.min(3, Math.max(2, Math.floor(typed.length / 3)));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const word of known) {
    const d = distance(typed, word);
    if (d < bestDistance || (d === bestDistance && best !== null && word < best)) {
      best = word;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : null;
};
