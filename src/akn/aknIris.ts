/** FRBR identifiers of a resolution in the Akoma Ntoso naming convention as the UN profiles it.
 *
 *  AKN4UN (the UN System's Akoma Ntoso guidelines, https://unsceb-hlcm.github.io/ — part 1,
 *  "AKN4UN Naming convention"; part 2, "Document Class: Deliberative Documents") names the
 *  country component `un` and puts the issuing organ in the author slot; a resolution is
 *  document type `statement`, subtype `deliberation`:
 *
 *    Work           /akn/un/statement/deliberation/{organ}/{adoption date}/{number}
 *    Expression     {work}/{language}@{version date}      (ISO 639-2 alpha-3: fra, eng, ...)
 *    Manifestation  {expression}/!main.xml                (FRBRuri {expression}.akn)
 *
 *  The number is the resolution's number with its slashes as hyphens ("2017/18" → "2017-18"):
 *  a slash would open another IRI component. */

/** ISO 639-1 → ISO 639-2 alpha-3 for the UN's six official languages. */
const LANGUAGE_CODES: Readonly<Record<string, string>> = { ar: 'ara', en: 'eng', es: 'spa', fr: 'fra', ru: 'rus', zh: 'zho' };

export const aknLanguage = (language: string): string => LANGUAGE_CODES[language] ?? language;

export interface AknIris {
  work: string;
  workThis: string;
  expression: string;
  expressionThis: string;
  manifestation: string;
  manifestationThis: string;
}

/** `ecosoc` for https://w3id.org/unkg/org/ecosoc. */
export const organSlug = (organIri: string | undefined): string =>
  organIri
    ?.replace(/[#?].*$/, '')
    .split('/')
    .filter(Boolean)
    .pop() ?? 'un';

export function aknIris(input: { organ?: string; date?: string; number: string; symbol: string; language: string }): AknIris {
  const number = (input.number || input.symbol).replace(/[/\s]+/g, '-');
  const date = input.date ?? 'undated';
  const work = `/akn/un/statement/deliberation/${organSlug(input.organ)}/${date}/${number}`;
  const expression = `${work}/${aknLanguage(input.language)}@${input.date ?? ''}`;
  return {
    work,
    workThis: `${work}/!main`,
    expression,
    expressionThis: `${expression}/!main`,
    manifestation: `${expression}.akn`,
    manifestationThis: `${expression}/!main.xml`,
  };
}
