/**
 * The top-level `import` and `export` statements of a JS/TS file, read from the lexer's tokens:
 * the same module record oxc builds (specifiers, imported and re-exported names, type-only
 * marks, exported names), and nothing else. Any form it does not know exactly throws `Unsure`.
 */
import type { ImportedName, ImportFact } from '../../../model/facts.js';
import type { LineTable } from '../line-table.js';
import type { PlacedImport } from '../module-record.js';
import { CONTINUING_WORDS, type Lexer, Token, Unsure } from './lexer.js';
import { packedMap } from '../../../util/packed-list.js';
import { COMMAND_MODULES } from '../commands.js';

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
  /** An import statement names a command module (commands.ts' COMMAND_MODULES): the caller reads its calls (command-sites.ts). */
  commandImport: boolean;
}

/** Module names whose imports make the file's calls commands (see commands.ts), and a little more. */
export const COMMAND_MODULE = /child_process|shelljs|cross-spawn|\bexeca\b|\bzx\b|\bbun\b/;

const expect = (ok: boolean): void => {
  if (!ok) throw new Unsure();
};

/** A list item's token that names: an identifier or a string (`"a-b" as c`). */
const isWordToken = (type: Token): boolean => type === Token.Identifier || type === Token.String;

const named = (name: string, local: string): ImportedName => (name === local ? { name } : { name, alias: local });

/** A name bound by an import statement, for exports of imported bindings. */
interface ImportBinding {
  statement: PlacedImport;
  /**
   * The name it has in the imported module as oxc's export entry gives it: a default clause's
   * (`import x from`) local name, but a list item's `default` (`import { default as x } from`).
   */
  name: string;
  isType: boolean;
}

export { CONTINUING_WORDS };

/** Whether the current identifier is one of CONTINUING_WORDS, as the lexer found when it read it (Lexer.continuingWord). */
const isContinuingWord = (lex: Lexer): boolean => lex.continuingWord;

/**
 * The current token follows a `:` (review s63-rv2: whatever comes between, comments or any blank,
 * which a look back over spaces and line feeds alone missed in `function f() : // c\nexport { a }`):
 * no statement starts there, and oxc reads `function f() :\nexport { a }` as a return type named
 * `export` and `{ a }` as the body (review s62: the scan read an export): such a file goes to the
 * parser. Stop 63 (s63-accjs). Only the `:` punctuator's text ends in `:`.
 */
const afterColon = (lex: Lexer): boolean => lex.previousEnd > 0 && lex.text.charCodeAt(lex.previousEnd - 1) === 58;

/**
 * Words that start a statement after a line break even when the line before ends in `>` (a
 * TypeScript instantiation expression, `const f = g<T>`), where an operand would normally follow.
 */
const STATEMENT_WORDS = new Set(['export', 'import', 'const', 'let', 'var', 'function', 'class', 'interface', 'enum', 'declare', 'namespace', 'abstract', 'if', 'for', 'while', 'do', 'return', 'throw', 'try', 'switch']);

export class StatementReader {
  readonly result: ModuleStatements = { imports: [], reexports: [], exportedNames: [], star: false, commandImport: false };
  /** The token before the current one could end an operand (for the line-break rule). */
  private previousEndsOperand = false;
  /** The token before the current one was `>`. */
  private previousClosesAngle = false;
  /**
   * The names import statements bind, in source order, as parallel lists (no object per name):
   * only a file with `export { a }` (no `from`) asks them, as a map built then (addIndirectExports).
   */
  private readonly boundLocals: string[] = [];
  private readonly boundNames: string[] = [];
  private readonly boundTypes: boolean[] = [];
  private readonly boundStatements: PlacedImport[] = [];
  /** `export { local as exported }` without `from`, in source order. */
  private readonly localExports: Array<{ local: string; exported: string }> = [];
  /**
   * The clause of the statement being read (`import a, { b as c } from`, `export { d }`), one token
   * at a time as two parallel lists reused by every statement of the file, and the items of its
   * braces (`listItems`) and the entries' type marks the same way: an import statement made a token
   * object, a list and a slice per item and per clause (payload: about 2 KB allocated per import).
   */
  private readonly tokenTypes: Token[] = [];
  private readonly tokenValues: string[] = [];
  private tokenCount = 0;
  private readonly itemNames: string[] = [];
  private readonly itemOthers: Array<string | undefined> = [];
  private readonly itemTypes: boolean[] = [];
  private itemCount = 0;
  private readonly entryTypes: boolean[] = [];
  /** Whether the last import clause read began with a default binding (`import x, … from`), its first name. */
  private defaultClause = false;

