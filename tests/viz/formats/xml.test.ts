import { escapeXml } from '../../../src/viz';

describe('escapeXml', () => {
  it.each([
    ['ampersands', 'Tom & Jerry', 'Tom &amp; Jerry'],
    ['angle brackets', '<b>bold</b>', '&lt;b&gt;bold&lt;/b&gt;'],
    ['double quotes', 'say "hi"', 'say &quot;hi&quot;'],
    ['single quotes', "l'Office", 'l&apos;Office'],
    ['an entity that is already escaped, again', '&amp;', '&amp;amp;'],
    ['line breaks and tabs, as character references', 'a\nb\r\tc', 'a&#10;b&#13;&#9;c'],
    ['characters XML does not allow, by dropping them', 'a\u0000b\u0008c\uFFFEd', 'abcd'],
    ['accents and characters outside the BMP, unchanged', 'Mise en œuvre 😀', 'Mise en œuvre 😀'],
    ['numbers, as text', 42, '42'],
  ])('escapes %s', (_, input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});
