/** XML text and attribute escaping shared by the GraphML and GEXF writers. */

/** Characters XML 1.0 does not allow at all (C0 controls other than tab, LF and CR,
 *  lone surrogates, U+FFFE/U+FFFF): dropped rather than escaped. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escape a value for XML element content or a double- or single-quoted attribute.
 *  Line breaks are written as character references so attribute values keep them. */
export function escapeXml(value: string | number): string {
  return String(value)
    .replace(NOT_XML_CHAR, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
