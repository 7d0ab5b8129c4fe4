/**
 * Stop 66: what an `os.walk` loop of a loader yields. neutron's import_modules_recursively
 * (common/utils.py:760) imports every module of every folder the walk reaches; quodlibet's
 * get_importables (util/importhelper.py:69) yields a subfolder that holds an `__init__.py` as one
 * package, by its folder's name (`yield (basename(root), root, …)`), so the modules inside a
 * subpackage are loaded only by that package's own imports, not by the walk. The loop's body is read
 * for the folder's own name (`basename(root)`, root being the walk's first loop variable): when it is
 * there, the walk reaches a folder's modules and its subpackages' `__init__.py`, not the modules below.
 */

/** `for root, dirs, files in os.walk(…):` (or a bare `walk(`): its first loop variable. */
const WALK_LOOP = /^([ \t]*)for[ \t]+\(?[ \t]*([A-Za-z_]\w*)[ \t]*,[^:\n]*?\bin[ \t]+(?:os[ \t]*\.[ \t]*)?walk[ \t]*\(/;

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
      if (named.test(line)) {
        out.add(l + 1);
        break;
      }
    }
  }
  return out;
};
