/** The Akoma Ntoso representation of a resolution the store holds the text of (src/akn), in
 *  the language the request names: `?lang=` first, then Accept-Language, else the language
 *  the resolution was adopted in. */
import { resolutionGraph, resolutionQuads, renderAkn, type AknDocument } from '../akn';
import type { GraphStore } from '../graph';
import { NotFoundError } from '../http';
import { requestedLanguages } from './languagePreference';

export interface AknRequest {
  lang: string | string[] | undefined;
  acceptLanguage: string | undefined;
  /** Base of the service's IRIs: the publisher of the markup. */
  base: string;
}

/** undefined when `iri` is not a resolution whose text the store holds. A `?lang=` naming no
 *  language the resolution is held in is a 404 (that expression does not exist);
 *  Accept-Language is a preference, and falls back to the original language. */
export async function aknRepresentation(store: GraphStore, iri: string, request: AknRequest): Promise<AknDocument | undefined> {
  const graph = resolutionGraph(await resolutionQuads(store, iri), iri);
  if (!graph.isText || graph.languages.length === 0) return undefined;
  const { original, languages: available } = graph;
  // "en-GB" asks for the English text: each tag matches its language or its primary language.
  const asked = requestedLanguages(request.lang, request.acceptLanguage);
  const language = asked.map((tag) => available.find((l) => l === tag || l === tag.split('-')[0])).find((l) => l !== undefined);
  const explicit = request.lang !== undefined && `${request.lang}`.trim() !== '';
  if (!language && explicit) throw new NotFoundError(`<${iri}> has no text in ${asked.join(', ')}; it has ${available.join(', ')}`);
  const model = graph.read(language ?? (available.includes(original) ? original : available[0]));
  const xml = renderAkn(model, { publisher: { eId: 'unkg', href: request.base, showAs: 'UN resolutions knowledge graph' } });
  return { xml, language: model.language, languages: model.languages, unplaced: model.unplaced };
}
