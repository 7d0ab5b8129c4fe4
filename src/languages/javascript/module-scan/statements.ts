/**
 * The top-level `import` and `export` statements of a JS/TS file, read from the lexer's tokens:
 * the same module record oxc builds (specifiers, imported and re-exported names, type-only
 * marks, exported names), and nothing else. Any form it does not know exactly throws `Unsure`.
 */
import type { ImportedName, ImportFact } from '../../../model/facts.js';
import type { LineTable } from '../line-table.js';
import type { PlacedImport } from '../module-record.js';
import { type Lexer, Token, Unsure } from './lexer.js';
import { packedMap } from '../../../util/packed-list.js';

export interface ModuleStatements {
  /** `import` facts, with their statement offsets. */
  imports: PlacedImport[];
  /**
   * `export … from` facts, and (as oxc and the spec's indirect exports have it) exports of
   * imported bindings: `import { a } from 'x'; export { a }` re-exports `a` from 'x', placed at
   * the import statement.
   */
  reexports: PlacedImport[];
  /** Every exported name (`default` for a default export). */
  exportedNames: string[];
  /** The module has `export * from` (without `as`). */
  star: boolean;
}

interface ClauseToken {
  type: Token;
  value: string;
}

/** Module names whose imports make the file's calls commands (see commands.ts), and a little more. */
export const COMMAND_MODULE = /child_process|shelljs|cross-spawn|\bexeca\b|\bzx\b|\bbun\b/;

const expect = (ok: boolean): void => {
  if (!ok) throw new Unsure();
};

const named = (name: string, local: string): ImportedName => (name === local ? { name } : { name, alias: local });

/** A name bound by an import statement, for exports of imported bindings. */
interface ImportBinding {
  statement: PlacedImport;
  /** The name it has in the imported module; oxc gives a default import's local name here. */
  name: string;
  isType: boolean;
}

/** Words that continue an expression across a line break, so no statement ends before them. */
const CONTINUING_WORDS = ['in', 'instanceof', 'as', 'satisfies', 'of', 'extends', 'keyof'];

/**
 * Whether the current identifier is one of CONTINUING_WORDS, compared in place: this runs after
 * most identifiers, and cutting each out of the text to look it up was an allocation per token.
 */
const isContinuingWord = (lex: Lexer): boolean => {
  for (const word of CONTINUING_WORDS) if (lex.isWord(word)) return true;
  return false;
};

/**
 * Words that start a statement after a line break even when the line before ends in `>` (a
 * TypeScript instantiation expression, `const f = g<T>`), where an operand would normally follow.
 */
const STATEMENT_WORDS = new Set(['export', 'import', 'const', 'let', 'var', 'function', 'class', 'interface', 'enum', 'declare', 'namespace', 'abstract', 'if', 'for', 'while', 'do', 'return', 'throw', 'try', 'switch']);

export class StatementReader {
  readonly result: ModuleStatements = { imports: [], reexports: [], exportedNames: [], star: false };
  /** The token before the current one could end an operand (for the line-break rule). */
  private previousEndsOperand = false;
  /** The token before the current one was `>`. */
  private previousClosesAngle = false;
  private readonly importBindings = new Map<string, ImportBinding>();
  /** `export { local as exported }` without `from`, in source order. */
  private readonly localExports: Array<{ local: string; exported: string }> = [];

  constructor(
    private readonly lex: Lexer,
    private readonly lines: LineTable,
  ) {}

  read(): ModuleStatements {
    const lex = this.lex;
    lex.next();
    while (lex.token() !== Token.End) {
      if (lex.token() === Token.Identifier && lex.depth === 0 && !lex.memberName) {
        if (lex.isWord('import') && !lex.importExpression) {
          this.readImport(lex.start);
          continue;
        }
        if (lex.isWord('export')) {
          this.readExport(lex.start);
          continue;
        }
      }
      // Outside the statements read here nothing needs the previous token: skip `advance()`'s bookkeeping.
      lex.next();
    }
    this.addIndirectExports();
    return this.result;
  }

