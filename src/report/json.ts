import type { Reporter } from './types.js';

/** The Audit itself, pretty-printed with a trailing newline: stable and diff-friendly. */
export const renderJson: Reporter = (audit) => `${JSON.stringify(audit, null, 2)}\n`;
