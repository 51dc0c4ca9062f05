const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** A plain literal as oxigraph writes it in SPARQL JSON results: type and value, then the
 *  end of the term object. Quotes inside a JSON string are always escaped, so this cannot
 *  match inside a value. */
const PLAIN_LITERAL = /("type":"literal","value":"(?:[^"\\]|\\.)*")\}/g;

/** Adds `"datatype": xsd:string` to plain literals of SPARQL JSON results. In RDF 1.1 a
 *  plain literal is an xsd:string, so the meaning is unchanged; the explicit datatype is
 *  what rdflib 6.1.1 needs: its SERVICE client drops literals that have neither a datatype
 *  nor a language (see research/real-clients-and-peers.md). oxigraph omits it, hence this
 *  pass over the serialised string. */
export function withExplicitStringDatatype(json: string): string {
  return json.replace(PLAIN_LITERAL, `$1,"datatype":"${XSD_STRING}"}`);
}
