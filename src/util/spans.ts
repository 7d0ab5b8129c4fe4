/** Whether `offset` lies inside one of `spans` ([start, end), sorted and disjoint): a binary search. */
export const insideSpans = (spans: readonly [number, number][], offset: number): boolean => {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < spans[mid][0]) hi = mid - 1;
    else if (offset >= spans[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
};
