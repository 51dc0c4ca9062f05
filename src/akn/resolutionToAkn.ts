/** A resolution held in the graph → one Akoma Ntoso expression, in the language asked for or
 *  the one it was adopted in. */
import type { Quad } from '@rdfjs/types';
import { readResolution } from './readResolution';
import { renderAkn, type AknPublisher } from './renderAkn';

export interface AknDocument {
  xml: string;
  /** Language of this expression (ISO 639-1). */
  language: string;
  /** Every language the graph holds the whole text in, the original first. */
  languages: string[];
  /** Evidence whose matched text is not at its offsets in this language's text. */
  unplaced: number;
}

/** The service that marks the documents up: the base of its IRIs ("https://w3id.org/unkg/"
 *  for https://w3id.org/unkg/eli/un/E/RES/2017/18). */
export function publisherOf(documentIri: string): AknPublisher {
  const at = documentIri.indexOf('/eli/un/');
  const href = at >= 0 ? documentIri.slice(0, at + 1) : new URL(documentIri).origin + '/';
  return { eId: 'unkg', href, showAs: 'UN resolutions knowledge graph' };
}

export interface AknOptions {
  /** ISO 639-1 code of the expression (default: the language the resolution was adopted in). */
  language?: string;
  publisher?: AknPublisher;
}

export function resolutionToAkn(quads: Iterable<Quad>, iri: string, options: AknOptions = {}): AknDocument {
  const model = readResolution(quads, iri, options.language);
  const xml = renderAkn(model, { publisher: options.publisher ?? publisherOf(iri) });
  return { xml, language: model.language, languages: model.languages, unplaced: model.unplaced };
}
