/**
 * Globs as census reads them everywhere (--include/--exclude, config globs): a pattern also
 * covers the folder below it (`scripts` → `scripts/**`), a leading `./` is dropped, and dot files
 * match.
 */
import picomatch from 'picomatch';

export const compileGlobs = (globs: string[]): ((path: string) => boolean) => {
  if (globs.length === 0) return () => false;
  return picomatch(
    globs.flatMap((g) => {
      const clean = g.replace(/^\.\//, '').replace(/\/$/, '');
      return [clean, `${clean}/**`];
    }),
    { dot: true },
  );
};
