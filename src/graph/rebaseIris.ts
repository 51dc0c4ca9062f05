import { CLAUSE_SCHEME_IRI, ONTOLOGY_IRI } from '../vocab';

/** Names under the default base that stay fixed whatever base a deployment uses. */
const FIXED_IRIS = [ONTOLOGY_IRI, CLAUSE_SCHEME_IRI];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rewrites `<{from}...>` IRIs of Turtle / N-Triples / N-Quads text to `<{to}...>`, leaving
 *  the ontology and clause-scheme namespaces (and anything under them) untouched, as vocab's
 *  rebaseIri does for single IRIs. It works on IRI references written in angle brackets,
 *  which is also how prefixes and @base are declared, so prefixed names follow their rebased
 *  prefix. A string literal that happens to contain `<{from}` would be rewritten too: the
 *  curated reference files have none. */
export function rebaseIris(text: string, from: string, to: string): string {
  if (from === to) return text;
  const kept = FIXED_IRIS.filter((iri) => iri.startsWith(from)).map((iri) => escape(iri.slice(from.length)));
  const guard = kept.length ? `(?!${kept.join('|')})` : '';
  return text.replace(new RegExp(`<${escape(from)}${guard}`, 'g'), `<${to}`);
}