  private addIndirectExports(): void {
    const groups = new Map<PlacedImport, Array<{ name: ImportedName; isType: boolean }>>();
    for (const { local, exported } of this.localExports) {
      const binding = this.importBindings.get(local);
      if (!binding) continue;
      let group = groups.get(binding.statement);
      if (!group) groups.set(binding.statement, (group = []));
      group.push({ name: named(binding.name, exported), isType: binding.isType });
    }
    for (const [statement, entries] of groups) {
      const fact: ImportFact = { specifier: statement.fact.specifier, syntax: 'export-from', line: statement.fact.line, names: packedMap(entries, (e) => e.name), guard: null };
      if (entries.every((e) => e.isType)) fact.typeOnly = true;
      this.result.reexports.push({ offset: statement.offset, fact });
    }
  }

  private advance(): void {
    const lex = this.lex;
    const t = lex.token();
    if (t === Token.Punctuator) {
      this.previousClosesAngle = lex.is('>');
      this.previousEndsOperand = lex.is(')') || lex.is(']') || lex.is('}') || lex.is('++') || lex.is('--') || (lex.is('!') && lex.endsOperand());
    } else {
      this.previousClosesAngle = false;
      this.previousEndsOperand =
        t === Token.String || t === Token.Number || t === Token.Regex || t === Token.Template || t === Token.Jsx || (t === Token.Identifier && lex.endsOperand() && !isContinuingWord(lex));
    }
    lex.next();
  }

  private place(offset: number, fact: ImportFact): PlacedImport {
    const placed = { offset, fact };
    if (fact.syntax === 'export-from') this.result.reexports.push(placed);
    else this.result.imports.push(placed);
    return placed;
  }

  private specifier(): string {
    expect(this.lex.token() === Token.String);
    const value = this.lex.stringValue();
    // calls into a command module are found by the AST walk
    if (COMMAND_MODULE.test(value)) throw new Unsure();
    this.advance();
    return value;
  }

  /** `import …` at the top level; leaves the lexer on the first token after the statement's specifier. */
  private readImport(start: number): void {
    const lex = this.lex;
    this.advance();
    if (lex.token() === Token.String) {
      this.place(start, { specifier: this.specifier(), syntax: 'import', line: this.lines.lineOf(start), names: [], guard: null });
      return;
    }
    // The clause up to `from '…'`; `=` makes it TypeScript's `import x = A.B`, which imports nothing.
    const clause: ClauseToken[] = [];
    for (;;) {
      // Inside `{ … }` a string never directly follows `from`, so this is the specifier.
      const afterFrom = clause.length > 0 && clause[clause.length - 1].type === Token.Identifier && clause[clause.length - 1].value === 'from';
      if (lex.token() === Token.String && afterFrom) break;
      if (lex.token() === Token.String) {
        clause.push({ type: Token.String, value: lex.stringValue() });
      } else if (lex.token() === Token.Identifier || lex.is(',') || lex.is('{') || lex.is('}') || lex.is('*')) {
        clause.push({ type: lex.token(), value: lex.value() });
      } else if (lex.is('=') && clause.length > 0 && clause.length <= 2) {
        return;
      } else {
        throw new Unsure();
      }
      this.advance();
    }
    clause.pop(); // `from`
    const specifier = this.specifier();
    const typeDeclaration = clause.length > 1 && clause[0].value === 'type' && clause[0].type === Token.Identifier && clause[1].value !== ',';
    const entries = this.importEntries(clause, typeDeclaration ? 1 : 0, typeDeclaration);
    const fact: ImportFact = { specifier, syntax: 'import', line: this.lines.lineOf(start), names: packedMap(entries, (e) => e.name), guard: null };
    if (entries.length > 0 && entries.every((e) => e.isType)) fact.typeOnly = true;
    const statement = this.place(start, fact);
    for (const { name, isType } of entries) {
      if (name.name === '*') continue; // a namespace import re-exported stays a local export
      const local = name.alias ?? name.name;
      // a name bound twice is an error the parser does not report; oxc keeps the first binding
      if (!this.importBindings.has(local)) this.importBindings.set(local, { statement, name: name.name === 'default' ? local : name.name, isType });
    }
  }

