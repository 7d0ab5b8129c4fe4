/**
 * The (name, line, file) triples one file's references have already given an edge for
 * (graph/framework-edges.ts): one edge per (from, to, line, name). A name's pairs are few (a
 * module and the packages above it, on a line or two), so they sit in a flat array compared in
 * place, with no key string made per candidate; a name a file repeats on many lines (a template
 * naming one static file hundreds of times) moves to a Set once its array is long, so the check
 * never turns quadratic.
 */

/** Pairs held in a flat array before a name's set takes over. */
const FLAT_PAIRS = 16;

/** `line, to, line, to, …`, or the set of `line\0to` once long. */
type Pairs = (number | string)[] | Set<string>;

export class NamedInFile {
  readonly #byName = new Map<string, Pairs>();

  /** True the first time (name, line, to) is added, false after. */
  add(name: string, line: number, to: string): boolean {
    const pairs = this.#byName.get(name);
    if (pairs === undefined) {
      this.#byName.set(name, [line, to]);
      return true;
    }
    if (!Array.isArray(pairs)) {
      const key = `${line}\0${to}`;
      if (pairs.has(key)) return false;
      pairs.add(key);
      return true;
    }
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === line && pairs[i + 1] === to) return false;
    if (pairs.length < 2 * FLAT_PAIRS) {
      pairs.push(line, to);
      return true;
    }
    const set = new Set<string>();
    for (let i = 0; i < pairs.length; i += 2) set.add(`${pairs[i]}\0${pairs[i + 1]}`);
    set.add(`${line}\0${to}`);
    this.#byName.set(name, set);
    return true;
  }
}
