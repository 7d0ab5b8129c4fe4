/**
 * Walks the logical lines of a file with an indentation stack of frames, the way Python's
 * INDENT/DEDENT tokens would, and reads each statement by its first token: compound headers
 * open frames, imports become facts, top-level assignments become definitions.
 *
 * Every logical line is also filed under the frame it executes in (`lineFrames`), so the single
 * token pass that follows (sites.ts) knows the guard context of any call it finds. A header's own
 * expressions belong to the enclosing frame; only the suite is inside.
 */
import { Frame, FrameKind, addHandler, newTryInfo } from './frames.js';
import { assignShape, bindStatement, bindTargets, bindWalruses, isAssignment } from './bindings.js';
import { exceptHandler, forTarget, headerColon, isMainTest, isTypeCheckingTest, withTargets } from './headers.js';
import { fromStatement, importStatement } from './imports.js';
import { findTop, isOp, isTrailer, matchClose, nameText } from './ranges.js';

/**
 * Calls a module makes when imported that make no script of it: registering with a framework, and
 * a deprecation notice (`warnings.warn("x is deprecated", RemovedInSphinx70Warning)` in a shim).
 */
const REGISTRATION = /^(register\w*|unregister|connect|autodiscover|warn)$/;
import type { ExtractState } from './state.js';
import { Kind, Op, Word, isHardKeyword } from './tokens.js';

export class StatementWalker {
  /**
   * The frame each logical line executes in, by line index: made at its size, where two lists
   * grown a push at a time (the line's first token, which is the tokens' own `lineFirst`, and
   * its frame) were about a tenth of what extracting saleor allocated (15 of 131 MB).
   */
  readonly lineFrames: Frame[];
  private readonly stack: Frame[];
  private readonly module: Frame;

  constructor(private readonly st: ExtractState) {
    this.lineFrames = new Array<Frame>(st.t.lines);
    this.module = new Frame(FrameKind.Module, null);
    this.module.indent = 0;
    this.stack = [this.module];
  }

  run(): void {
    const t = this.st.t;
    const problems = this.st.problems;
    const stack = this.stack;
    let pending: Frame | null = null;
    for (let l = 0; l < t.lines; l++) {
      const a = t.lineFirst[l];
      const b = t.lineEnd[l];
      const indent = t.lineIndent[l];
      let top = stack[stack.length - 1];
      if (pending !== null) {
        if (indent > top.indent) top = this.push(pending, indent);
        else problems.syntaxError('expected an indented block', t.line[a]);
        pending = null;
      } else if (indent > top.indent) {
        problems.syntaxError('unexpected indent', t.line[a]);
        top = this.push(new Frame(FrameKind.Block, top), indent);
      }
      if (indent < top.indent) {
        while (stack.length > 1 && indent < stack[stack.length - 1].indent) stack.pop();
        top = stack[stack.length - 1];
        if (indent !== top.indent) {
          problems.syntaxError('unindent does not match any outer indentation level', t.line[a]);
          top = this.push(new Frame(FrameKind.Block, top), indent);
        }
      }
      this.lineFrames[l] = top;
      pending = this.line(a, b, top, t.lineSemicolon[l] === 1);
    }
    if (pending !== null && t.count > 0) problems.syntaxError('expected an indented block', t.line[t.count - 1]);
  }

  private push(frame: Frame, indent: number): Frame {
    frame.indent = indent;
    this.stack.push(frame);
    return frame;
  }

