/**
 * Escaping for the two places repo strings enter the HTML page: element text in the static
 * template (escapeHtml) and the embedded data block (jsonForScript). The client script never
 * parses repo strings as HTML: it sets textContent.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);

const unicodeEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON that can sit inside `<script type="application/json">`: without `<` no `</script>` or
 * `<!--` can close or confuse the block; `>` and `&` go too, for the same reason in other
 * contexts; U+2028/U+2029 are escaped so the text is also a valid JS literal. JSON.parse reads the
 * escapes back to the original characters.
 */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, unicodeEscape);

/** True when `source` can be placed verbatim between `<script>` and `</script>`. */
export const isScriptSafe = (source: string): boolean => !/<\/script|<!--/i.test(source);
