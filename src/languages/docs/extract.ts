/**
 * Docs (Markdown, RST, plain text): what a person reading them would take as a pointer to a file.
 * Path-like words and dotted module names become references; lines in shell code blocks and
 * inline code spans become commands. Whether a mention names a real file is decided later,
 * against the repo's file list.
 */
import type { FileFacts, ReferenceFact, CommandFact } from '../../model/facts.js';
import { emptyFacts } from '../../model/facts.js';
import type { LanguageExtractor } from '../types.js';

const SHELL_FENCES = new Set(['', 'sh', 'bash', 'shell', 'console', 'zsh', 'shell-session', 'terminal', 'text', 'cmd']);
export const PATH_WORD = /(?:^|[\s`'"(\[<:=])((?:\.{1,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*\.(?:py|pyi|js|mjs|cjs|jsx|ts|tsx|mts|cts|sh|bash)|(?:\.{1,2}\/)?[\w@.-]+(?:\/[\w@.-]+)+\/?)(?=$|[\s`'")\]>:,;.!?#])/g;
export const MODULE_WORD = /(?:^|[\s`'"(\[])([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)(?::[A-Za-z_]\w*)?(?=$|[\s`'")\],;:!?])/g;
const INLINE_CODE = /`([^`\n]+)`/g;
const PROMPT = /^\s*(?:\$|>|#|PS>|%)\s+/;

/**
 * What a line must contain for each pattern to match, tested first because most lines of prose
 * hold neither and the patterns, tried at every word, backtrack: a PATH_WORD has a `/` or one of
 * its extensions after a dot, a MODULE_WORD a dot between name characters.
 */
export const MAY_HOLD_PATH = /\/|\.(?:py|js|mjs|cjs|jsx|ts|tsx|mts|cts|sh|bash)/;
export const MAY_HOLD_MODULE = /\w\.[A-Za-z_]/;

const addReferences = (line: string, lineNo: number, out: ReferenceFact[]): void => {
  if (MAY_HOLD_PATH.test(line)) addPaths(line, lineNo, out);
  if (MAY_HOLD_MODULE.test(line)) addModules(line, lineNo, out);
};

const addPaths = (line: string, lineNo: number, out: ReferenceFact[]): void => {
  for (const m of line.matchAll(PATH_WORD)) {
    const target = m[1].replace(/[.]+$/, '');
    if (target.includes('://') || target.length < 3) continue;
    out.push({ target, form: 'path', line: lineNo, via: 'doc' });
  }
};

const addModules = (line: string, lineNo: number, out: ReferenceFact[]): void => {
  for (const m of line.matchAll(MODULE_WORD)) {
    const target = m[1];
    if (/\.(py|js|ts|sh|md|txt|json|ya?ml|toml|html|css|com|org|io|net)$/i.test(target)) continue;
    out.push({ target, form: 'module', line: lineNo, via: 'doc' });
  }
};

/**
 * The summary is kept aside and stored once at the end, only when there is one: a fact object
 * that got its summary field on some files and not others (an empty README), or had it set to
 * undefined first, was a new hidden class the compiled loop met hundreds of files in.
 */
const extractDocs = (text: string): FileFacts => {
  const facts = emptyFacts();
  const references = facts.references;
  const commands = facts.commands;
  let summary: string | undefined;
  const lines = text.split('\n');
  let fence: string | null = null;
  let fenceIsShell = false;
  let rstLiteral = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    const lineNo = i + 1;
    const trimmed = raw.trim();
    const fenceMatch = /^(```+|~~~+)\s*([\w-]*)/.exec(trimmed);
    if (fenceMatch) {
      if (fence === null) {
        fence = fenceMatch[1];
        fenceIsShell = SHELL_FENCES.has(fenceMatch[2].toLowerCase());
      } else if (trimmed.startsWith(fence)) {
        fence = null;
      }
      continue;
    }
    if (!summary && trimmed !== '' && fence === null) {
      summary = trimmed.replace(/^#+\s*/, '').replace(/^=+$|^-+$/, '').trim() || undefined;
    }
    if (fence !== null) {
      addReferences(raw, lineNo, references);
      if (fenceIsShell && trimmed !== '' && !trimmed.startsWith('#')) {
        commands.push({ command: trimmed.replace(PROMPT, ''), line: lineNo, via: 'doc code block' });
      }
      continue;
    }
    if (rstLiteral) {
      if (trimmed !== '' && !/^\s/.test(raw)) rstLiteral = false;
      else if (trimmed !== '') {
        commands.push({ command: trimmed.replace(PROMPT, ''), line: lineNo, via: 'doc code block' });
      }
    }
    if (/::\s*$/.test(trimmed) || /^\.\.\s+code(-block)?::/.test(trimmed)) rstLiteral = true;
    addReferences(raw, lineNo, references);
    for (const m of raw.matchAll(INLINE_CODE)) {
      const code = m[1].trim();
      if (code.includes(' ')) commands.push({ command: code.replace(PROMPT, ''), line: lineNo, via: 'doc inline code' } as CommandFact);
    }
  }
  if (summary !== undefined) facts.summary = summary;
  return facts;
};

// No warm-up pages before the first real file (there were, until stop 37): with TurboFan inlining
// off (bin/engine.js) they saved no compile of extractDocs on payload, and on saleor, whose few
// docs never make it hot, they only made V8 compile it.
const docsExtractorFor = (language: 'markdown' | 'rst' | 'text'): LanguageExtractor => ({
  language,
  version: 1,
  extract: (_path, text) => extractDocs(text),
});

export const markdownExtractor = docsExtractorFor('markdown');
export const rstExtractor = docsExtractorFor('rst');
export const textExtractor = docsExtractorFor('text');
