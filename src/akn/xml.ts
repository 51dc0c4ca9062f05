/** XML text and attribute escaping. Characters XML 1.0 cannot carry at all (C0 controls other
 *  than tab, newline and carriage return; unpaired surrogates) become U+FFFD, so any string
 *  the graph holds gives a well-formed document. */

const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlChars = (s: string): string => s.replace(NOT_XML_CHAR, '\uFFFD');

export const escapeText = (s: string): string => xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const escapeAttribute = (s: string): string =>
  escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

/** ` name="value"` for each defined attribute, in the order given. */
export function attributes(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
}
