import { EXTRACTORS } from '../../../src/ingest';
import { found, type Case } from './cases';

const namedEntities = EXTRACTORS.find((x) => x.kinds.includes('organisation'))!;

const CASES: Case[] = [
  ["l'Office des Nations Unies contre la drogue et le crime", ['organisation org unodc [Office des Nations Unies contre la drogue et le crime]']],
  ['UNODC and the Office', ['organisation org unodc [UNODC]', 'organisation org unodc [Office]']],
  ['the Office', []],
  [
    'the Smuggling of Migrants Protocol and the said Protocol',
    ['treaty treaty 2241/39574 [Smuggling of Migrants Protocol]', 'treaty treaty 2241/39574 [Protocol]'],
  ],
  // Two entities share the short form: it refers to the one named last.
  [
    'the Trafficking in Persons Protocol, the Smuggling of Migrants Protocol and the Protocol',
    [
      'treaty treaty 2237/39574 [Trafficking in Persons Protocol]',
      'treaty treaty 2241/39574 [Smuggling of Migrants Protocol]',
      'treaty treaty 2241/39574 [Protocol]',
    ],
  ],
  [
    'la Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée',
    ['organisation org untoc-cop [Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée]'],
  ],
  ['the 2030 Agenda for Sustainable Development', ['plan plan 2030-agenda [2030 Agenda for Sustainable Development]']],
];

describe('the named-entity extractor', () => {
  it.each(CASES)('in %j finds %j', (text, expected) => {
    expect(found(namedEntities, text)).toEqual(expected);
  });
});
