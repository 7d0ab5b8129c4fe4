/**
 * Evidence reads as sentences with their subject ("sidecar/admin.py is imported by
 * sidecar/main.py:4 (as admin_router)"), so a chain never reads as if it were about the last file
 * and no sentence needs the reader to know which file it is about. Edge labels, root sentences,
 * `census why` and the HTML page's chain matching all build sentences here.
 */
import { joined } from './own-string.js';

/** Predicates that follow "X is" as they are: a participle or an article. */
const FOLLOWS_IS = /^(?:imported|run|named|referenced|loaded|included|collected|required|called|started|copied|declared|used|read|runnable|the|a|an)\b/;

/** A predicate that is a clause of its own, a call at a place (`lib/boot.js:103 calls load(dir), which lists …`): "reached when" it happens. */
const CALL_AT = /^\S+:\d+ calls /;

/**
 * `predicate` said of `file`: "X is imported by …", else "X is reached through <what a reader wrote>".
 * One flat string, not a rope of its parts: every edge keeps its sentence until the Audit is
 * written (a rope costs about half as much again, and the JSON writer flattens it in place).
 */
export const aboutFile = (file: string, predicate: string): string =>
  joined(file, FOLLOWS_IS.test(predicate) ? ' is ' : CALL_AT.test(predicate) ? ' is reached when ' : ' is reached through ', predicate);

/**
 * A command's sentence, then the steps it went through (`package.json script "test": …`, `the
 * migrations of app saleor.order`), each after ", then "; a step in parentheses (why a path was
 * read as a repo path) after a space. Stop 55: never " → ", which `census why`, the markdown and the
 * HTML report draw between the sentences of a chain: one sentence read as two steps (saleor 5,764).
 */
export const withSteps = (sentence: string, steps: readonly string[]): string => {
  let out = sentence;
  for (const step of steps) out += step.startsWith('(') ? ` ${step}` : `, then ${step}`;
  return out;
};

/**
 * A word that names what quotes a command: `Procfile process "web": gunicorn …`, `Dockerfile CMD: …`;
 * a config key that holds a command line (stop 55: devcontainer.ts's lifecycle keys, render's and
 * railway's startCommand/buildCommand), else saleor's migrations, which a framework reads from
 * `postCreateCommand: python manage.py migrate` without its own `command`, read "is an entry point:".
 */
const COMMAND_WORD = /\b(?:process|ExecStart|CMD|ENTRYPOINT|RUN|HEALTHCHECK|script|step|target|command|(?:initialize|onCreate|updateContent|postCreate|postStart|postAttach|start|build)Command)\b/;

/**
 * An entry's evidence that quotes what runs: a command word before its first colon, and the colon
 * followed by a space. Found by indexOf, not one anchored pattern: `^[^:]*\bword\b[^:]*: ` went back
 * over the head once per command word in it (20,000 words and no colon took 1.9 s; review s54-rm4).
 * Stop 54: not a reader's "(no command found that runs it: tooling)", which says the opposite
 * (payload's 230 Next.js routes read "is run by Next.js app router page …"), whatever words come
 * before that note (a route group named `(process)`).
 */
const quotesACommand = (evidence: string): boolean => {
  const colon = evidence.indexOf(':');
  if (colon < 0 || evidence.charCodeAt(colon + 1) !== 32 /* space */) return false;
  const head = evidence.slice(0, colon);
  return COMMAND_WORD.test(head) && !head.endsWith('(no command found that runs it');
};

/**
 * How an entry starts its file: a command runs it, a test runner collects it, else it is an entry
 * point of what names it; evidence that says "entry point [group] …" itself (installed metadata) is
 * that entry point (stop 55: not "is an entry point: entry point [console_scripts] …").
 */
export const entryVerb = (entry: { command?: string; kind: string; evidence: string }): string =>
  entry.command !== undefined || quotesACommand(entry.evidence) ? 'run by'
  : entry.kind === 'test' && /discovery|test file|testMatch|testpaths/.test(entry.evidence) ? 'collected by'
  : entry.evidence.startsWith('entry point ') ? 'the'
  : 'an entry point:';

/**
 * Whether `evidence` opens with `file` and then a colon or a space: it already says what it is
 * about. Without the two strings `file + ':'` and `file + ' '` a test made per entry (5,600 on saleor).
 */
const opensWithFile = (evidence: string, file: string): boolean => {
  if (!evidence.startsWith(file)) return false;
  const next = evidence.charCodeAt(file.length);
  return next === 58 /* : */ || next === 32 /* space */;
};

/** The root sentence of a chain that starts at an entry point. */
export const entrySentence = (entry: { file: string; evidence: string; command?: string; kind: string }): string =>
  // "eslint.config.mjs: config file loaded by eslint" already says what it is about.
  opensWithFile(entry.evidence, entry.file) ? entry.evidence : `${entry.file} is ${entryVerb(entry)} ${entry.evidence}`;
