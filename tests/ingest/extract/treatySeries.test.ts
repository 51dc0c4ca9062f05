import { EXTRACTORS } from '../../../src/ingest';
import { found, type Case } from './cases';

const treatySeries = EXTRACTORS.find((x) => x.name.startsWith('treaties by United Nations Treaty Series'))!;

const CASES: Case[] = [
  ['Nations Unies, Recueil des Traités, vol. 2225, n° 39574.', ['treaty treaty 2225/39574 [Recueil des Traités, vol. 2225, n° 39574]']],
  ['United Nations, Treaty Series, vol. 2237, No. 39574.', ['treaty treaty 2237/39574 [Treaty Series, vol. 2237, No. 39574]']],
  [
    'United Nations, Treaty Series, vols. 2237, 2241 and 2326, No. 39574.',
    [
      'treaty treaty 2237/39574 [Treaty Series, vols. 2237, 2241 and 2326, No. 39574]',
      'treaty treaty 2241/39574 [Treaty Series, vols. 2237, 2241 and 2326, No. 39574]',
      'treaty treaty 2326/39574 [Treaty Series, vols. 2237, 2241 and 2326, No. 39574]',
    ],
  ],
  ['Nations Unies, Recueil des Traités, vol. 1577, no 27531.', ['treaty treaty 1577/27531 [Recueil des Traités, vol. 1577, no 27531]']],
  ['Ibid., vol. 2237, No. 39574.', []],
  ['See volume 2237 of the Treaty Series.', []],
];

describe('the Treaty Series extractor', () => {
  it.each(CASES)('in %j finds %j', (text, expected) => {
    expect(found(treatySeries, text)).toEqual(expected);
  });

  it.each([
    ['Ibid., vol. 2237, No. 39574.', ['treaty treaty 2237/39574 [Ibid., vol. 2237, No. 39574]']],
    ['Ibid.', []],
    [
      'Ibid., vol. 2237, 2241 et 2326, n° 39574.',
      [
        'treaty treaty 2237/39574 [Ibid., vol. 2237, 2241 et 2326, n° 39574]',
        'treaty treaty 2241/39574 [Ibid., vol. 2237, 2241 et 2326, n° 39574]',
        'treaty treaty 2326/39574 [Ibid., vol. 2237, 2241 et 2326, n° 39574]',
      ],
    ],
  ] as Case[])('after a Treaty Series footnote, in %j finds %j', (text, expected) => {
    expect(found(treatySeries, text, true)).toEqual(expected);
  });
});
