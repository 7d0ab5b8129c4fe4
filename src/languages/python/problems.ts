/**
 * Problems found while reading a file, turned into a few readable diagnostics: a broken file
 * usually breaks in a cascade, so syntax errors are capped and Python 2 constructs are reported
 * once per kind with a count.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { warning } from '../../util/diagnostics.js';
import { Problem } from './tokens.js';

const MAX_SYNTAX_ERRORS = 3;

const TOKEN_PROBLEMS: Record<Problem, { py2: boolean; message: string }> = {
  [Problem.UnterminatedString]: { py2: false, message: 'unterminated string literal' },
  [Problem.UnterminatedTripleString]: { py2: false, message: 'unterminated triple-quoted string literal' },
  [Problem.UnbalancedClose]: { py2: false, message: 'closing bracket without an opening one' },
  [Problem.MismatchedBracket]: { py2: false, message: 'closing bracket does not match the opening one' },
  [Problem.UnclosedBracket]: { py2: false, message: 'bracket opened here is never closed' },
  [Problem.StrayBackslash]: { py2: false, message: 'unexpected character after line continuation character' },
  [Problem.BadCharacter]: { py2: false, message: 'invalid character' },
  [Problem.FStringTooDeep]: { py2: false, message: 'f-string nesting too deep' },
  [Problem.Py2Backtick]: { py2: true, message: 'backtick repr' },
  [Problem.Py2NotEqual]: { py2: true, message: '<> operator' },
  [Problem.Py2UrPrefix]: { py2: true, message: 'ur"" string prefix' },
  [Problem.Py2Octal]: { py2: true, message: 'octal literal without 0o' },
  [Problem.Py2LongSuffix]: { py2: true, message: 'long integer suffix L' },
};

export class ProblemReport {
  private readonly syntax: Array<{ message: string; line: number }> = [];
  private syntaxCount = 0;
  private readonly py2 = new Map<string, { line: number; count: number }>();

  syntaxError(message: string, line: number): void {
    this.syntaxCount++;
    if (this.syntax.length < MAX_SYNTAX_ERRORS) this.syntax.push({ message, line });
  }

  python2(what: string, line: number): void {
    const seen = this.py2.get(what);
    if (seen) seen.count++;
    else this.py2.set(what, { line, count: 1 });
  }

  tokenProblem(problem: Problem, line: number): void {
    const known = TOKEN_PROBLEMS[problem];
    if (known.py2) this.python2(known.message, line);
    else this.syntaxError(known.message, line);
  }

  diagnostics(path: string): Diagnostic[] {
    // Nearly every file has no problem: without the loops and the sort, this per-file call stays
    // too small for V8 to spend a compile on.
    if (this.syntax.length === 0 && this.py2.size === 0) return [];
    const out: Diagnostic[] = [];
    for (const [what, { line, count }] of this.py2) {
      const more = count > 1 ? ` (${count} occurrences, first shown)` : '';
      out.push(warning('python/python2-syntax', `Python 2 syntax at line ${line}: ${what}${more}; read as far as possible`, path, line));
    }
    this.syntax.forEach(({ message, line }, i) => {
      const rest = this.syntaxCount - this.syntax.length;
      const more = i === this.syntax.length - 1 && rest > 0 ? ` (and ${rest} more syntax problems)` : '';
      out.push(warning('python/syntax-error', `syntax error at line ${line}: ${message}${more}`, path, line));
    });
    return out.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
  }
}
