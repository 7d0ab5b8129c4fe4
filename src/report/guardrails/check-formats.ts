/** The `census check` formats: the CLI's --format names are the keys of this map. */
import type { CheckResult } from '../../model/findings.js';
import { renderCheckGithub } from './check-github.js';
import { renderCheckMarkdown } from './check-markdown.js';
import { renderCheckSarif } from './check-sarif.js';
import { renderCheckTerminal } from './check-terminal.js';
import type { CheckRenderOptions } from './check-view.js';

export type CheckReporter = (result: CheckResult, options: CheckRenderOptions, version: string) => string;

export const CHECK_FORMATS = {
  terminal: renderCheckTerminal,
  md: renderCheckMarkdown,
  sarif: renderCheckSarif,
  github: renderCheckGithub,
  json: (result) => `${JSON.stringify(result, null, 2)}\n`,
} satisfies Record<string, CheckReporter>;

export type CheckFormat = keyof typeof CHECK_FORMATS;

export const isCheckFormat = (name: string): name is CheckFormat => Object.hasOwn(CHECK_FORMATS, name);
