/**
 * The first index of a sorted list whose key is at or after `value` (the list's length when none
 * is): a binary search, for the lookups that ask "the last item before a position" (index − 1) or
 * "the items at a line" (from the index on).
 */
export const lowerBound = <T>(items: readonly T[], keyOf: (item: T) => number, value: number): number => {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
