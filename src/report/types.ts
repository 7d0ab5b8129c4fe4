import type { Audit } from '../model/audit.js';

export interface RenderOptions {
  /** Use ANSI colours (TTY and no NO_COLOR). */
  color: boolean;
}

/** A reporter is a pure function of the Audit. */
export type Reporter = (audit: Audit, options: RenderOptions) => string;
