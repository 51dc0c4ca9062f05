import type { SparqlJsonTerm } from '../../src/graph';
import { pickByLanguage } from '../../src/viz/pickByLanguage';

const lit = (value: string, lang?: string): SparqlJsonTerm => ({ type: 'literal', value, ...(lang ? { 'xml:lang': lang } : {}) });
const names = [lit('Office', 'fr'), lit('UNODC'), lit('Office (GB)', 'en-GB'), lit('Büro', 'de')];

describe('pickByLanguage', () => {
  it.each([
    [['fr'], 'Office'],
    [['es', 'fr'], 'Office'],
    [['en'], 'Office (GB)'],
    [['EN-gb'], 'Office (GB)'],
    [['es'], 'UNODC'],
    [[], 'UNODC'],
  ])('with preference %j picks %s', (preferred, value) => {
    expect(pickByLanguage(names, preferred)?.value).toBe(value);
  });

  it('falls back to the first of any language when none is untagged', () => {
    expect(pickByLanguage([lit('Büro', 'de'), lit('Office', 'fr')], ['es'])?.value).toBe('Büro');
  });

  it('picks nothing from nothing', () => {
    expect(pickByLanguage([], ['en'])).toBeUndefined();
  });
});
