import { EXTRACTORS } from '../../../src/ingest';
import { found, type Case } from './cases';

const sdgTargets = EXTRACTORS.find((x) => x.kinds.includes('sdg-target'))!;

const CASES: Case[] = [
  [
    'les cibles 5.2, 8.7 et 16.2 des objectifs de développement durable',
    ['sdg-target sdg 5.2 [cibles 5.2]', 'sdg-target sdg 8.7 [8.7]', 'sdg-target sdg 16.2 [16.2]'],
  ],
  ['targets 10.7 and 16.2 of the Sustainable Development Goals', ['sdg-target sdg 10.7 [targets 10.7]', 'sdg-target sdg 16.2 [16.2]']],
  ['target 17.b', ['sdg-target sdg 17.b [target 17.b]']],
  ['Sustainable Development Goal 16', ['sdg-goal sdg 16 [Sustainable Development Goal 16]']],
  ["l'objectif 5", ['sdg-goal sdg 5 [objectif 5]']],
  ['target 18.1', []],
  ['vol. 2225', []],
];

describe('the SDG target extractor', () => {
  it.each(CASES)('in %j finds %j', (text, expected) => {
    expect(found(sdgTargets, text)).toEqual(expected);
  });
});
