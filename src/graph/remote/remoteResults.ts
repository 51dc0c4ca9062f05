import type { SparqlJsonResults, SparqlJsonTerm } from '../GraphStore';
import { StoreFailureError } from '../errors';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

interface RemoteTerm {
  type?: string;
  value?: unknown;
  datatype?: string;
  'xml:lang'?: string;
}

/** Reads a remote store's SPARQL JSON results into the form the embedded store gives:
 *  `typed-literal` (Virtuoso's SPARQL 1.0 draft form) becomes `literal` with its datatype;
 *  xsd:string is written explicitly on plain literals (as the embedded store does, for
 *  rdflib's sake) and language tags are lower-cased (both engines compare them that way; the
 *  embedded one stores them lower-cased); Virtuoso's `nodeID://` blank-node prefix is
 *  dropped. Anything else is a malformed answer, never passed on as it is. */
export function normalizeResults(body: string): SparqlJsonResults | { boolean: boolean } {
  let parsed: { head?: { vars?: unknown }; results?: { bindings?: unknown }; boolean?: unknown };
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new StoreFailureError('The remote store answered with malformed SPARQL JSON results');
  }
  if (typeof parsed.boolean === 'boolean') return { boolean: parsed.boolean };
  const vars = parsed.head?.vars;
  const rows = parsed.results?.bindings;
  if (!Array.isArray(vars) || !Array.isArray(rows)) throw new StoreFailureError('The remote store answered SPARQL JSON without head.vars or results.bindings');
  const bindings = rows.map((row: Record<string, RemoteTerm>) => {
    const out: Record<string, SparqlJsonTerm> = Object.create(null);
    for (const [name, term] of Object.entries(row)) out[name] = normalizeTerm(term);
    return out;
  });
  return { head: { vars: vars.map(String) }, results: { bindings } };
}

function normalizeTerm(term: RemoteTerm): SparqlJsonTerm {
  const value = String(term.value ?? '');
  switch (term.type) {
    case 'uri':
      return { type: 'uri', value };
    case 'bnode':
      return { type: 'bnode', value: value.replace(/^nodeID:\/\//, '') };
    case 'literal':
    case 'typed-literal': {
      if (term['xml:lang']) return { type: 'literal', value, 'xml:lang': term['xml:lang'].toLowerCase() };
      return { type: 'literal', value, datatype: term.datatype ?? XSD_STRING };
    }
    default:
      throw new StoreFailureError(`The remote store answered a term of unknown type ${JSON.stringify(term.type)}`);
  }
}
