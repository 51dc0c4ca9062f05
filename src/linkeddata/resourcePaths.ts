/** Where each IRI of the service answers: the path of an IRI minted under the base is the
 *  rest of the IRI after the base, whatever host serves it. The ontology and the clause-verb
 *  scheme keep their fixed names and answer at /ontology and /clause. */
import { CLAUSE_SCHEME_IRI, NS, ONTOLOGY_IRI, isIriRefText } from '../vocab';

/** Path prefixes of the resources minted under the base (DESIGN.md, "IRIs and vocabulary"). */
export const MINTED_PATH_PREFIXES: readonly string[] = ['eli/un/', 'treaty/', 'org/', 'event/', 'pub/', 'plan/'];
export const ONTOLOGY_PATH = '/ontology';
export const CLAUSE_PATH = '/clause';

/** The IRI a request path stands for, or undefined when the path names no IRI of the service.
 *  `path` is the raw (percent-encoded) path without its query string. */
export function iriForPath(path: string, base: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  // A path decoding to characters an IRI cannot hold names nothing here.
  if (!isIriRefText(decoded) || !decoded.startsWith('/')) return undefined;
  if (decoded === ONTOLOGY_PATH) return ONTOLOGY_IRI;
  if (decoded === CLAUSE_PATH) return CLAUSE_SCHEME_IRI;
  if (decoded.startsWith(`${CLAUSE_PATH}/`) && decoded.length > CLAUSE_PATH.length + 1) return NS.clause + decoded.slice(CLAUSE_PATH.length + 1);
  const rest = decoded.slice(1);
  if (!MINTED_PATH_PREFIXES.some((prefix) => rest.startsWith(prefix) && rest.length > prefix.length)) return undefined;
  return base + rest;
}

/** The path on this service where `iri` answers, or undefined when it is not served here
 *  (SDG targets keep the UN's IRIs, external vocabularies theirs). Ontology terms answer on
 *  the ontology page, at their fragment. */
export function pathForIri(iri: string, base: string): string | undefined {
  if (iri === ONTOLOGY_IRI) return ONTOLOGY_PATH;
  if (iri.startsWith(NS.unkg)) return `${ONTOLOGY_PATH}#${encodeURIComponent(iri.slice(NS.unkg.length))}`;
  if (iri === CLAUSE_SCHEME_IRI) return CLAUSE_PATH;
  if (iri.startsWith(NS.clause)) return `${CLAUSE_PATH}/${encodeURI(iri.slice(NS.clause.length))}`;
  if (!iri.startsWith(base)) return undefined;
  const rest = iri.slice(base.length);
  if (!MINTED_PATH_PREFIXES.some((prefix) => rest.startsWith(prefix))) return undefined;
  return `/${encodeURI(rest).replace(/[?#]/g, encodeURIComponent)}`;
}

/** A link target for `iri`: its page on this service, else the IRI itself when it can be
 *  followed (http, https), else undefined. */
export function hrefForIri(iri: string, base: string): string | undefined {
  return pathForIri(iri, base) ?? (/^https?:\/\//.test(iri) ? iri : undefined);
}