  /** One logical line [a, b) in `frame`; returns the frame of a suite that starts on the next line. */
  private line(a: number, b: number, frame: Frame, semicolons: boolean): Frame | null {
    const t = this.st.t;
    if (t.kind[a] === Kind.Name) {
      const w = t.value[a];
      switch (w) {
        case Word.If:
        case Word.Elif:
        case Word.Else:
        case Word.Try:
        case Word.Except:
        case Word.Finally:
        case Word.For:
        case Word.While:
        case Word.With:
        case Word.Def:
        case Word.Class:
          return this.compound(a, b, frame, w, a, headerColon(t, a, b), semicolons);
        case Word.Async: {
          const next = a + 1 < b && t.kind[a + 1] === Kind.Name ? t.value[a + 1] : Word.None;
          if (next === Word.Def || next === Word.For || next === Word.With) return this.compound(a, b, frame, next, a + 1, headerColon(t, a, b), semicolons);
          break;
        }
        case Word.Match:
          if (this.isMatchHeader(a, b)) return this.compound(a, b, frame, w, a, b - 1, semicolons);
          break;
        case Word.Case:
          if (frame.kind === FrameKind.Match) return this.compound(a, b, frame, w, a, headerColon(t, a, b), semicolons);
          break;
      }
    }
    frame.lastTry = null;
    this.simpleStatements(a, b, frame, semicolons);
    return null;
  }

  /** `match <subject>:` as opposed to a statement that uses `match` as a name. */
  private isMatchHeader(a: number, b: number): boolean {
    const t = this.st.t;
    if (b - a < 3 || !isOp(t, b - 1, Op.Colon) || t.depth[b - 1] !== t.depth[a]) return false;
    if (t.kind[a + 1] !== Kind.Op) return true;
    const v = t.value[a + 1];
    return v === Op.LParen || v === Op.LBracket || v === Op.LBrace || v === Op.Star || v === Op.Other || v === Op.Ellipsis;
  }

  private compound(a: number, b: number, frame: Frame, w: Word, kw: number, colon: number, semicolons: boolean): Frame | null {
    const st = this.st;
    const t = st.t;
    if (colon < 0) {
      st.problems.syntaxError("expected ':' after the statement header", t.line[a]);
      frame.lastTry = null;
      return null;
    }
    const hs = kw + 1;
    const top = frame.kind === FrameKind.Module;
    let body: Frame;
    switch (w) {
      case Word.If:
      case Word.Elif:
        if (w === Word.If) {
          frame.lastTry = null;
          if (frame.topLevel && isMainTest(t, hs, colon)) st.mainGuard = true;
        }
        body = new Frame(isTypeCheckingTest(t, hs, colon) ? FrameKind.TypeChecking : FrameKind.Block, frame);
        break;
      case Word.Try: {
        const info = newTryInfo();
        frame.lastTry = info;
        body = new Frame(FrameKind.TryBody, frame, info);
        break;
      }
      case Word.Except: {
        const handler = exceptHandler(t, isOp(t, hs, Op.Star) ? hs + 1 : hs, colon);
        if (frame.lastTry) addHandler(frame.lastTry, handler.names, handler.bare);
        if (handler.py2) st.problems.python2('except X, e: clause', t.line[a]);
        if (handler.bound !== undefined && frame.topLevel) st.definitions.add(handler.bound);
        body = new Frame(FrameKind.Block, frame);
        break;
      }
      case Word.For: {
        frame.lastTry = null;
        const target = forTarget(t, hs, colon);
        if (target && frame.topLevel) bindTargets(st, target[0], target[1]);
        if (top) st.topLevelCode = true;
        body = new Frame(FrameKind.Block, frame);
        break;
      }
      case Word.While:
      case Word.With:
        frame.lastTry = null;
        if (w === Word.With && frame.topLevel) for (const [s, e] of withTargets(t, hs, colon)) bindTargets(st, s, e);
        if (top) st.topLevelCode = true;
        body = new Frame(FrameKind.Block, frame);
        break;
      case Word.Def:
      case Word.Class:
        frame.lastTry = null;
        if (frame.topLevel && t.kind[hs] === Kind.Name) st.definitions.add(nameText(t, hs));
        body = w === Word.Def ? new Frame(FrameKind.Def, frame, null, t.kind[hs] === Kind.Name ? nameText(t, hs) : null) : new Frame(FrameKind.Class, frame);
        break;
      case Word.Match:
        frame.lastTry = null;
        body = new Frame(FrameKind.Match, frame);
        break;
      case Word.Case:
        st.caseClauses++;
        body = new Frame(FrameKind.Block, frame);
        break;
      default: // else, finally: keep lastTry, a try's clauses may continue
        body = new Frame(FrameKind.Block, frame);
    }
    if (frame.topLevel) bindWalruses(st, hs, colon);
    if (colon + 1 < b) {
      this.simpleStatements(colon + 1, b, body, semicolons);
      return null;
    }
    return body;
  }

