import { EXTRACTORS } from '../../../src/ingest';
import { found, type Case } from './cases';

const documentReferences = EXTRACTORS.find((x) => x.kinds.includes('resolution'))!;

const CASES: Case[] = [
  ['sa résolution 64/293 du 30 juillet 2010', ['resolution A/RES/64/293 [résolution 64/293 du 30 juillet 2010]']],
  ['General Assembly resolution 70/1 of 25 September 2015', ['resolution A/RES/70/1 [resolution 70/1 of 25 September 2015]']],
  ['its resolutions 68/192 and 70/179', ['resolution A/RES/68/192 [resolutions 68/192]', 'resolution A/RES/70/179 [70/179]']],
  ['Economic and Social Council resolution 2017/18 of 6 July 2017', ['resolution E/RES/2017/18 [resolution 2017/18 of 6 July 2017]']],
  ['Security Council resolution 2331 (2016)', ['resolution S/RES/2331_(2016) [resolution 2331 (2016)]']],
  ['Human Rights Council resolution 35/5', ['resolution A/HRC/RES/35/5 [resolution 35/5]']],
  ['décision 2016/241 du Conseil', ['decision E/DEC/2016/241 [décision 2016/241]']],
  ['the report of the Secretary-General (A/74/130)', ['document A/74/130 [A/74/130]']],
  ['Voir E/CN.15/2017/L.4.', ['document E/CN.15/2017/L.4 [E/CN.15/2017/L.4]']],
  ['in 2017/18 and 64 cases', []],
];

describe('the resolution and document extractor', () => {
  it.each(CASES)('in %j finds %j', (text, expected) => {
    expect(found(documentReferences, text)).toEqual(expected);
  });
});