  private importEntries(clause: ClauseToken[], from: number, typeDeclaration: boolean): Array<{ name: ImportedName; isType: boolean }> {
    const entries: Array<{ name: ImportedName; isType: boolean }> = [];
    let i = from;
    const at = (k: number): ClauseToken | undefined => clause[k];
    if (at(i)?.type === Token.Identifier) {
      entries.push({ name: named('default', clause[i].value), isType: typeDeclaration });
      i++;
      if (i === clause.length) return entries;
      expect(at(i)?.value === ',');
      i++;
    }
    if (at(i)?.value === '*') {
      expect(at(i + 1)?.value === 'as' && at(i + 2)?.type === Token.Identifier && i + 3 === clause.length);
      entries.push({ name: named('*', clause[i + 2].value), isType: typeDeclaration });
      return entries;
    }
    expect(at(i)?.value === '{' && clause[clause.length - 1].value === '}');
    for (const item of this.listItems(clause.slice(i + 1, -1))) {
      entries.push({ name: named(item.name, item.other ?? item.name), isType: typeDeclaration || item.isType });
    }
    return entries;
  }

  /** The items of `{ a, b as c, type d, "e" as f }`; `other` is what follows `as`. */
  private listItems(tokens: ClauseToken[]): Array<{ name: string; other?: string; isType: boolean }> {
    const items: Array<{ name: string; other?: string; isType: boolean }> = [];
    let item: ClauseToken[] = [];
    const finish = (): void => {
      if (item.length === 0) return;
      const word = (k: number): boolean => item[k].type === Token.Identifier || item[k].type === Token.String;
      const isType = item.length % 2 === 0 && item[0].type === Token.Identifier && item[0].value === 'type';
      const rest = isType ? item.slice(1) : item;
      if (rest.length === 1 && word(isType ? 1 : 0)) items.push({ name: rest[0].value, isType });
      else if (rest.length === 3 && rest[1].value === 'as' && rest[1].type === Token.Identifier && word(isType ? 1 : 0) && word(isType ? 3 : 2)) items.push({ name: rest[0].value, other: rest[2].value, isType });
      else throw new Unsure();
      item = [];
    };
    for (const token of tokens) {
      if (token.value === ',' && token.type === Token.Punctuator) finish();
      else if (token.type === Token.Punctuator) throw new Unsure();
      else item.push(token);
    }
    finish();
    return items;
  }

  /** `export …` at the top level. */
  private readExport(start: number): void {
    const lex = this.lex;
    const names = this.result.exportedNames;
    this.advance();
    let typeOnly = false;
    if (lex.isWord('type')) {
      this.advance();
      if (!lex.is('{') && !lex.is('*')) {
        // `export type Name = …`
        expect(lex.token() === Token.Identifier);
        names.push(lex.value());
        this.advance();
        return;
      }
      typeOnly = true;
    }
    if (lex.is('*')) {
      this.advance();
      let alias: string | null = null;
      if (lex.isWord('as')) {
        this.advance();
        expect(lex.token() === Token.Identifier || lex.token() === Token.String);
        alias = lex.token() === Token.String ? lex.stringValue() : lex.value();
        this.advance();
      }
      expect(lex.isWord('from'));
      this.advance();
      const specifier = this.specifier();
      if (alias === null) this.result.star = true;
      else names.push(alias);
      const fact: ImportFact = { specifier, syntax: 'export-from', line: this.lines.lineOf(start), names: [alias === null ? { name: '*' } : { name: '*', alias }], guard: null };
      if (typeOnly) fact.typeOnly = true;
      this.place(start, fact);
      return;
    }
    if (lex.is('{')) {
      this.readExportList(start, typeOnly);
      return;
    }
    if (lex.isWord('default')) {
      names.push('default');
      this.advance();
      return;
    }
    if (lex.is('=')) return; // `export = x`
    if (lex.isWord('as')) return; // `export as namespace X`
    if (lex.isWord('import')) {
      // `export import A = B.C`
      this.advance();
      expect(lex.token() === Token.Identifier);
      names.push(lex.value());
      this.advance();
      return;
    }
    let declared = false;
    if (lex.isWord('declare')) {
      this.advance();
      if (lex.isWord('global')) return;
      declared = true;
    }
    this.readDeclaration(declared);
  }

