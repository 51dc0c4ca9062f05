/** A description written in one RDF format: Turtle with the prefixes it uses, N-Triples,
 *  RDF/XML, and JSON-LD compacted with the project's context. */
import { Writer, type Quad } from 'n3';
import { PREFIXES, writeRdf } from '../vocab';
import { compactJsonLd, type JsonLdContext } from './compactJsonLd';
import type { RdfRepresentation } from './representations';

/** The prefixes whose namespace some IRI of `quads` starts with. */
function usedPrefixes(quads: readonly Quad[]): Record<string, string> {
  const iris = new Set<string>();
  for (const q of quads) for (const term of [q.subject, q.predicate, q.object]) if (term.termType === 'NamedNode') iris.add(term.value);
  if (quads.some((q) => q.object.termType === 'Literal')) for (const q of quads) if (q.object.termType === 'Literal') iris.add(q.object.datatype.value);
  return Object.fromEntries(Object.entries(PREFIXES).filter(([, ns]) => [...iris].some((iri) => iri.startsWith(ns))));
}

export function toNTriples(quads: readonly Quad[]): string {
  const writer = new Writer({ format: 'N-Triples' });
  return writer.quadsToString([...quads]);
}

export async function serializeRdf(quads: readonly Quad[], mediaType: RdfRepresentation, context: JsonLdContext): Promise<string> {
  if (mediaType === 'application/n-triples') return toNTriples(quads);
  if (mediaType === 'application/ld+json') return `${JSON.stringify(await compactJsonLd(toNTriples(quads), context), null, 2)}\n`;
  return writeRdf([...quads], mediaType, usedPrefixes(quads));
}
