/** RDF terms as text: which strings are IRIs, how an IRI or a string is written into SPARQL,
 *  Turtle or N-Triples, and how IRIs minted under one base move to another. Every layer that
 *  writes a term into a query or a document goes through here, so what counts as an IRI is
 *  decided once. Pure string work: safe to load in the store's worker thread. */
import { CLAUSE_SCHEME_IRI, DEFAULT_BASE, ONTOLOGY_IRI } from './namespaces';

/** Characters the IRIREF production (SPARQL 1.1, Turtle, N-Triples) forbids between angle
 *  brackets: controls and space, and `<>"{}|^\`` and backslash. */
const NOT_IN_IRIREF = /[\u0000-\u0020<>"{}|^`\\]/;
/** An RFC 3987 scheme and its colon. */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Whether `value` can be written as `<value>`: it holds no character IRIREF forbids. */
export const isIriRefText = (value: string): boolean => !NOT_IN_IRIREF.test(value);

/** Whether `value` is an absolute IRI (a scheme, then IRIREF characters only). */
export const isAbsoluteIri = (value: string): boolean => SCHEME.test(value) && !NOT_IN_IRIREF.test(value);

/** How a caller reports a string that is not an absolute IRI. */
export type InvalidIri = (value: string) => Error;

const notAnIri: InvalidIri = (value) => new TypeError(`not an absolute IRI: ${JSON.stringify(value)}`);

/** `value` itself when it is an absolute IRI; otherwise throws what `invalid` makes. */
export function checkedIri(value: string, invalid: InvalidIri = notAnIri): string {
  if (!isAbsoluteIri(value)) throw invalid(value);
  return value;
}

/** `<value>`, the IRI written as a SPARQL / Turtle / N-Triples term; a string that is not an
 *  absolute IRI throws what `invalid` makes. */
export const iriRef = (value: string, invalid: InvalidIri = notAnIri): string => `<${checkedIri(value, invalid)}>`;

/** `VALUES ?variable { <a> <b> }` */
export const valuesClause = (variable: string, iris: readonly string[], invalid: InvalidIri = notAnIri): string =>
  `VALUES ?${variable} { ${iris.map((iri) => iriRef(iri, invalid)).join(' ')} }`;

/** A language tag a literal may carry: BCP 47, loosely ("en", "fr", "en-GB", "zh-Hant-TW"). */
export const isLanguageTag = (value: string): boolean => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(value);

const STRING_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A double-quoted string (SPARQL STRING_LITERAL_QUOTE, N-Triples and Turtle alike) with its
 *  backslashes, quotes and line breaks escaped. */
export const stringLiteral = (value: string): string => `"${value.replace(/[\\"\n\r\t]/g, (c) => STRING_ESCAPES[c])}"`;

/** Move an IRI minted under the default base to another base. The ontology and clause-verb
 *  namespaces are the vocabulary's own names and never move. */
export function rebaseIri(iri: string, base: string, from = DEFAULT_BASE): string {
  if (base === from || !iri.startsWith(from)) return iri;
  const rest = iri.slice(from.length);
  if (rest.startsWith('ontology') || rest.startsWith('clause')) return iri;
  return base + rest;
}

/** Names under the default base that stay fixed whatever base a deployment uses. */
const FIXED_IRIS = [ONTOLOGY_IRI, CLAUSE_SCHEME_IRI];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rewrites `<{from}...>` IRIs of Turtle / N-Triples / N-Quads text to `<{to}...>`, leaving
 *  the ontology and clause-scheme namespaces (and anything under them) untouched, as
 *  rebaseIri does for single IRIs. It works on IRI references written in angle brackets,
 *  which is also how prefixes and @base are declared, so prefixed names follow their rebased
 *  prefix. A string literal that happens to contain `<{from}` would be rewritten too: the
 *  curated reference files have none. */
export function rebaseIris(text: string, from: string, to: string): string {
  if (from === to) return text;
  const kept = FIXED_IRIS.filter((iri) => iri.startsWith(from)).map((iri) => escapeRegExp(iri.slice(from.length)));
  const guard = kept.length ? `(?!${kept.join('|')})` : '';
  return text.replace(new RegExp(`<${escapeRegExp(from)}${guard}`, 'g'), `<${to}`);
}
