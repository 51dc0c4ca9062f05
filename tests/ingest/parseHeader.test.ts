import { parseResolution } from '../../src/ingest';

const BODY = `2019/41. Strengthening cooperation

The Economic and Social Council,

Recalling its resolution 2018/17,

1. Decides to remain seized of the matter.

39th plenary meeting
23 July 2019
`;

const FIELDS = {
  organName: 'Economic and Social Council',
  distributionDate: '2020-01-27',
  session: '2019 session',
  agendaItem: '19 (c)',
  adoptionDate: '2019-07-23',
};

/** [layout, header text]: every layout keeps every field. */
const LAYOUTS: Array<[string, string]> = [
  [
    'one field per block',
    'Economic and Social Council\n\nDistr.: General\n27 January 2020\n\n2019 session\n\nAgenda item 19 (c)\n\nResolution adopted by the Economic and Social Council on 23 July 2019\n\n',
  ],
  [
    'lines that follow one another without blank lines',
    'Economic and Social Council\nDistr.: General\n27 January 2020\n2019 session\nAgenda item 19 (c)\nResolution adopted by the Economic and Social Council on 23 July 2019\n\n',
  ],
  [
    'two columns, as in the text of a UN PDF',
    'United Nations                                   E/RES/2019/41\nEconomic and Social Council         Distr.: General\n                                    27 January 2020\n2019 session\nAgenda item 19 (c)\n\nResolution adopted by the Economic and Social Council on 23 July 2019\n\n',
  ],
  [
    'two columns separated by tabs, the date on the same line',
    'Economic and Social Council\tDistr.: General 27 January 2020\n2019 session\tAgenda item 19 (c)\nResolution adopted by the Economic and Social Council on 23 July 2019\n\n',
  ],
];

describe('header lines', () => {
  it.each(LAYOUTS)('keep every field when written as %s', (_layout, header) => {
    const tree = parseResolution(header + BODY, { file: 'header.md' });
    expect(tree.header).toMatchObject(FIELDS);
    expect(tree.warnings).toEqual([]);
  });

  it('keep a French agenda item and session in two columns', () => {
    const header =
      "Conseil économique et social      Distr. générale\n                                  28 janvier 2020\nSession de 2019\nPoint 19 c) de l'ordre du jour\n\nRésolution adoptée par le Conseil économique et social le 23 juillet 2019\n\n";
    const tree = parseResolution(header + BODY.replace('The Economic and Social Council,', 'Le Conseil économique et social,'), { file: 'entete.md' });
    expect(tree.header).toMatchObject({
      organName: 'Conseil économique et social',
      distributionDate: '2020-01-28',
      session: 'Session de 2019',
      agendaItem: '19 (c)',
      adoptionDate: '2019-07-23',
    });
  });

  it('report each missing field as a warning naming the file', () => {
    const tree = parseResolution('Economic and Social Council\n\n2019 session\n\n' + BODY, { file: 'data/sources/short-header.md' });
    expect(tree.warnings).toEqual([
      'data/sources/short-header.md: the header gives no distribution date ("Distr.: General" and its date)',
      'data/sources/short-header.md: the header gives no agenda item ("Agenda item 19 (c)")',
    ]);
  });
});

describe('page furniture in text copied out of a PDF', () => {
  it('is dropped between paragraphs: job numbers with their date, barcodes, page numbers, "Please recycle"', () => {
    const text = `2019/41. Strengthening cooperation

The Economic and Social Council,

Recalling its resolution 2018/17, and welcoming the report of the

19-22333 (E) 270120

*1922333*

Please recycle

2/3

E/RES/2019/41

Secretary-General,

1. Decides to remain seized of the matter.
`;
    const tree = parseResolution(text, { file: 'copied.txt' });
    expect(tree.preambular.map((p) => p.text)).toEqual(['Recalling its resolution 2018/17, and welcoming the report of the Secretary-General,']);
    expect(tree.operative).toHaveLength(1);
  });
});
