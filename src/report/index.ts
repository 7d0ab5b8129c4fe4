/** The report formats: the CLI's --format names are the keys of this map. */
import { renderHtml } from './html/index.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminal } from './terminal.js';
import type { Reporter } from './types.js';

export const FORMATS = {
  terminal: renderTerminal,
  json: renderJson,
  md: renderMarkdown,
  html: renderHtml,
} satisfies Record<string, Reporter>;

export type Format = keyof typeof FORMATS;

export const isFormat = (name: string): name is Format => Object.hasOwn(FORMATS, name);