  constructor(
    private readonly lex: Lexer,
    private readonly lines: LineTable,
  ) {}

  read(): ModuleStatements {
    const lex = this.lex;
    lex.next();
    // `lex.type as Token`, not lex.token(): the property as read now, unnarrowed, without a call per token (see advance)
    for (let t = lex.type as Token; t !== Token.End; t = lex.type as Token) {
      // `import` and `export` are both six letters long: other words make no isWord call
      if (t === Token.Identifier && lex.depth === 0 && lex.end - lex.start === 6 && !lex.memberName) {
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
    if (this.localExports.length === 0) return;
    // a name bound twice is an error the parser does not report; oxc keeps the first binding
    const importBindings = new Map<string, ImportBinding>();
    for (let k = 0; k < this.boundLocals.length; k++) {
      const local = this.boundLocals[k];
      if (!importBindings.has(local)) importBindings.set(local, { statement: this.boundStatements[k], name: this.boundNames[k], isType: this.boundTypes[k] });
    }
    const groups = new Map<PlacedImport, Array<{ name: ImportedName; isType: boolean }>>();
    for (const { local, exported } of this.localExports) {
      const binding = importBindings.get(local);
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
    // The properties, not lex.token(), lex.endsOperand() and isContinuingWord(): a call each per token without TurboFan inlining (bin/engine.js). The
    // assertion keeps TypeScript from narrowing it across lex.next(), which token() is there for.
    const t = lex.type as Token;
    if (t === Token.Punctuator) {
      // lex.is('>'), lex.is(')') || lex.is(']') || lex.is('}') || lex.is('++') || lex.is('--') || (lex.is('!') && …),
      // read off the token's length and characters: seven calls per punctuator of every declaration skipped
      const length = lex.end - lex.start;
      const c = lex.text.charCodeAt(lex.start);
      if (length === 1) {
        this.previousClosesAngle = c === 62;
        this.previousEndsOperand = c === 41 || c === 93 || c === 125 || (c === 33 && !lex.regexAllowed);
      } else {
        this.previousClosesAngle = false;
        this.previousEndsOperand = length === 2 && (c === 43 || c === 45) && lex.text.charCodeAt(lex.start + 1) === c;
      }
    } else {
      this.previousClosesAngle = false;
      this.previousEndsOperand =
        t === Token.String || t === Token.Number || t === Token.Regex || t === Token.Template || t === Token.Jsx || (t === Token.Identifier && !lex.regexAllowed && !lex.continuingWord);
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

  /**
   * An import statement's specifier. An import of a command module by its exact name is read on:
   * the caller reads the calls of the names it binds (command-sites.ts). Other names the pattern
   * matches are left to the walk, as in `export … from`.
   */
  private importSpecifier(): string {
    const lex = this.lex;
    expect(lex.token() === Token.String);
    const value = lex.stringValue();
    if (COMMAND_MODULE.test(value)) {
      if (!Object.hasOwn(COMMAND_MODULES, value)) throw new Unsure();
      this.result.commandImport = true;
    }
    this.advance();
    return value;
  }

  /** The current identifier's text; the clause's keywords as literals, not cut out of the text. */
  private identifierValue(): string {
    const lex = this.lex;
    return lex.isWord('from') ? 'from' : lex.isWord('as') ? 'as' : lex.isWord('type') ? 'type' : lex.value();
  }

  private pushToken(type: Token, value: string): void {
    this.tokenTypes[this.tokenCount] = type;
    this.tokenValues[this.tokenCount] = value;
    this.tokenCount++;
  }

  /** `import …` at the top level; leaves the lexer on the first token after the statement's specifier. */
  private readImport(start: number): void {
    const lex = this.lex;
    if (afterColon(lex)) throw new Unsure();
    this.advance();
    if (lex.token() === Token.String) {
      this.place(start, { specifier: this.importSpecifier(), syntax: 'import', line: this.lines.lineOf(start), names: [], guard: null });
      return;
    }
    // The clause up to `from '…'`; `=` makes it TypeScript's `import x = A.B`, which imports nothing.
    const types = this.tokenTypes;
    const values = this.tokenValues;
    this.tokenCount = 0;
    for (;;) {
      const count = this.tokenCount;
      // Inside `{ … }` a string never directly follows `from`, so this is the specifier.
      const afterFrom = count > 0 && types[count - 1] === Token.Identifier && values[count - 1] === 'from';
      if (lex.token() === Token.String && afterFrom) break;
      if (lex.token() === Token.String) {
        this.pushToken(Token.String, lex.stringValue());
      } else if (lex.token() === Token.Identifier) {
        this.pushToken(Token.Identifier, this.identifierValue());
      } else if (lex.is(',') || lex.is('{') || lex.is('}') || lex.is('*')) {
        this.pushToken(lex.token(), lex.value());
      } else if (lex.is('=') && count > 0 && count <= 2) {
        return;
      } else {
        throw new Unsure();
      }
      this.advance();
    }
    this.tokenCount--; // `from`
    const specifier = this.importSpecifier();
    const typeDeclaration = this.tokenCount > 1 && values[0] === 'type' && types[0] === Token.Identifier && values[1] !== ',';
    const names = this.importEntries(typeDeclaration ? 1 : 0, typeDeclaration);
    const entryTypes = this.entryTypes;
    const fact: ImportFact = { specifier, syntax: 'import', line: this.lines.lineOf(start), names, guard: null };
    if (names.length > 0) {
      let allTypes = true;
      for (let k = 0; k < names.length; k++) if (!entryTypes[k]) allTypes = false;
      if (allTypes) fact.typeOnly = true;
    }
    const statement = this.place(start, fact);
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      if (name.name === '*') continue; // a namespace import re-exported stays a local export
      const local = name.alias ?? name.name;
      this.boundLocals.push(local);
      // oxc names `import x from` re-exported by its local name, `import { default as x } from` by `default`
      this.boundNames.push(k === 0 && this.defaultClause ? local : name.name);
      this.boundTypes.push(entryTypes[k]);
      this.boundStatements.push(statement);
    }
  }

  /** The names the clause's tokens from `from` on import (a packed list, kept as the fact's), each one's type mark in `entryTypes`. */
  private importEntries(from: number, typeDeclaration: boolean): ImportedName[] {
    const types = this.tokenTypes;
    const values = this.tokenValues;
    const count = this.tokenCount;
    const names: ImportedName[] = [];
    const entryTypes = this.entryTypes;
    let i = from;
    this.defaultClause = i < count && types[i] === Token.Identifier;
    if (this.defaultClause) {
      entryTypes[names.length] = typeDeclaration;
      names.push(named('default', values[i]));
      i++;
      if (i === count) return names;
      expect(i < count && values[i] === ',');
      i++;
    }
    if (i < count && values[i] === '*') {
      expect(i + 3 === count && values[i + 1] === 'as' && types[i + 2] === Token.Identifier);
      entryTypes[names.length] = typeDeclaration;
      names.push(named('*', values[i + 2]));
      return names;
    }
    expect(i < count && values[i] === '{' && values[count - 1] === '}');
    this.listItems(i + 1, count - 1);
    for (let k = 0; k < this.itemCount; k++) {
      const name = this.itemNames[k];
      entryTypes[names.length] = typeDeclaration || this.itemTypes[k];
      names.push(named(name, this.itemOthers[k] ?? name));
    }
    return names;
  }

  /** The items of the clause's tokens `from` to `to` (`{ a, b as c, type d, "e" as f }` inside the braces), into `item…`; `itemOthers` is what follows `as`. */
  private listItems(from: number, to: number): void {
    const types = this.tokenTypes;
    const values = this.tokenValues;
    this.itemCount = 0;
    let first = from;
    for (let k = from; k < to; k++) {
      if (types[k] !== Token.Punctuator) continue;
      if (values[k] !== ',') throw new Unsure();
      this.finishItem(first, k);
      first = k + 1;
    }
    this.finishItem(first, Math.max(first, to));
  }

  /** One item of a list: the tokens `first` to `end` (none: nothing, as between two commas). */
  private finishItem(first: number, end: number): void {
    const types = this.tokenTypes;
    const values = this.tokenValues;
    const length = end - first;
    if (length === 0) return;
    const isType = length % 2 === 0 && types[first] === Token.Identifier && values[first] === 'type';
    const at = isType ? first + 1 : first;
    const rest = end - at;
    let other: string | undefined;
    if (rest === 1 && isWordToken(types[at])) other = undefined;
    else if (rest === 3 && values[at + 1] === 'as' && types[at + 1] === Token.Identifier && isWordToken(types[at]) && isWordToken(types[at + 2])) other = values[at + 2];
    else throw new Unsure();
    this.itemNames[this.itemCount] = values[at];
    this.itemOthers[this.itemCount] = other;
    this.itemTypes[this.itemCount] = isType;
    this.itemCount++;
  }

  /** `export …` at the top level. */
  private readExport(start: number): void {
    const lex = this.lex;
    if (afterColon(lex)) throw new Unsure();
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
    this.tokenCount = 0;
    this.advance();
    while (!lex.is('}')) {
      if (lex.token() === Token.String) this.pushToken(Token.String, lex.stringValue());
      else if (lex.token() === Token.Identifier) this.pushToken(Token.Identifier, this.identifierValue());
      else if (lex.is(',')) this.pushToken(Token.Punctuator, ',');
      else throw new Unsure();
      this.advance();
    }
    this.advance();
    this.listItems(0, this.tokenCount);
    const count = this.itemCount;
    const itemNames = this.itemNames;
    const itemOthers = this.itemOthers;
    for (let k = 0; k < count; k++) this.result.exportedNames.push(itemOthers[k] ?? itemNames[k]);
    if (!lex.isWord('from')) {
      for (let k = 0; k < count; k++) this.localExports.push({ local: itemNames[k], exported: itemOthers[k] ?? itemNames[k] });
      return;
    }
    this.advance();
    const specifier = this.specifier();
    if (count === 0) return; // `export {} from 'x'`: oxc's module record has no entry for it
    const names: ImportedName[] = [];
    let allTypes = true;
    for (let k = 0; k < count; k++) {
      names.push(named(itemNames[k], itemOthers[k] ?? itemNames[k]));
      if (!typeOnly && !this.itemTypes[k]) allTypes = false;
    }
    const fact: ImportFact = { specifier, syntax: 'export-from', line: this.lines.lineOf(start), names, guard: null };
    if (allTypes) fact.typeOnly = true;
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
      const t = lex.type as Token;
      if (t === Token.End) return finish();
      if (lex.depth > 0) continue;
      if (t === Token.Identifier && !lex.memberName && (lex.isWord('export') || (lex.isWord('import') && !lex.importExpression))) return finish();
      if (t === Token.Punctuator) {
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