  private readExportList(start: number, typeOnly: boolean): void {
    const lex = this.lex;
    const tokens: ClauseToken[] = [];
    this.advance();
    while (!lex.is('}')) {
      if (lex.token() === Token.String) tokens.push({ type: Token.String, value: lex.stringValue() });
      else if (lex.token() === Token.Identifier || lex.is(',')) tokens.push({ type: lex.token(), value: lex.value() });
      else throw new Unsure();
      this.advance();
    }
    this.advance();
    const items = this.listItems(tokens);
    for (const item of items) this.result.exportedNames.push(item.other ?? item.name);
    if (!lex.isWord('from')) {
      for (const item of items) this.localExports.push({ local: item.name, exported: item.other ?? item.name });
      return;
    }
    this.advance();
    const specifier = this.specifier();
    if (items.length === 0) return; // `export {} from 'x'`: oxc's module record has no entry for it
    const fact: ImportFact = {
      specifier,
      syntax: 'export-from',
      line: this.lines.lineOf(start),
      names: packedMap(items, (item) => named(item.name, item.other ?? item.name)),
      guard: null,
    };
    if (items.length > 0 && items.every((item) => typeOnly || item.isType)) fact.typeOnly = true;
    this.place(start, fact);
  }

  /** The declaration after `export` (or `export declare`, then `declared`): records the name(s) it declares. */
  private readDeclaration(declared: boolean): void {
    const lex = this.lex;
    const names = this.result.exportedNames;
    const nameAfter = (): void => {
      this.advance();
      expect(lex.token() === Token.Identifier);
      names.push(lex.value());
      this.advance();
    };
    expect(lex.token() === Token.Identifier);
    const word = lex.value();
    switch (word) {
      case 'async':
        this.advance();
        expect(lex.isWord('function'));
        this.readFunctionName();
        return;
      case 'function':
        this.readFunctionName();
        return;
      case 'abstract':
        this.advance();
        expect(lex.isWord('class'));
        nameAfter();
        return;
      case 'module':
        this.advance();
        // `export declare module 'name' { … }` declares an ambient module and exports no name
        if (declared && lex.token() === Token.String) return;
        expect(lex.token() === Token.Identifier);
        names.push(lex.value());
        this.advance();
        return;
      case 'class':
      case 'enum':
      case 'interface':
      case 'type':
      case 'namespace':
        nameAfter();
        return;
      case 'const':
        this.advance();
        if (lex.isWord('enum')) {
          nameAfter();
          return;
        }
        this.readDeclarators();
        return;
      case 'let':
      case 'var':
        this.advance();
        this.readDeclarators();
        return;
      default:
        throw new Unsure();
    }
  }

  /** `function name` or `function* name`, from the `function` keyword. */
  private readFunctionName(): void {
    const lex = this.lex;
    this.advance();
    if (lex.is('*')) this.advance();
    expect(lex.token() === Token.Identifier);
    this.result.exportedNames.push(lex.value());
    this.advance();
  }

  /** `a = 1, { b, c: [d] } = e, f: T` — the names bound, up to the end of the statement. */
  private readDeclarators(): void {
    const lex = this.lex;
    for (;;) {
      this.readBinding();
      if (lex.is('!')) this.advance();
      if (lex.is(':')) this.skipExpression(true);
      if (lex.is('=')) this.skipExpression(false);
      if (lex.is(',') && lex.depth === 0) {
        this.advance();
        continue;
      }
      expect(lex.is(';') || lex.token() === Token.End || (lex.newlineBefore && this.startsStatement()));
      return;
    }
  }

