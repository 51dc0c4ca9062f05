import type { ResultsMediaType, SparqlJsonResults, SparqlJsonTerm } from '../GraphStore';
import { stringLiteral } from '../../vocab';

/** SELECT and ASK results written out exactly as the embedded store writes them (oxigraph
 *  0.5's serialisers: plain strings without a datatype), so a
 *  client sees the same bytes from either backend for the same bindings. Where the W3C fixes
 *  the format (CSV, TSV), that is also the standard form. */

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const XSD_STRING = `${XSD}string`;

/** Lexical forms TSV writes bare (Turtle's number and boolean shorthands). */
const SHORTHAND: Record<string, RegExp> = {
  [`${XSD}integer`]: /^[+-]?\d+$/,
  [`${XSD}decimal`]: /^[+-]?\d*\.\d+$/,
  [`${XSD}double`]: /^[+-]?(?:\d+\.\d*|\.?\d+)[eE][+-]?\d+$/,
  [`${XSD}boolean`]: /^(?:true|false)$/,
};

export type Bindings = SparqlJsonResults;

function jsonTerm(term: SparqlJsonTerm): string {
  const value = JSON.stringify(term.value);
  if (term.type !== 'literal') return `{"type":${JSON.stringify(term.type)},"value":${value}}`;
  if (term['xml:lang'] !== undefined) return `{"type":"literal","value":${value},"xml:lang":${JSON.stringify(term['xml:lang'])}}`;
  // A plain string is written without its datatype, as oxigraph, Virtuoso and Fuseki write it.
  if (term.datatype === undefined || term.datatype === XSD_STRING) return `{"type":"literal","value":${value}}`;
  return `{"type":"literal","value":${value},"datatype":${JSON.stringify(term.datatype)}}`;
}

export function toJson(results: Bindings): string {
  const vars = results.head.vars;
  const rows = results.results.bindings.map(
    (row) =>
      `{${vars
        .filter((v) => row[v] !== undefined)
        .map((v) => `${JSON.stringify(v)}:${jsonTerm(row[v])}`)
        .join(',')}}`,
  );
  return `{"head":{"vars":[${vars.map((v) => JSON.stringify(v)).join(',')}]},"results":{"bindings":[${rows.join(',')}]}}`;
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const charRefs = (run: string) => [...run].map((c) => `&#${c.charCodeAt(0)};`).join('');

/** Markup characters as entities; whitespace at either end as character references (inner
 *  whitespace stays as it is), as the embedded engine's XML writer does, so that no XML
 *  reader's whitespace handling can change a value. */
const xmlEscape = (text: string) =>
  text
    .replace(/[&<>"]/g, (c) => XML_ENTITIES[c])
    .replace(/^[ \t\r\n]+/, charRefs)
    .replace(/(?<=\S)[ \t\r\n]+$/, charRefs);

function xmlTerm(term: SparqlJsonTerm): string {
  switch (term.type) {
    case 'uri':
      return `<uri>${xmlEscape(term.value)}</uri>`;
    case 'bnode':
      return `<bnode>${xmlEscape(term.value)}</bnode>`;
    default: {
      const attribute =
        term['xml:lang'] !== undefined
          ? ` xml:lang="${xmlEscape(term['xml:lang'])}"`
          : term.datatype !== undefined && term.datatype !== XSD_STRING
            ? ` datatype="${xmlEscape(term.datatype)}"`
            : '';
      return `<literal${attribute}>${xmlEscape(term.value)}</literal>`;
    }
  }
}

const XML_START = '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">';

export function toXml(results: Bindings): string {
  const vars = results.head.vars;
  const head = `<head>${vars.map((v) => `<variable name="${xmlEscape(v)}"/>`).join('')}</head>`;
  const rows = results.results.bindings.map(
    (row) =>
      `<result>${vars
        .filter((v) => row[v] !== undefined)
        .map((v) => `<binding name="${xmlEscape(v)}">${xmlTerm(row[v])}</binding>`)
        .join('')}</result>`,
  );
  return `${XML_START}${head}<results>${rows.join('')}</results></sparql>`;
}

function csvField(term: SparqlJsonTerm | undefined): string {
  if (term === undefined) return '';
  const text = term.type === 'bnode' ? `_:${term.value}` : term.value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(results: Bindings): string {
  const vars = results.head.vars;
  const lines = [vars.join(','), ...results.results.bindings.map((row) => vars.map((v) => csvField(row[v])).join(','))];
  return lines.map((line) => `${line}\r\n`).join('');
}

const tsvString = stringLiteral;

function tsvTerm(term: SparqlJsonTerm | undefined): string {
  if (term === undefined) return '';
  switch (term.type) {
    case 'uri':
      return `<${term.value}>`;
    case 'bnode':
      return `_:${term.value}`;
    default: {
      if (term['xml:lang'] !== undefined) return `${tsvString(term.value)}@${term['xml:lang']}`;
      const datatype = term.datatype ?? XSD_STRING;
      if (datatype === XSD_STRING) return tsvString(term.value);
      if (SHORTHAND[datatype]?.test(term.value)) return term.value;
      return `${tsvString(term.value)}^^<${datatype}>`;
    }
  }
}

export function toTsv(results: Bindings): string {
  const vars = results.head.vars;
  const lines = [vars.map((v) => `?${v}`).join('\t'), ...results.results.bindings.map((row) => vars.map((v) => tsvTerm(row[v])).join('\t'))];
  return lines.map((line) => `${line}\n`).join('');
}

export function serializeBindings(results: Bindings, format: ResultsMediaType): string {
  switch (format) {
    case 'application/sparql-results+json':
      return toJson(results);
    case 'application/sparql-results+xml':
      return toXml(results);
    case 'text/csv':
      return toCsv(results);
    case 'text/tab-separated-values':
      return toTsv(results);
  }
}

export function serializeBoolean(value: boolean, format: ResultsMediaType): string {
  switch (format) {
    case 'application/sparql-results+json':
      return `{"head":{},"boolean":${value}}`;
    case 'application/sparql-results+xml':
      return `${XML_START}<head></head><boolean>${value}</boolean></sparql>`;
    default:
      return String(value);
  }
}
