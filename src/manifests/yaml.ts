/**
 * YAML with positions: compose files, Kubernetes manifests, CI workflows. Detectors walk the
 * node tree (not plain JS values) so every command keeps its line. Syntax errors become
 * diagnostics naming file and line, and whatever the parser recovered is still walked.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Alias, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { warning } from '../util/diagnostics.js';
import type { ManifestFormat } from './store.js';
import { readBlockYaml, type BlockNode } from './yaml-block.js';

/** A node of either reader: the library's, or the focused block reader's (yaml-block.ts). Opaque to callers. */
export type YamlNode = Node | BlockNode | null | undefined;

/** What detectors ask of one YAML document; every node they hold comes from the same document. */
export interface YamlDoc {
  readonly root: YamlNode;
  /** `map[key]`, honouring `<<: *anchor` merge keys (GitLab CI templates use them). */
  get(node: YamlNode, key: string): YamlNode;
  /** The key/value pairs of a map, in order (merge keys left out), each with its key's line. */
  entries(node: YamlNode): [string, YamlNode, number][];
  items(node: YamlNode): YamlNode[];
  /** A scalar's text (numbers and booleans as written in YAML's JSON form), else undefined. */
  str(node: YamlNode): string | undefined;
  /** A node's explicit tag (`!reference`), if any. */
  tag(node: YamlNode): string | undefined;
  isMap(node: YamlNode): boolean;
  isSeq(node: YamlNode): boolean;
  /** 1-based line of a node; a block scalar (`run: |`) counts from its first content line. */
  lineOf(node: YamlNode): number;
}

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

/** A document the `yaml` library parsed: aliases, merge keys, tags, anything. */
class LibraryYamlDoc implements YamlDoc {
  /** Each alias resolved once: the library's resolve() searches the whole document every time. */
  private readonly resolved = new Map<Alias, Node | undefined>();
  private mergeVisits = 0;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  get root(): YamlNode {
    return this.deref(this.doc.contents as YamlNode);
  }

  private deref(node: unknown): Node | null | undefined {
    let n = node as Node | null | undefined;
    for (let hops = 0; n && isAlias(n) && hops < 20; hops++) {
      const alias: Alias = n;
      if (!this.resolved.has(alias)) this.resolved.set(alias, alias.resolve(this.doc) as Node | undefined);
      n = this.resolved.get(alias);
    }
    return n && isAlias(n) ? null : n;
  }

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

  str(node: YamlNode): string | undefined {
    const n = this.deref(node);
    if (!n || !isScalar(n) || n.value === null || n.value === undefined) return undefined;
    return typeof n.value === 'object' ? undefined : String(n.value);
  }

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

/** A document the block reader read: no aliases, merge keys or tags, so each lookup is direct. */
class BlockYamlDoc implements YamlDoc {
  constructor(readonly root: BlockNode) {}

  get(node: YamlNode, key: string): YamlNode {
    const n = node as BlockNode | null | undefined;
    if (n?.kind !== 'map') return undefined;
    for (const [k, v] of n.items) if (k.value !== null && String(k.value) === key) return v;
    return undefined;
  }

  entries(node: YamlNode): [string, YamlNode, number][] {
    const n = node as BlockNode | null | undefined;
    if (n?.kind !== 'map') return [];
    const out: [string, YamlNode, number][] = [];
    for (const [k, v] of n.items) if (k.value !== null) out.push([String(k.value), v, k.line]);
    return out;
  }

  items(node: YamlNode): YamlNode[] {
    const n = node as BlockNode | null | undefined;
    return n?.kind === 'seq' ? n.items : [];
  }

  str(node: YamlNode): string | undefined {
    const n = node as BlockNode | null | undefined;
    return n?.kind === 'scalar' && n.value !== null ? String(n.value) : undefined;
  }

  tag(): string | undefined {
    return undefined;
  }

  isMap(node: YamlNode): boolean {
    return (node as BlockNode | null | undefined)?.kind === 'map';
  }

  isSeq(node: YamlNode): boolean {
    return (node as BlockNode | null | undefined)?.kind === 'seq';
  }

  lineOf(node: YamlNode): number {
    return (node as BlockNode | null | undefined)?.line ?? 0;
  }
}

/**
 * How deep `[` and `{` may nest before the library is not asked. The `yaml` library aborts the whole
 * process on flow collections nested about 8,000 deep (V8 runs out of memory compiling a regex for
 * them: no catch can stop it, and a 16 KB file would end the scan); at 2,000 it is a caught stack
 * overflow. No CI, compose or Kubernetes file nests a hundred deep.
 */
export const MAX_FLOW_DEPTH = 1_000;

/**
 * The line at which `text`'s brackets first nest past MAX_FLOW_DEPTH, or 0. Brackets in quotes and
 * comments are counted too: over-counting can only send a file to the warning, never to the library.
 */
export const tooDeepFlowLine = (text: string): number => {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return line;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    } else if (c === 0x0a) line++;
  }
  return 0;
};

/** The library's reading of `text`: every document, and the first error of each as a diagnostic. */
export const parseYamlWithLibrary = (text: string, file: string): YamlFile => {
  const lines = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const docs: YamlDoc[] = [];
  const deepLine = tooDeepFlowLine(text);
  if (deepLine > 0) {
    return { docs, diagnostics: [warning('manifest/invalid-yaml', `YAML not read: [ or { nested more than ${MAX_FLOW_DEPTH} deep`, file, deepLine)] };
  }
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
    docs.push(new LibraryYamlDoc(doc, lines));
  }
  return { docs, diagnostics };
};

/**
 * A YAML file's documents. The block-style subset most CI workflows and compose files keep to is
 * read by yaml-block.ts (the library's lexer and parser, run cold, cost ~4 µs a byte); anything
 * else, and every file that reader is unsure of, goes to the library.
 */
export const parseYamlFile = (text: string, file: string): YamlFile => {
  const block = readBlockYaml(text);
  return block ? { docs: [new BlockYamlDoc(block)], diagnostics: [] } : parseYamlWithLibrary(text, file);
};

/** Every document of a YAML file (what the parser recovered, even from a broken one). */
export const YAML: ManifestFormat<YamlDoc[]> = {
  id: 'yaml',
  parse: (text, path) => {
    const { docs, diagnostics } = parseYamlFile(text, path);
    return { value: docs, diagnostics };
  },
};
