/** JSON-LD compacted with the project's context (ontology/context.jsonld), so a document
 *  reads `"cites": "https://w3id.org/unkg/eli/un/A/RES/64/293"` rather than full IRIs. The
 *  context is embedded in each document: it can be read without fetching anything. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import jsonld from 'jsonld';

/** The project's ontology folder, found from here in src/ and in the compiled dist/ alike. */
export const DEFAULT_ONTOLOGY_DIR = resolve(__dirname, '..', '..', 'ontology');

export type JsonLdContext = Record<string, unknown>;

/** The `@context` of `{ontologyDir}/context.jsonld`; an ontology folder without one (a
 *  deployment that loads only its own OWL files) gets the product's own context. */
export function loadJsonLdContext(ontologyDir: string = DEFAULT_ONTOLOGY_DIR): JsonLdContext {
  const file = existsSync(join(ontologyDir, 'context.jsonld')) ? join(ontologyDir, 'context.jsonld') : join(DEFAULT_ONTOLOGY_DIR, 'context.jsonld');
  const document = JSON.parse(readFileSync(file, 'utf8')) as { '@context'?: JsonLdContext };
  if (!document['@context']) throw new Error(`${file} has no @context`);
  return document['@context'];
}

/** Remote contexts are never fetched: a request must not make the server call out. */
async function refuseRemoteDocuments(url: string): Promise<never> {
  throw new Error(`remote JSON-LD documents are not loaded: ${url}`);
}

/** Compacted JSON-LD of N-Triples or N-Quads text. */
export async function compactJsonLd(nquads: string, context: JsonLdContext): Promise<Record<string, unknown>> {
  const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads' });
  return jsonld.compact(expanded, context, { documentLoader: refuseRemoteDocuments });
}
