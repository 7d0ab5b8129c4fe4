/**
 * Stop 66: what an `os.walk` loop of a loader yields. neutron's import_modules_recursively
 * (common/utils.py:760) imports every module of every folder the walk reaches; quodlibet's
 * get_importables (util/importhelper.py:69) yields a subfolder that holds an `__init__.py` as one
 * package, by its folder's name (`yield (basename(root), root, …)`), so the modules inside a
 * subpackage are loaded only by that package's own imports, not by the walk. The loop's body is read
 * for the folder's own name (`basename(root)`, root being the walk's first loop variable) as what the
 * loop hands out (a `yield`, `return` or `.append(`/`.add(` on that line): when it is there, the walk
 * reaches a folder's modules and its subpackages' `__init__.py`, not the modules below. Review of stop
 * 66: a per-file walk that only tests the name (`if os.path.basename(root) == '__pycache__': continue`)
 * still imports every module below; it took packages mode and those modules looked dead.
 */

/** `for root, dirs, files in os.walk(…):` (or a bare `walk(`): its first loop variable. */
const WALK_LOOP = /^([ \t]*)for[ \t]+\(?[ \t]*([A-Za-z_]\w*)[ \t]*,[^:\n]*?\bin[ \t]+(?:os[ \t]*\.[ \t]*)?walk[ \t]*\(/;

/** What a line hands out before the folder's name: a `yield`, a `return`, an `.append(`/`.add(` (and no comment opened). */
const HANDS_OUT = /\byield\b|\breturn\b|\.(?:append|add)\s*\(/;
const handsOut = (before: string): boolean => !before.includes('#') && HANDS_OUT.test(before);

/** At most this many lines of a loop's body are read. */
const MAX_BODY = 200;

/**
 * The 1-based lines of the `os.walk` loops of `text` whose body names the walked folder itself
 * (`basename(root)`, `os.path.basename(root)`): walks that yield a subpackage whole.
 */
export const walksYieldingPackages = (text: string): Set<number> => {
  const out = new Set<number>();
  if (!/\bwalk[ \t]*\(/.test(text)) return out;
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const m = WALK_LOOP.exec(lines[l]);
    if (m === null) continue;
    const indent = m[1].length;
    const named = new RegExp(String.raw`\bbasename\s*\(\s*${m[2]}\s*\)`);
    for (let b = l + 1; b < lines.length && b <= l + MAX_BODY; b++) {
      const line = lines[b];
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      if (line.length - line.trimStart().length <= indent) break;
      const at = line.search(named);
      if (at >= 0 && handsOut(line.slice(0, at))) {
        out.add(l + 1);
        break;
      }
    }
  }
  return out;
};
