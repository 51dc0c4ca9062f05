import { EXTRACTORS } from '../../../src/ingest';
import { found, type Case } from './cases';

const meetings = EXTRACTORS.find((x) => x.name.startsWith('high-level meetings'))!;

const CASES: Case[] = [
  ["la réunion de haut niveau que l'Assemblée générale a tenue du 13 au 15 mai 2013", ['event event ga-hlm-gpa-2013 [réunion de haut niveau]']],
  ['the high-level meeting to be held on 27 and 28 September 2017', ['event event ga-hlm-gpa-2017 [high-level meeting]']],
  ['a high-level meeting at its seventy-second session', ['event event ga-hlm-gpa-2017 [high-level meeting]']],
  ['a summit held on 3 March 2021', ['event event meeting-2021-03-03 [summit]']],
  ['a high-level meeting', []],
];

describe('the meeting extractor', () => {
  it.each(CASES)('in %j finds %j', (text, expected) => {
    expect(found(meetings, text)).toEqual(expected);
  });
});
