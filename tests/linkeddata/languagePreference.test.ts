import { DEFAULT_LANGUAGES, languagePreference } from '../../src/linkeddata';
import { BadRequestError } from '../../src/http';

describe('the languages a reader prefers', () => {
  it.each([
    [undefined, undefined, ['en', 'fr']],
    [undefined, 'fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5', ['fr-ch', 'fr', 'en']],
    [undefined, 'de;q=0.4, es', ['es', 'de', 'en', 'fr']],
    [undefined, 'en;q=0, fr', ['fr', 'en']],
    [undefined, 'not a tag, fr', ['fr', 'en']],
    ['fr,en', 'en', ['fr', 'en']],
    [['es', 'fr'], undefined, ['es', 'fr', 'en']],
    ['zh-Hant-TW', undefined, ['zh-hant-tw', 'zh', 'en', 'fr']],
  ])('lang=%j with Accept-Language %j gives %j', (lang, acceptLanguage, expected) => {
    expect(languagePreference(lang, acceptLanguage)).toEqual(expected);
  });

  it('always ends with the defaults', () => {
    expect(languagePreference('ar', undefined).slice(-DEFAULT_LANGUAGES.length)).toEqual([...DEFAULT_LANGUAGES]);
  });

  it('refuses a malformed lang parameter as the client’s error', () => {
    expect(() => languagePreference('en,<b>', undefined)).toThrow(BadRequestError);
    expect(() => languagePreference('en,<b>', undefined)).toThrow('lang must list language tags such as en,fr: "<b>"');
  });
});
