/**
 * The language a `#!` line runs a file with, derived from the language records' interpreter
 * patterns. Discovery decides a file without an extension by it (discover/language.ts), and a
 * reader that asks "is this file JS?" of such a file asks the same question here, so the two never
 * disagree (`#!/usr/bin/nodejs` is JS to both; `#!/opt/node-tools/bin/python3` is Python to both).
 */
import type { Language } from '../model/file.js';
import { LANGUAGE_RECORDS } from './registry.js';
import { basename } from '../util/path.js';

const SHEBANG_INTERPRETERS: [RegExp, Language][] = LANGUAGE_RECORDS.flatMap((r) => (r.shebang ? [[r.shebang, r.id] as [RegExp, Language]] : []));

/** `#!/usr/bin/env python3`, `#!/bin/bash -e`, `#!/usr/bin/env -S node --flag`, `#!/command/with-contenv bash` → language. */
export const languageFromShebang = (firstLine: string): Language | null => {
  if (!firstLine.startsWith('#!')) return null;
  const words = firstLine.slice(2).trim().split(/\s+/);
  let program = basename(words[0] ?? '');
  let i = 1;
  // s6-overlay's `#!/command/with-contenv bash` runs the interpreter after it, as env does.
  if (program === 'env' || program === 'with-contenv') {
    while (i < words.length && words[i].startsWith('-')) i++;
    program = basename(words[i] ?? '');
  }
  for (const [pattern, language] of SHEBANG_INTERPRETERS) if (pattern.test(program)) return language;
  return null;
};

/**
 * Whether a text's `#!` line runs it with Node (or a TypeScript runner): a bin file without an
 * extension is JS then (`bin/hexo`). Package outputs and the JS readers ask it alike.
 */
export const runsWithNode = (text: string): boolean => {
  const nl = text.indexOf('\n');
  const language = languageFromShebang(nl < 0 ? text : text.slice(0, nl));
  return language === 'javascript' || language === 'typescript';
};
