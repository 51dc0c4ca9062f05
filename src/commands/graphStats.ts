/** `unkg stats`: counts per class and per property of a set of graph files. */
import type { Quad } from '@rdfjs/types';
import { NS } from '../vocab';

export interface GraphStats {
  quads: number;
  graphs: number;
  subjects: number;
  classes: Array<{ iri: string; count: number }>;
  properties: Array<{ iri: string; count: number }>;
}

export function graphStats(quads: Iterable<Quad>): GraphStats {
  const classes = new Map<string, Set<string>>();
  const properties = new Map<string, number>();
  const subjects = new Set<string>();
  const graphs = new Set<string>();
  let n = 0;
  for (const q of quads) {
    n++;
    subjects.add(q.subject.value);
    graphs.add(q.graph.value);
    properties.set(q.predicate.value, (properties.get(q.predicate.value) ?? 0) + 1);
    if (q.predicate.value === `${NS.rdf}type`) {
      let s = classes.get(q.object.value);
      if (!s) classes.set(q.object.value, (s = new Set()));
      s.add(q.subject.value);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].map(([iri, count]) => ({ iri, count })).sort((a, b) => b.count - a.count || a.iri.localeCompare(b.iri));
  return {
    quads: n,
    graphs: graphs.size,
    subjects: subjects.size,
    classes: sorted(new Map([...classes].map(([k, v]) => [k, v.size]))),
    properties: sorted(properties),
  };
}

/** A prefixed name for display. */
export function compactIri(iri: string, prefixes: Record<string, string>): string {
  let best: [string, string] | undefined;
  for (const [p, ns] of Object.entries(prefixes)) if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [p, ns];
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : `<${iri}>`;
}
