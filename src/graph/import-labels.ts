/**
 * The sentence an import's edge carries about its target: who imports it, where, under which
 * names, and how it was found ("pkg/x.py is imported by app/main.py:4 (as a)"). Made from the
 * fact and the resolution's few fields, whenever an edge's label is read (graph/lazy-label-edges.ts).
 */
import type { ImportFact } from '../model/facts.js';
import { aboutFile } from '../util/sentences.js';
import { joined } from '../util/own-string.js';
import { PACKAGE_RUNS_FIRST } from '../util/python-package.js';

/**
 * ` (as a, b)`: the names the import binds for this target, when there are one to three and none
 * is `*`. Read off the fact without building the lists (one label per edge: 40,000 on saleor).
 */
const boundNames = (fact: ImportFact, names: string[]): string => {
  if (fact.alias) return fact.alias === '*' ? '' : ` (as ${fact.alias})`;
  let as = '';
  let count = 0;
  for (const n of fact.names) {
    if (names.length !== 0 && !names.includes(n.name)) continue;
    const bound = n.alias ?? n.name;
    if (bound === '*' || ++count > 3) return '';
    as = count === 1 ? bound : `${as}, ${bound}`;
  }
  return count === 0 ? '' : ` (as ${as})`;
};

/**
 * Stop 54: an import inside a function runs only when the function is called, which a chain
 * through it would otherwise hide (`plugins/a.py is imported by app.py:40 inside def load_plugins: …`).
 */
const whenCalled = (fact: ImportFact): string =>
  fact.within !== undefined ? ` inside def ${fact.within}: it runs when that function is called`
  : fact.guard === 'function' ? ' inside a function: it runs when that function is called'
  : '';

// The sentences below start with words `aboutFile` follows with " is ": joined here in one step.
const importLabel = (to: string, from: string, fact: ImportFact, names: string[]): string => {
  if (fact.syntax === 'reference-path' || fact.syntax === 'reference-types') {
    const attribute = fact.syntax === 'reference-path' ? 'path' : 'types';
    return aboutFile(to, `named by the directive /// <reference ${attribute}="${fact.specifier}" /> in ${from}:${fact.line} (TypeScript reads it with that file)`);
  }
  return joined(to, ' is imported by ', from, ':', fact.line, boundNames(fact, names), whenCalled(fact));
};

/**
 * Stop 44: an import found through an absolute sys.path folder placed in the tree
 * (`sys-path:usr/bin/app:4 (/usr/share/app is usr/share/app/ of …)`, sys-path-scopes.ts) says where.
 * Stop 45: so does one found in the folder of a script that reaches it (`script-folder:usr/share/hplip/align.py (…)`, resolver.ts).
 */
const placedRoot = (via: string | undefined): string =>
  via === undefined ? ''
  : via.startsWith('sys-path:') && via.endsWith(')') ? `, on sys.path by ${via.slice(9)}`
  : via.startsWith('script-folder:') ? `, found in the folder of the script ${via.slice(14)}, which Python puts first on sys.path`
  : '';

/** How a resolved import reaches its file, as a sentence about that file. */
const edgeLabel = (to: string, via: string | undefined, from: string, fact: ImportFact, names: string[]): string =>
  via === 'package-init' ? joined(to, ' is run by the import in ', from, ':', fact.line, whenCalled(fact), ` (${PACKAGE_RUNS_FIRST})`)
  : via === 'stub' ? joined(to, ' is the type stub read for the import in ', from, ':', fact.line)
  : importLabel(to, from, fact, names) + placedRoot(via);

/**
 * The label of an import's edge to `target`, found with `via`, binding `names` of the import's
 * names (empty: all of them), with the mapping that found it when one did.
 */
export const importEdgeLabel = (target: string, via: string | undefined, from: string, fact: ImportFact, names: string[], mapping: string | undefined): string => {
  const sentence = edgeLabel(target, via, from, fact, names);
  return mapping ? joined(sentence, ', "', fact.specifier, '" mapped by ', mapping) : sentence;
};
