/**
 * The folder a name holds when every assignment of it names the same one: env-folders reads
 * `process.env.NAME = …`, property-folder `a.name = …`. One assignment census cannot read, or two
 * that name different folders, leave the name's folder unknown (null), as does no assignment.
 */

/** A folder and the assignment that names it, for the evidence. */
export interface NamedFolder {
  folder: string;
  why: string;
}

/**
 * The one folder all of `assignments` name, with the first one's evidence; null when one names no
 * folder or two disagree. Read lazily and left at the first that settles it, so a generator's
 * later files are never read; `why` is asked of the first assignment only.
 */
export const agreedFolder = (assignments: Iterable<{ folder: string | null; why: () => string }>): NamedFolder | null => {
  let found: NamedFolder | null = null;
  for (const a of assignments) {
    if (a.folder === null || (found !== null && found.folder !== a.folder)) return null;
    found ??= { folder: a.folder, why: a.why() };
  }
  return found;
};