  /** Simple statements separated by `;` in [a, b) (the tokenizer knows whether there is any). */
  private simpleStatements(a: number, b: number, frame: Frame, semicolons: boolean): void {
    const t = this.st.t;
    if (!semicolons) {
      this.simple(a, b, frame);
      return;
    }
    const d = t.depth[a];
    let s = a;
    for (let i = a; i < b; i++) {
      if (t.kind[i] === Kind.Op && t.value[i] === Op.Semicolon && t.depth[i] === d) {
        if (i > s) this.simple(s, i, frame);
        s = i + 1;
      }
    }
    if (s < b) this.simple(s, b, frame);
  }

  private simple(s: number, e: number, frame: Frame): void {
    const st = this.st;
    const t = st.t;
    const w = t.kind[s] === Kind.Name ? t.value[s] : Word.None;
    switch (w) {
      case Word.Import:
        importStatement(st, s, e, frame);
        return;
      case Word.From:
        fromStatement(st, s, e, frame);
        return;
      case Word.Print:
        if (e > s + 1 && this.isPython2Operand(s + 1)) {
          st.problems.python2('print statement', t.line[s]);
          if (frame.kind === FrameKind.Module) st.topLevelCode = true;
          return;
        }
        break;
      case Word.Exec:
        if (e > s + 1 && this.isPython2Operand(s + 1) && t.kind[s + 1] !== Kind.Number) {
          st.problems.python2('exec statement', t.line[s]);
          return;
        }
        break;
      case Word.Raise:
        if (findTop(t, s, e, Op.Comma) >= 0) st.problems.python2('raise E, message', t.line[s]);
        return;
    }
    if (!frame.topLevel || isOp(t, s, Op.At)) return;
    const shape = assignShape(st, s, e);
    bindStatement(st, s, e, shape);
    bindWalruses(st, s, e);
    if (frame.kind === FrameKind.Module && !st.topLevelCode && !isAssignment(shape) && this.hasCall(s, e) && !this.isRegistration(s, e)) st.topLevelCode = true;
  }

  /**
   * `admin.site.register(Post)`, `signal.connect(handler)`, `register(x)`: a module that only
   * registers itself with a framework is loaded by that framework, not run on its own. So is one
   * whose only call is `warnings.warn(...)`: a deprecated module warning its importers.
   */
  private isRegistration(s: number, e: number): boolean {
    const t = this.st.t;
    let i = s;
    while (t.kind[i] === Kind.Name && isOp(t, i + 1, Op.Dot)) i += 2;
    if (t.kind[i] !== Kind.Name || !isOp(t, i + 1, Op.LParen) || !REGISTRATION.test(nameText(t, i))) return false;
    return matchClose(t, i + 1, e) === e - 1;
  }

  /**
   * What follows Python 2's `print`/`exec` statement: a string, a number or a name (not an
   * operator keyword: `print in x` is valid Python 3). `print >>f, x` is valid Python 3 syntax,
   * so it is left alone.
   */
  private isPython2Operand(i: number): boolean {
    const t = this.st.t;
    const k = t.kind[i];
    if (k === Kind.String || k === Kind.Number) return true;
    if (k !== Kind.Name) return false;
    const w = t.value[i];
    if (w === Word.In || w === Word.If || w === Word.And || w === Word.Or) return false;
    return !(t.end[i] - t.start[i] === 2 && t.text.startsWith('is', t.start[i]));
  }

  private hasCall(s: number, e: number): boolean {
    const t = this.st.t;
    for (let i = s + 1; i < e; i++) {
      if (isOp(t, i, Op.LParen) && isTrailer(t, i, s) && !(t.kind[i - 1] === Kind.Name && isHardKeyword(t.value[i - 1]))) return true;
    }
    return false;
  }
}
