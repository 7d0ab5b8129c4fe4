/**
 * Text from the audited repo made safe to show: control characters (ESC, BEL, CR, newlines, C1,
 * line and paragraph separators) become visible escapes, so a file name or a quoted line cannot
 * set a terminal's title, clear its screen or start a CI workflow command. Tabs stay.
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/;

const visible = (c: string): string => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A string as a terminal may show it: control characters become escapes, everything else stays. */
export const displayText = (text: string): string => (HAS_CONTROL.test(text) ? text.replace(CONTROL, visible) : text);
