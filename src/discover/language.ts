import type { Language } from '../model/file.js';
import { basename, extname } from '../util/path.js';

const BY_EXTENSION: Record<string, Language> = {
  '.py': 'python', '.pyi': 'python', '.pyw': 'python',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript',
  '.ts': 'typescript', '.tsx': 'typescript', '.mts': 'typescript', '.cts': 'typescript',
  '.sh': 'shell', '.bash': 'shell', '.zsh': 'shell', '.ksh': 'shell',
  '.md': 'markdown', '.markdown': 'markdown', '.mdx': 'markdown',
  '.rst': 'rst', '.txt': 'text',
  '.json': 'json', '.jsonc': 'json',
  '.yml': 'yaml', '.yaml': 'yaml',
  '.toml': 'toml',
  '.ini': 'ini', '.cfg': 'ini', '.conf': 'ini',
  '.dockerfile': 'dockerfile',
  '.mk': 'makefile',
  '.service': 'systemd', '.timer': 'systemd', '.socket': 'systemd', '.path': 'systemd',
  '.cron': 'crontab', '.crontab': 'crontab',
  '.html': 'html', '.htm': 'html',
  '.css': 'css',
};

const BY_NAME: Record<string, Language> = {
  Dockerfile: 'dockerfile', Containerfile: 'dockerfile',
  Makefile: 'makefile', makefile: 'makefile', GNUmakefile: 'makefile',
  Procfile: 'procfile', crontab: 'crontab',
  README: 'text', LICENSE: 'text', CHANGELOG: 'text',
};

/**
 * Language from the path alone. Returns null for extension-less files whose first line
 * (a shebang) must decide.
 */
export const languageFromPath = (path: string): Language | null => {
  const name = basename(path);
  const byName = BY_NAME[name];
  if (byName) return byName;
  if (name.startsWith('Dockerfile.') || name.startsWith('Containerfile.')) return 'dockerfile';
  if (name.startsWith('Procfile.')) return 'procfile';
  if (path.includes('/cron.d/')) return 'crontab';
  const ext = extname(name).toLowerCase();
  if (ext === '' || ext === name.toLowerCase()) return null;
  return BY_EXTENSION[ext] ?? 'other';
};

const SHEBANG_INTERPRETERS: [RegExp, Language][] = [
  [/^python[0-9.]*$/, 'python'],
  [/^(node|nodejs|bun|deno)$/, 'javascript'],
  [/^(tsx|ts-node|ts-node-esm)$/, 'typescript'],
  [/^(ba|z|k|da)?sh$/, 'shell'],
];

/** `#!/usr/bin/env python3`, `#!/bin/bash -e`, `#!/usr/bin/env -S node --flag` → language. */
export const languageFromShebang = (firstLine: string): Language | null => {
  if (!firstLine.startsWith('#!')) return null;
  const words = firstLine.slice(2).trim().split(/\s+/);
  let program = basename(words[0] ?? '');
  let i = 1;
  if (program === 'env') {
    while (i < words.length && words[i].startsWith('-')) i++;
    program = basename(words[i] ?? '');
  }
  for (const [pattern, language] of SHEBANG_INTERPRETERS) if (pattern.test(program)) return language;
  return null;
};

/** Languages whose files census reads as text (the rest are listed but not opened unless extension-less). */
export const isTextLanguage = (language: Language): boolean => language !== 'other';
