/**
 * Look up a module name in an index of import names, where some names are namespace packages
 * shared by several distributions. `google.cloud.storage` is not provided by whoever provides
 * the `google` namespace; `yaml.constructor` is provided by whoever provides `yaml`.
 */

export interface ImportNameIndex {
  /** Import name (top-level, or dotted below a namespace package) → normalised distribution names. */
  names: ReadonlyMap<string, readonly string[]>;
  namespaces: ReadonlySet<string>;
}

/** The owners of the longest indexed prefix of `moduleName`, or null when none provides it. */
export const lookupImportName = (index: ImportNameIndex, moduleName: string): readonly string[] | null => {
  const parts = moduleName.split('.');
  for (let n = parts.length; n >= 1; n--) {
    const prefix = parts.slice(0, n).join('.');
    const owners = index.names.get(prefix);
    if (owners === undefined) continue;
    // A namespace portion only provides itself; a deeper module needs its own owner.
    if (n < parts.length && index.namespaces.has(prefix)) return null;
    return owners;
  }
  return null;
};

/** Build an index from distribution → import names; dotted names make their parents namespaces. */
export const indexImportNames = (byDistribution: Iterable<[string, Iterable<string>]>): ImportNameIndex => {
  const names = new Map<string, string[]>();
  const namespaces = new Set<string>();
  const add = (name: string, dist: string): void => {
    const owners = names.get(name);
    if (!owners) names.set(name, [dist]);
    else if (!owners.includes(dist)) owners.push(dist);
  };
  for (const [dist, importNames] of byDistribution) {
    for (const name of importNames) {
      add(name, dist);
      const parts = name.split('.');
      for (let n = 1; n < parts.length; n++) {
        const parent = parts.slice(0, n).join('.');
        namespaces.add(parent);
        add(parent, dist);
      }
    }
  }
  return { names, namespaces };
};
