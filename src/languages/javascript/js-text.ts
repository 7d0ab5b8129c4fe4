/**
 * Small pieces shared by the readers that look at JS/TS text without parsing it (folder
 * expressions, the framework readers' call and list readers): what an identifier is. One owner,
 * so a pattern is compiled once per process, not once per call.
 */

/** An identifier as a regular-expression source, to build larger patterns from (no group). */
export const IDENTIFIER_SOURCE = String.raw`[A-Za-z_$][\w$]*`;

/** A whole string that is one identifier (`name`, `$el`); no `g` flag, so `.test` keeps no state. */
export const IDENTIFIER = new RegExp(`^${IDENTIFIER_SOURCE}$`);
