import type { GraphStore, SparqlJsonResults, SparqlJsonTerm } from '../../graph';
import { NS } from '../../vocab';

/** SELECT results in the SPARQL 1.1 TSV format, read into the shape of the JSON format (the
 *  engine writes TSV in half the time it takes for JSON, and TSV is a third shorter: read in one
 *  flat pass, it is the cheaper way to fetch many rows). A plain literal has no datatype, as in
 *  the store's JSON results, so that a value fetched either way is the same term. */

const XSD = NS.xsd;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d*\.\d+$/;
const ESCAPE = /\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g;
const ECHAR: Readonly<Record<string, string>> = { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f', '"': '"', "'": "'", '\\': '\\' };

/** A SELECT through `store`, fetched as TSV. */
export async function selectAsTsv(store: GraphStore, query: string): Promise<SparqlJsonResults> {
  return tsvResults((await store.query(query, { resultsFormat: 'text/tab-separated-values' })).body);
}

export function tsvResults(body: string): SparqlJsonResults {
  const lines = body.split('\n');
  const vars = lines[0] ? lines[0].split('\t').map((name) => name.slice(1)) : [];
  const bindings: Array<Record<string, SparqlJsonTerm>> = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const fields = line.split('\t');
    const row: Record<string, SparqlJsonTerm> = Object.create(null);
    for (let j = 0; j < fields.length; j++) if (fields[j]) row[vars[j]] = term(fields[j]);
    bindings.push(row);
  }
  return { head: { vars }, results: { bindings } };
}

/** One term in Turtle syntax, as TSV writes it. */
export function term(text: string): SparqlJsonTerm {
  const first = text.charCodeAt(0);
  if (first === 0x3c /* < */) return { type: 'uri', value: text.slice(1, -1) };
  if (first === 0x22 /* " */) {
    const end = closingQuote(text);
    const value = unescape(text.slice(1, end));
    const rest = text.slice(end + 1);
    if (rest.startsWith('@')) return { type: 'literal', value, 'xml:lang': rest.slice(1) };
    return rest.startsWith('^^<') ? { type: 'literal', value, datatype: rest.slice(3, -1) } : { type: 'literal', value };
  }
  if (text.startsWith('_:')) return { type: 'bnode', value: text.slice(2) };
  if (text === 'true' || text === 'false') return { type: 'literal', value: text, datatype: `${XSD}boolean` };
  if (INTEGER.test(text)) return { type: 'literal', value: text, datatype: `${XSD}integer` };
  if (DECIMAL.test(text)) return { type: 'literal', value: text, datatype: `${XSD}decimal` };
  return { type: 'literal', value: text, datatype: `${XSD}double` };
}

/** The index of the quote closing a literal that opens at 0. */
function closingQuote(text: string): number {
  let i = 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i += 2;
    else if (c === 0x22) return i;
    else i++;
  }
  throw new SyntaxError(`Unterminated literal in TSV results: ${text.slice(0, 80)}`);
}

function unescape(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(ESCAPE, (match, u4: string | undefined, u8: string | undefined, char: string | undefined) =>
    u4 || u8 ? String.fromCodePoint(parseInt(u4 ?? u8!, 16)) : (ECHAR[char!] ?? match),
  );
}
