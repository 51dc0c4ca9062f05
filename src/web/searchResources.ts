/** Find resources by symbol, name or text, through the search index: the explorer's search
 *  box, the search page and the landing page. */
import { hrefForIri } from '../linkeddata';
import type { IndexedHit, SearchDocument, SearchIndex } from '../search';
import type { ReaderKind } from '../vocab';

export interface SearchHit {
  iri: string;
  label: string;
  types: string[];
  kind: ReaderKind;
  /** Which kind of value is shown: a symbol, a name, a title, a text, or what it cites. */
  field: 'symbol' | 'label' | 'title' | 'text' | 'links' | 'kind';
  /** The shown value, around the first match (for a match in what it cites: its text). */
  match: string;
  /** For a match in what it cites: the name that matched. */
  via?: string;
  /** Its language, when tagged. */
  language?: string;
  /** The resource's page (on this service, or its own IRI). */
  href?: string;
}

const inLanguage = (languages: readonly string[]) => (v: { language: string }) =>
  languages.findIndex((l) => v.language === l || v.language.startsWith(`${l}-`));

/** A reader's name for an indexed resource: its name in the preferred language, else its
 *  symbol, else its title, else "E/RES/2017/18 op/2" read from a paragraph's IRI. */
export function documentLabel(document: SearchDocument, languages: readonly string[], base: string): string {
  const rank = inLanguage(languages);
  const best = (values: SearchDocument['values']['names']) => [...values].sort((a, b) => (rank(a) < 0 ? 99 : rank(a)) - (rank(b) < 0 ? 99 : rank(b)))[0]?.value;
  const fromIri = /^(.+?)\/((?:pp|op|fn)\/.+)$/.exec(document.iri.startsWith(`${base}eli/un/`) ? document.iri.slice(base.length + 7) : '');
  if (fromIri && (document.kind === 'preambular' || document.kind === 'operative' || document.kind === 'subparagraph' || document.kind === 'footnote'))
    return `${fromIri[1]} ${fromIri[2]}`;
  return best(document.values.names) ?? document.values.symbol[0]?.value ?? best(document.values.title) ?? document.iri;
}

export function toSearchHit(hit: IndexedHit, languages: readonly string[], base: string): SearchHit {
  const href = hrefForIri(hit.iri, base);
  return {
    iri: hit.iri,
    label: documentLabel(hit.document, languages, base),
    types: hit.types,
    kind: hit.kind,
    field: hit.field === 'names' ? 'label' : hit.field,
    match: hit.excerpt,
    ...(hit.via !== undefined ? { via: hit.via } : {}),
    ...(hit.matched.language ? { language: hit.matched.language } : {}),
    ...(href !== undefined ? { href } : {}),
  };
}

export async function searchResources(
  index: SearchIndex,
  text: string,
  options: { limit: number; languages: readonly string[]; base: string },
): Promise<SearchHit[]> {
  const hits = await index.search(text, { limit: options.limit, languages: options.languages });
  return hits.map((hit) => toSearchHit(hit, options.languages, options.base));
}
