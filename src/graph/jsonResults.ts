const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** A plain literal as oxigraph writes it in SPARQL JSON results: type and value, then the
 *  end of the term object. Quotes inside a JSON string are always escaped, so this cannot
 *  match inside a value. */
const PLAIN_LITERAL = /("type":"literal","value":"(?:[^"\\]|\\.)*")\}/g;

/** Adds `"datatype": xsd:string` to plain literals of SPARQL JSON results. In RDF 1.1 a
 *  plain literal is an xsd:string, so the meaning is unchanged. The service's results omit it,
 *  as oxigraph, Virtuoso and Fuseki do (and as YASGUI and most clients expect); rdflib 6.1.1
 *  needs it: its SERVICE client drops literals that have neither a datatype nor a language,
 *  so the SPARQL endpoint applies this pass to the answers it sends to rdflib only. */
export function withExplicitStringDatatype(json: string): string {
  return json.replace(PLAIN_LITERAL, `$1,"datatype":"${XSD_STRING}"}`);
}
