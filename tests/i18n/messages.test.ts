import { INTERFACE_LANGUAGES, MESSAGES, interfaceLanguage, translator, withLanguage } from '../../src/i18n';

describe('the message catalogue', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has every message in English and French, with the same placeholders, none empty', () => {
    const keys = Object.keys(MESSAGES.en).sort();
    expect(Object.keys(MESSAGES.fr).sort()).toEqual(keys);
    for (const key of keys as Array<keyof typeof MESSAGES.en>) {
      for (const lang of INTERFACE_LANGUAGES) expect([key, lang, MESSAGES[lang][key].trim().length > 0]).toEqual([key, lang, true]);
      expect([key, placeholders(MESSAGES.fr[key])]).toEqual([key, placeholders(MESSAGES.en[key])]);
    }
  });

  it('translates with parameters, names languages and writes dates the reader’s way', () => {
    const fr = translator('fr');
    expect(fr.t('search.results', { count: 3, query: 'traite' })).toBe('3 résultats pour « traite »');
    expect(fr.languageName('en-GB')).toBe('anglais');
    expect(fr.date('2017-07-06')).toBe('6 juillet 2017');
    expect(translator('en').date('2017-07-06')).toBe('6 July 2017');
    expect(translator('en').date('not a date')).toBe('not a date');
  });
});

describe('the interface language', () => {
  it.each([
    [['fr-CH', 'fr', 'en'], 'fr'],
    [['de', 'en', 'fr'], 'en'],
    [['es', 'fr'], 'fr'],
    [[], 'en'],
  ])('of the preferences %j is %s', (languages, expected) => {
    expect(interfaceLanguage(languages)).toBe(expected);
  });

  it('is kept in the links of the service, replacing an earlier choice, before the fragment', () => {
    expect(withLanguage('/read/E/RES/2017/18#op-2', 'fr')).toBe('/read/E/RES/2017/18?lang=fr#op-2');
    expect(withLanguage('/search?q=64%2F293&lang=en', 'fr')).toBe('/search?q=64%2F293&lang=fr');
    expect(withLanguage('https://undocs.org/E/RES/2017/18', 'fr')).toBe('https://undocs.org/E/RES/2017/18');
    expect(withLanguage('//elsewhere.example/x', 'fr')).toBe('//elsewhere.example/x');
  });
});
