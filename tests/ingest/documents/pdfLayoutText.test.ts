import { pdfLayoutText, type PdfPageText, type PdfTextItem } from '../../../src/ingest';

/** A page of A4 (595 x 842 points) from lines: [baseline, text, options]; a line's text is one
 *  item unless it holds "|", which separates items (a raised small "^n" item is a superscript). */
type LineSpec = readonly [y: number, text: string, options?: { x?: number; size?: number; full?: boolean; gap?: number }];

const LEFT = 90;
const RIGHT = 530;

function page(lines: readonly LineSpec[]): PdfPageText {
  const items: PdfTextItem[] = [];
  for (const [y, text, o = {}] of lines) {
    const size = o.size ?? 10;
    let x = o.x ?? LEFT;
    const parts = text.split('|');
    parts.forEach((part, i) => {
      const sup = /^\^(\w+)$/.exec(part);
      // Punctuation closes up to what it follows.
      if (/^[,;.]/.test(part)) x -= o.gap ?? 2;
      const width = i === parts.length - 1 && o.full ? RIGHT - x : part.length * size * 0.45;
      if (sup) items.push({ text: sup[1], x, y: y + size * 0.38, width: sup[1].length * 3, size: size * 0.58 });
      else items.push({ text: part, x, y, width, size });
      x += (sup ? sup[1].length * 3 : width) + (o.gap ?? 2);
    });
  }
  return { width: 595, height: 842, items };
}

const body = (y: number, text: string, full = true): LineSpec => [y, text, { full }];
/** A paragraph of three full lines and a short one, 12 points apart: what sets the line pitch. */
const filler = (y: number): LineSpec[] => [
  body(y, 'Deeply concerned that organized criminal groups continue to exploit migrants who are'),
  body(y - 12, 'smuggled across international borders by land, sea and air, exposing them to serious risks'),
  body(y - 24, 'to their lives and safety, including by abandoning them in deserts and at sea, and that the'),
  body(y - 36, 'profits are used to finance other crime,', false),
];
const FILLER =
  'Deeply concerned that organized criminal groups continue to exploit migrants who are smuggled across international borders by land, sea and air, exposing them to serious risks to their lives and safety, including by abandoning them in deserts and at sea, and that the profits are used to finance other crime,';

describe('pdfLayoutText', () => {
  it('writes a raised small number as a footnote marker and the footnote after the text', () => {
    const text = pdfLayoutText([
      page([
        ...filler(760),
        body(700, 'Recalling the Convention|^1| and the Protocol thereto,', false),
        body(680, 'Noting the report,', false),
        [100, '1 United Nations, Treaty Series, vol. 2225, No. 39574.', { size: 8 }],
      ]),
    ]);
    expect(text).toBe(
      `${FILLER}\n\nRecalling the Convention[^1] and the Protocol thereto,\n\nNoting the report,\n\n[^1]: United Nations, Treaty Series, vol. 2225, No. 39574.\n`,
    );
  });

  it.each([
    [
      'on its own line',
      [
        [110, '2', { size: 8 }],
        [100, 'Ibid., vol. 2237, No. 39574.', { size: 8, x: 100 }],
      ],
    ],
    ['raised, as a superscript', [[100, '^2|Ibid., vol. 2237, No. 39574.', { size: 8 }]]],
    ['run into the text', [[100, '2 Ibid., vol. 2237, No. 39574.', { size: 8 }]]],
    ['run into the text without a space', [[100, '2Ibid., vol. 2237, No. 39574.', { size: 8 }]]],
  ] as Array<[string, LineSpec[]]>)('reads a footnote whose number stands %s', (_how, foot) => {
    const text = pdfLayoutText([page([...filler(760), body(700, 'Taking note|^2|,', false), ...foot])]);
    expect(text.split('\n\n')).toEqual([FILLER, 'Taking note[^2],', '[^2]: Ibid., vol. 2237, No. 39574.\n']);
  });

  it('continues a footnote that runs over to the next page', () => {
    const text = pdfLayoutText([
      page([...filler(760), body(700, 'First paragraph|^1|;', false), [100, '1 A long footnote that goes on', { size: 8 }]]),
      page([...filler(760), body(700, 'Second paragraph;', false), [100, 'to the next page.', { size: 8 }]]),
    ]);
    expect(text.split('\n\n').slice(-1)).toEqual(['[^1]: A long footnote that goes on to the next page.\n']);
  });

  it('drops running heads, page numbers, job numbers and barcodes', () => {
    const furniture = (n: number): LineSpec[] => [
      [800, 'E/RES/2019/41', { size: 9 }],
      [36, '19-22333 (E) 270120|' + `${n}/2` + '|*1922333*', { size: 8, gap: 150 }],
    ];
    const text = pdfLayoutText([
      page([...furniture(1), body(700, 'Recalling its resolution 70/1,', false)]),
      page([...furniture(2), [760, '- 2 -', { x: 280 }], body(700, '1. Decides to remain seized of the matter.', false)]),
    ]);
    expect(text).toBe('E/RES/2019/41\n\nRecalling its resolution 70/1,\n\n1. Decides to remain seized of the matter.\n');
  });

  it('keeps a paragraph whole over a page break when the last line of the page is full, and ends it when it is short', () => {
    const text = pdfLayoutText([
      page([
        ...filler(760),
        body(700, 'Welcoming the Global Compact, endorsed by the General'),
        body(688, 'Assembly in its resolution 73/195 of 19 December 2018, and the', true),
      ]),
      page([body(780, 'declaration adopted there,', false), body(760, 'Recalling its resolution 70/1,', false)]),
    ]);
    expect(text.split('\n\n')).toEqual([
      FILLER,
      'Welcoming the Global Compact, endorsed by the General Assembly in its resolution 73/195 of 19 December 2018, and the declaration adopted there,',
      'Recalling its resolution 70/1,\n',
    ]);
  });

  it.each([
    ['organ-', 'ized crime,', 'organized crime,'],
    ['well-', 'managed migration,', 'well-managed migration,'],
    ['non-', 'governmental organizations,', 'non-governmental organizations,'],
    ['coordi\u00ad', 'nation,', 'coordination,'],
    ['Member', 'States,', 'Member States,'],
  ])('joins the wrapped line "%s" + "%s" as "%s"', (end, start, joined) => {
    const text = pdfLayoutText([page([body(700, `Recalling the work of the ${end}`), body(686, start, false)])]);
    expect(text).toBe(`Recalling the work of the ${joined}\n`);
  });

  it('writes the cells of a two-column header line apart, and header lines one under the other', () => {
    const text = pdfLayoutText([
      page([
        [770, 'United Nations|E/RES/2019/41', { size: 14, gap: 270 }],
        [752, 'Economic and Social Council|Distr.: General', { size: 14, gap: 40 }],
        [741, '27 January 2020', { x: 300 }],
        [725, '2019 session'],
        body(600, 'The Economic and Social Council,', false),
        ...filler(580),
      ]),
    ]);
    expect(text.startsWith('United Nations   E/RES/2019/41\nEconomic and Social Council   Distr.: General\n')).toBe(true);
    expect(text).toMatch(/Distr\.: General\n+27 January 2020\n+2019 session\n\nThe Economic and Social Council,\n\nDeeply/);
  });
});
