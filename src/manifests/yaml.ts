/**
 * YAML with positions: compose files, Kubernetes manifests, CI workflows. Detectors walk the
 * node tree (not plain JS values) so every command keeps its line. Syntax errors become
 * diagnostics naming file and line, and whatever the parser recovered is still walked.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Alias, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../util/diagnostics.js';
import type { ManifestFormat } from './store.js';

export type YamlNode = Node | null | undefined;

/** `<<` merge keys: a plain '<<', or the Symbol the parser makes of it when merging is on. */
const isMergeKey = (key: unknown): boolean => isScalar(key) && (key.value === '<<' || typeof key.value === 'symbol');

/** A map key as text; keys that are not scalars (`? [a, b]`) have none. */
const keyText = (key: unknown): string | null =>
  isScalar(key) && key.value !== null && typeof key.value !== 'symbol' && typeof key.value !== 'object' ? String(key.value) : null;

/**
 * How many merge sources one lookup may visit. Merge keys can fan out (`<<: [*a, *a, *a]` at every
 * level of a chain of anchors): a 577-byte file can name billions of paths. Each map is searched
 * once per lookup, and a lookup that would visit more sources than this (or recurse that deep)
 * gives up on the key.
 */
export const MERGE_BUDGET = 10_000;

export class YamlDoc {
  /** Each alias resolved once: the library's resolve() searches the whole document every time. */
  private readonly resolved = new Map<Alias, YamlNode>();
  private mergeVisits = 0;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  get root(): YamlNode {
    return this.deref(this.doc.contents as YamlNode);
  }

  deref(node: unknown): YamlNode {
    let n = node as YamlNode;
    for (let hops = 0; n && isAlias(n) && hops < 20; hops++) {
      const alias: Alias = n;
      if (!this.resolved.has(alias)) this.resolved.set(alias, alias.resolve(this.doc) as YamlNode);
      n = this.resolved.get(alias);
    }
    return n && isAlias(n) ? null : n;
  }

  /** `map[key]`, honouring `<<: *anchor` merge keys (GitLab CI templates use them). */
  get(node: YamlNode, key: string): YamlNode {
    this.mergeVisits = 0;
    return this.lookup(node, key, new Set());
  }

  private lookup(node: YamlNode, key: string, seen: Set<Node>): YamlNode {
    const map = this.deref(node);
    if (!map || !isMap(map)) return undefined;
    for (const pair of map.items) if (!isMergeKey(pair.key) && keyText(pair.key) === key) return this.deref(pair.value);
    // A map already searched for this key without success is not searched again: fan-out stays linear.
    if (seen.has(map)) return undefined;
    seen.add(map);
    for (const pair of map.items) {
      if (!isMergeKey(pair.key)) continue;
      const sources = this.deref(pair.value);
      for (const source of sources && isSeq(sources) ? sources.items : [sources]) {
        if (++this.mergeVisits > MERGE_BUDGET) return undefined;
        const found = this.lookup(source as YamlNode, key, seen);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  /** The key/value pairs of a map, in order (merge keys left out). */
  entries(node: YamlNode): [string, YamlNode, number][] {
    const map = this.deref(node);
    if (!map || !isMap(map)) return [];
    const out: [string, YamlNode, number][] = [];
    for (const pair of map.items) {
      const key = isMergeKey(pair.key) ? null : keyText(pair.key);
      if (key !== null) out.push([key, this.deref(pair.value), this.lineOf(pair.key as Node)]);
    }
    return out;
  }

  items(node: YamlNode): YamlNode[] {
    const seq = this.deref(node);
    return seq && isSeq(seq) ? seq.items.map((i) => this.deref(i)) : [];
  }

  /** A scalar's text (numbers and booleans as written in YAML's JSON form), else undefined. */
  str(node: YamlNode): string | undefined {
    const n = this.deref(node);
    if (!n || !isScalar(n) || n.value === null || n.value === undefined) return undefined;
    return typeof n.value === 'object' ? undefined : String(n.value);
  }

  /** A node's explicit tag (`!reference`), if any. */
  tag(node: YamlNode): string | undefined {
    return this.deref(node)?.tag;
  }

  isMap(node: YamlNode): boolean {
    const n = this.deref(node);
    return !!n && isMap(n);
  }

  isSeq(node: YamlNode): boolean {
    const n = this.deref(node);
    return !!n && isSeq(n);
  }

  /** 1-based line of a node; a block scalar (`run: |`) counts from its first content line. */
  lineOf(node: YamlNode): number {
    const n = this.deref(node);
    const start = n?.range?.[0];
    if (start === undefined) return 0;
    const line = this.lines.linePos(start).line;
    return n && isScalar(n) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') ? line + 1 : line;
  }
}

export interface YamlFile {
  docs: YamlDoc[];
  diagnostics: Diagnostic[];
}

export const parseYamlFile = (text: string, file: string): YamlFile => {
  const lines = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const docs: YamlDoc[] = [];
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, { lineCounter: lines, merge: true, uniqueKeys: false, prettyErrors: false }) as Document.Parsed[];
  } catch (e) {
    return { docs, diagnostics: [warning('manifest/invalid-yaml', `invalid YAML: ${(e as Error).message}`, file, 1)] };
  }
  if (!Array.isArray(parsed)) parsed = [];
  for (const doc of parsed) {
    for (const error of doc.errors.slice(0, 1)) {
      const line = error.linePos?.[0]?.line ?? lines.linePos(error.pos[0]).line;
      const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      diagnostics.push(warning('manifest/invalid-yaml', `invalid YAML: ${reason}`, file, line));
    }
    docs.push(new YamlDoc(doc, lines));
  }
  return { docs, diagnostics };
};

/** Every document of a YAML file (what the parser recovered, even from a broken one). */
export const YAML: ManifestFormat<YamlDoc[]> = {
  id: 'yaml',
  parse: (text, path) => {
    const { docs, diagnostics } = parseYamlFile(text, path);
    return { value: docs, diagnostics };
  },
};
