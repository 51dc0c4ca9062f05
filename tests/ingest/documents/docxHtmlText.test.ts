import { docxHtmlText } from '../../../src/ingest';

/** [what, mammoth's HTML, the text the parser reads]. */
const CASES: Array<[string, string, string]> = [
  [
    'paragraphs as blocks, emphasis dropped',
    '<p>1. <em>Urges</em> Member States;</p><p>2. <strong>Requests</strong> the Office;</p>',
    '1. Urges Member States;\n\n2. Requests the Office;\n',
  ],
  [
    "Word's footnotes with their printed numbers, after the text",
    '<p>the Convention<sup><a href="#footnote-2" id="footnote-ref-2">[1]</a></sup> and</p><ol><li id="footnote-2"><p>\tUnited Nations, <em>Treaty Series</em>, vol. 2225, No. 39574. <a href="#footnote-ref-2">↑</a></p></li></ol>',
    'the Convention[^1] and\n\n[^1]: United Nations, Treaty Series, vol. 2225, No. 39574.\n',
  ],
  [
    'a superscript number typed in the text as a marker',
    '<p>the Smuggling of Migrants Protocol<sup>4</sup> and</p>',
    'the Smuggling of Migrants Protocol[^4] and\n',
  ],
  ['a superscript ordinal kept as letters', '<p>39<sup>e</sup> séance plénière</p>', '39e séance plénière\n'],
  [
    'each paragraph of a table cell apart: the two-column header',
    '<table><tr><td><p>Economic and Social Council</p></td><td><p>Distr.: General</p><p>27 January 2020</p></td></tr></table>',
    'Economic and Social Council\n\nDistr.: General\n\n27 January 2020\n',
  ],
  ['entities decoded', '<p>Rappelant l&#39;action &amp; les « efforts »</p>', "Rappelant l'action & les « efforts »\n"],
  ['a line break inside a paragraph', '<p>39th plenary meeting<br />23 July 2019</p>', '39th plenary meeting\n\n23 July 2019\n'],
];

describe('docxHtmlText', () => {
  it.each(CASES)('keeps %s', (_what, html, text) => {
    expect(docxHtmlText(html)).toBe(text);
  });
});
