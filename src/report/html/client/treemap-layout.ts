/**
 * Squarified treemap layout (Bruls, Huizing, van Wijk 2000): fills a rectangle with one
 * rectangle per value, area proportional to the value, keeping each as close to square as it can.
 * Pure; values are laid out in the order given (callers sort them largest first).
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The worst aspect ratio in a row of areas laid along a side of length `side`. */
export function worstRatio(row: number[], side: number): number {
  const sum = row.reduce((s, a) => s + a, 0);
  const max = Math.max(...row);
  const min = Math.min(...row);
  return Math.max((side * side * max) / (sum * sum), (sum * sum) / (side * side * min));
}

export function squarify(values: number[], rect: Rect): Rect[] {
  const out: Rect[] = values.map(() => ({ x: rect.x, y: rect.y, w: 0, h: 0 }));
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  if (total <= 0 || rect.w <= 0 || rect.h <= 0) return out;
  const scale = (rect.w * rect.h) / total;
  const items = values.map((v, i) => ({ i, area: Math.max(0, v) * scale })).filter((it) => it.area > 0);
  let { x, y, w, h } = rect;
  let start = 0;
  while (start < items.length) {
    const side = Math.min(w, h);
    let end = start + 1;
    while (end < items.length) {
      const current = items.slice(start, end).map((it) => it.area);
      if (worstRatio([...current, items[end].area], side) > worstRatio(current, side)) break;
      end++;
    }
    const row = items.slice(start, end);
    const sum = row.reduce((s, it) => s + it.area, 0);
    if (w >= h) {
      // A column along the left edge.
      const cw = Math.min(w, sum / h);
      let yy = y;
      for (const it of row) {
        const rh = it.area / cw;
        out[it.i] = { x, y: yy, w: cw, h: rh };
        yy += rh;
      }
      x += cw;
      w -= cw;
    } else {
      // A row along the top edge.
      const rh = Math.min(h, sum / w);
      let xx = x;
      for (const it of row) {
        const rw = it.area / rh;
        out[it.i] = { x: xx, y, w: rw, h: rh };
        xx += rw;
      }
      y += rh;
      h -= rh;
    }
    start = end;
  }
  return out;
}