  /** A binding name or destructuring pattern; leaves the lexer on the token after it. */
  private readBinding(): void {
    const lex = this.lex;
    if (lex.token() === Token.Identifier) {
      this.result.exportedNames.push(lex.value());
      this.advance();
    } else if (lex.is('{')) {
      this.readPattern('}', () => this.readPatternProperty());
    } else if (lex.is('[')) {
      this.readPattern(']', () => this.readBinding());
    } else {
      throw new Unsure();
    }
  }

  /** `{ … }` or `[ … ]`: items up to `closer`, each with its default, `...rest` and (in arrays) holes. */
  private readPattern(closer: '}' | ']', readItem: () => void): void {
    const lex = this.lex;
    const inner = lex.depth + 1;
    this.advance();
    while (!lex.is(closer)) {
      if (closer === ']' && lex.is(',')) {
        this.advance(); // a hole: [a, , b]
        continue;
      }
      if (lex.is('...')) {
        this.advance();
        this.readBinding();
      } else {
        readItem();
      }
      if (lex.is('=')) this.skipDefault(inner);
      if (lex.is(',')) this.advance();
      else expect(lex.is(closer));
    }
    this.advance();
  }

  /** `key`, `key: binding`, `'key': binding` or `[computed]: binding` in an object pattern. */
  private readPatternProperty(): void {
    const lex = this.lex;
    const key = lex.token() === Token.Identifier ? lex.value() : null;
    if (lex.is('[')) {
      const depth = lex.depth;
      do this.advance();
      while (!(lex.is(']') && lex.depth === depth));
    } else {
      expect(lex.token() === Token.Identifier || lex.token() === Token.String || lex.token() === Token.Number);
    }
    this.advance();
    if (lex.is(':')) {
      this.advance();
      this.readBinding();
    } else {
      expect(key !== null);
      this.result.exportedNames.push(key!);
    }
  }

  /** Skips a pattern default `= …` up to the `,` or closer at the pattern's depth. */
  private skipDefault(inner: number): void {
    const lex = this.lex;
    do this.advance();
    while (lex.token() !== Token.End && lex.depth >= inner && !(lex.depth === inner && lex.is(',')));
  }

  /**
   * Skips a top-level type annotation (`: T`, stopping at `=`) or initializer (`= e`) up to the
   * `,` or `;` that ends it, or the line break where the statement ends without one. Commas
   * inside `<…>` (type arguments, type parameters, an arrow function's return type) are skipped;
   * in an initializer a `<` may instead be less-than, so if the angles never close after such a
   * comma, which of the two it was cannot be told here.
   */
  private skipExpression(isType: boolean): void {
    const lex = this.lex;
    let angles = 0;
    let commaInAngles = false;
    const finish = (): void => {
      if (angles > 0 && commaInAngles && !isType) throw new Unsure();
    };
    for (;;) {
      this.advance();
      if (lex.token() === Token.End) return finish();
      if (lex.depth > 0) continue;
      if (lex.token() === Token.Identifier && !lex.memberName && (lex.isWord('export') || (lex.isWord('import') && !lex.importExpression))) return finish();
      if (lex.token() === Token.Punctuator) {
        const p = lex.value();
        if (p === '<') angles++;
        else if (p[0] === '>' && angles > 0) angles = Math.max(0, angles - p.replace(/=+$/, '').length);
        if (angles > 0) {
          if (p === ',') commaInAngles = true;
          if (isType || p !== ';') continue;
        }
        if (p === ',' || p === ';') return finish();
        if (isType && p === '=') return;
      }
      if (angles > 0 && isType) continue;
      if (!lex.newlineBefore) continue;
      if (this.previousEndsOperand && this.startsStatement()) return finish();
      if (this.previousClosesAngle && lex.token() === Token.Identifier && STATEMENT_WORDS.has(lex.value())) return finish();
    }
  }

  /** After a line break that follows an operand, this token cannot continue the expression. */
  private startsStatement(): boolean {
    const lex = this.lex;
    if (lex.token() === Token.Identifier) return !isContinuingWord(lex);
    return lex.token() === Token.String || lex.token() === Token.Number || lex.is('@');
  }
}
