/**
 * Edges whose sentence (`label`) is made each time it is read, from the edge's own fields and the
 * fact or reference that made it, instead of kept as a string from the moment the edge is made.
 * Most edges' labels are read once, when the Audit's JSON is written, and a few more when classify
 * writes the chains: at 100k files (saleor x22) 960,000 labels of about 187 characters each were
 * built during the resolve and frameworks stages and held to the end, 180 M characters that every
 * young-generation collection copied on their way to the old one (the scan's peak 1,343 → about
 * 1,120 MiB without them). The fact an import's label is made from stays in the scan's facts
 * anyway, and a reference's sentence in the framework readers' output.
 *
 * Each is an Edge to every reader of its fields; copies that keep own properties only must go
 * through `toJSON` (model/edge.ts plainEdge): `JSON.stringify` calls it itself, in the Edge's key
 * order; `v8.serialize` (the cache's snapshot) and `{ ...edge }` do not.
 */
import type { Edge, EdgeKind } from '../model/edge.js';
import type { Guard, ImportFact } from '../model/facts.js';
import { aboutFile } from '../util/sentences.js';
import { withPackageNote } from '../util/python-package.js';
import { importEdgeLabel } from './import-labels.js';

/**
 * A resolved import's edge. The label is made with the `via` the resolution gave: a later stage may
 * re-mark the edge (languages/python/test-flags.ts sets `via` to `test-flag`, then reads the label
 * to lengthen it), and the sentence it lengthens is the one the resolution's `via` made.
 */
export class ImportEdge implements Edge {
  from: string;
  to: string;
  kind: EdgeKind;
  line: number;
  specifier: string;
  names: string[];
  guard: Guard | null;
  via: string;
  readonly #fact: ImportFact;
  readonly #via: string;
  readonly #mapping: string | undefined;
  /** A label set over the made one (test-flags lengthens a few). */
  #label: string | undefined;

  constructor(from: string, to: string, kind: EdgeKind, fact: ImportFact, names: string[], via: string, mapping: string | undefined) {
    this.from = from;
    this.to = to;
    this.kind = kind;
    this.line = fact.line;
    this.specifier = fact.specifier;
    this.names = names;
    this.guard = fact.guard;
    this.via = via;
    this.#fact = fact;
    this.#via = via;
    this.#mapping = mapping;
    this.#label = undefined;
  }

  get label(): string {
    return this.#label ?? importEdgeLabel(this.to, this.#via, this.from, this.#fact, this.names, this.#mapping);
  }

  set label(label: string) {
    this.#label = label;
  }

  /** The label, kept from now on (model/edge.ts keptLabel: a chain's hop, shared by every file the chain reaches through it). */
  keptLabel(): string {
    return this.#label ??= importEdgeLabel(this.to, this.#via, this.from, this.#fact, this.names, this.#mapping);
  }

  /** The def an import sits in (Python): the fact's, as the edge always had it. */
  get within(): string | undefined {
    return this.#fact.within;
  }

  /** The edge as the Audit has it: keys in the order a literal edge had them, `within` last and only when set. */
  toJSON(): Edge {
    const { from, to, kind, line, specifier, names, guard, via, label } = this;
    const within = this.#fact.within;
    return within === undefined ? { from, to, kind, line, specifier, names, guard, via, label } : { from, to, kind, line, specifier, names, guard, via, label, within };
  }
}

/** A framework reader's reference to a file: "<to> is named in …", the reader's sentence about it. */
export class ReferenceEdge implements Edge {
  from: string;
  to: string;
  kind: EdgeKind;
  line: number;
  specifier: string;
  names: string[];
  guard: Guard | null;
  via: string;
  /** The reader's sentence, shared with its reference. */
  readonly #predicate: string;
  /** A package above the named module: the sentence says a package runs before its modules. */
  readonly #packageNote: boolean;
  #label: string | undefined;

  constructor(from: string, to: string, line: number, specifier: string, names: string[], via: string, predicate: string, packageNote: boolean) {
    this.from = from;
    this.to = to;
    this.kind = 'reference';
    this.line = line;
    this.specifier = specifier;
    this.names = names;
    this.guard = null;
    this.via = via;
    this.#predicate = predicate;
    this.#packageNote = packageNote;
    this.#label = undefined;
  }

  get label(): string {
    return this.#label ?? aboutFile(this.to, this.#packageNote ? withPackageNote(this.#predicate) : this.#predicate);
  }

  set label(label: string) {
    this.#label = label;
  }

  /** The label, kept from now on (model/edge.ts keptLabel). */
  keptLabel(): string {
    return this.#label ??= aboutFile(this.to, this.#packageNote ? withPackageNote(this.#predicate) : this.#predicate);
  }

  toJSON(): Edge {
    const { from, to, kind, line, specifier, names, guard, via, label } = this;
    return { from, to, kind, line, specifier, names, guard, via, label };
  }
}
