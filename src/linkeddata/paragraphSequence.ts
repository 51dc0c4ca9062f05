/** Where a paragraph sits in its resolution: the one before and the one after in document
 *  order (preamble, then operative part, each sub-paragraph after its paragraph; footnotes
 *  among footnotes), for the previous/next links of a paragraph's page. */
import type { GraphStore } from '../graph';
import { NS } from '../vocab';
import { sparqlIri } from './sparqlIri';

export interface ParagraphSequence {
  document: string;
  symbol: string;
  previous?: string;
  next?: string;
}

interface Part {
  iri: string;
  parent: string;
  position: number;
  number: string;
  footnote: boolean;
  preamble: boolean;
}

const order = (a: Part, b: Part) =>
  Number(!a.preamble) - Number(!b.preamble) || a.position - b.position || a.number.localeCompare(b.number, 'en', { numeric: true }) || (a.iri < b.iri ? -1 : 1);

export async function paragraphSequence(store: GraphStore, iri: string): Promise<ParagraphSequence | undefined> {
  const e = (name: string) => sparqlIri(name);
  const rows = await store.select(`SELECT DISTINCT ?doc ?symbol ?part ?parent ?pos ?num ?type WHERE {
  ${sparqlIri(iri)} ${e(`${NS.eli}is_part_of`)}+ ?doc . ?doc a ${e(`${NS.unkg}Resolution`)} .
  OPTIONAL { ?doc ${e(`${NS.eli}id_local`)} ?symbol }
  ?part ${e(`${NS.eli}is_part_of`)}+ ?doc ; ${e(`${NS.eli}is_part_of`)} ?parent ; a ?type .
  VALUES ?type { ${e(`${NS.unkg}PreambularParagraph`)} ${e(`${NS.unkg}OperativeParagraph`)} ${e(`${NS.unkg}SubParagraph`)} ${e(`${NS.unkg}Footnote`)} }
  OPTIONAL { ?part ${e(`${NS.unkg}position`)} ?pos } OPTIONAL { ?part ${e(`${NS.eli}number`)} ?num } }`);
  const bindings = rows.results.bindings;
  if (bindings.length === 0) return undefined;
  const document = bindings[0].doc.value;
  const parts = new Map<string, Part>();
  for (const b of bindings) {
    const known = parts.get(b.part.value);
    const type = b.type.value;
    const part: Part = known ?? {
      iri: b.part.value,
      parent: b.parent.value,
      position: Number(b.pos?.value ?? Number.MAX_SAFE_INTEGER),
      number: b.num?.value ?? '',
      footnote: false,
      preamble: false,
    };
    if (type === `${NS.unkg}Footnote`) part.footnote = true;
    if (type === `${NS.unkg}PreambularParagraph`) part.preamble = true;
    parts.set(part.iri, part);
  }
  const children = new Map<string, Part[]>();
  for (const p of parts.values()) children.set(p.parent, [...(children.get(p.parent) ?? []), p]);
  const flat: Part[] = [];
  const walk = (parent: string, footnotes: boolean) => {
    for (const p of (children.get(parent) ?? []).filter((c) => c.footnote === footnotes).sort(order)) {
      flat.push(p);
      walk(p.iri, footnotes);
    }
  };
  const self = parts.get(iri);
  walk(document, self?.footnote ?? false);
  const at = flat.findIndex((p) => p.iri === iri);
  if (at < 0) return undefined;
  return {
    document,
    symbol: bindings[0].symbol?.value ?? document,
    ...(at > 0 ? { previous: flat[at - 1].iri } : {}),
    ...(at < flat.length - 1 ? { next: flat[at + 1].iri } : {}),
  };
}
