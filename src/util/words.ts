/**
 * `1 file`, `3 files`; `many` for irregular plurals (`1 entry`, `2 entries`); `format` for how
 * the number is written (`1,071 files` with a thousands separator).
 */
export const plural = (n: number, one: string, many = `${one}s`, format: (n: number) => string = String): string =>
  `${format(n)} ${n === 1 ? one : many}`;
