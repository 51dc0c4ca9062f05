/** Deterministic serialisation: the same graph always gives the same bytes, so the
 *  generated graph can be committed and reviewed like code. */
import { Writer } from 'n3';
import type { Quad, Term } from '@rdfjs/types';

function termKey(t: Term): string {
  if (t.termType === 'Literal') return `"${t.value}"@${t.language}^^${t.datatype.value}`;
  return `${t.termType === 'BlankNode' ? '_:' : '<'}${t.value}`;
}

/** Sort and de-duplicate quads (graph, subject, predicate, object). */
export function sortQuads(quads: Iterable<Quad>): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of quads) seen.set([q.graph, q.subject, q.predicate, q.object].map(termKey).join(' '), q);
  return [...seen.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, q]) => q);
}

export function toNQuads(quads: Iterable<Quad>): string {
  const w = new Writer({ format: 'N-Quads' });
  return w.quadsToString(sortQuads(quads));
}

/** Turtle of the triples (graph names dropped), with prefixes, subjects in order. */
export function toTurtle(quads: Iterable<Quad>, prefixes: Record<string, string>): string {
  const w = new Writer({ format: 'Turtle', prefixes });
  const { DataFactory } = require('n3') as typeof import('n3');
  const triples = sortQuads([...quads].map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
  let out = '';
  w.addQuads(triples);
  w.end((err, result) => {
    if (err) throw err;
    out = result;
  });
  return out;
}
