/** The public IRI scheme (DESIGN.md, "IRIs and vocabulary"): other systems federate on
 *  these names, so every IRI is built here and nowhere else. */
export interface IriScheme {
  readonly base: string;
  /** `{base}eli/un/{symbol}`: the UN symbol as-is, e.g. `E/RES/2017/18`. */
  document(symbol: string): string;
  /** `{doc}/pp/{n}` */
  preambular(doc: string, n: number): string;
  /** `{doc}/op/{n}` */
  operative(doc: string, n: number): string;
  /** `{para}/{letter}`: a sub-paragraph, e.g. `{doc}/pp/6/a`. */
  subParagraph(para: string, label: string): string;
  /** `{doc}/fn/{n}` */
  footnote(doc: string, n: number): string;
  /** `{doc}/{lang3}`: the language expression of a document (`fra`, `eng`). */
  expression(doc: string, lang3: string): string;
  /** `{para}/act/{n}`: one clause act (verb) of a paragraph. */
  clauseAct(para: string, n: number): string;
  /** `{para}/ref/{n}`: the evidence of one extracted link. */
  reference(para: string, n: number): string;
  /** `{base}treaty/unts/{volume}/{number}` */
  treaty(volume: string | number, number: string | number): string;
  organisation(slug: string): string;
  event(slug: string): string;
  publication(slug: string): string;
  plan(slug: string): string;
  /** Inverse of document(): the UN symbol of a document IRI, or undefined. */
  symbolOf(iri: string): string | undefined;
}

export function createIriScheme(base: string): IriScheme {
  if (!/^https?:\/\/[^\s]+\/$/.test(base)) throw new Error(`base IRI must be an http(s) IRI ending in '/': ${base}`);
  const docPrefix = `${base}eli/un/`;
  return {
    base,
    document: (symbol) => docPrefix + symbol.trim().replace(/\s+/g, '_'),
    preambular: (doc, n) => `${doc}/pp/${n}`,
    operative: (doc, n) => `${doc}/op/${n}`,
    subParagraph: (para, label) => `${para}/${label}`,
    footnote: (doc, n) => `${doc}/fn/${n}`,
    expression: (doc, lang3) => `${doc}/${lang3}`,
    clauseAct: (para, n) => `${para}/act/${n}`,
    reference: (para, n) => `${para}/ref/${n}`,
    treaty: (volume, number) => `${base}treaty/unts/${volume}/${number}`,
    organisation: (slug) => `${base}org/${slug}`,
    event: (slug) => `${base}event/${slug}`,
    publication: (slug) => `${base}pub/${slug}`,
    plan: (slug) => `${base}plan/${slug}`,
    symbolOf: (iri) => (iri.startsWith(docPrefix) ? iri.slice(docPrefix.length).replace(/_/g, ' ') : undefined),
  };
}

/** SDG goals and targets keep the UN's own IRIs (http scheme, as minted). */
export const sdgIri = (code: string): string => `http://metadata.un.org/sdg/${code}`;
