/** Triples indexed by subject, then predicate, with sorted accessors. */
import type { Literal, Quad, Term } from 'n3';

export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class TripleIndex {
  private readonly bySubject = new Map<string, Map<string, Term[]>>();

  constructor(quads: Iterable<Quad>) {
    for (const q of quads) {
      if (q.subject.termType !== 'NamedNode') continue;
      const predicates = this.bySubject.get(q.subject.value) ?? new Map<string, Term[]>();
      this.bySubject.set(q.subject.value, predicates);
      const objects = predicates.get(q.predicate.value) ?? [];
      predicates.set(q.predicate.value, objects);
      objects.push(q.object);
    }
  }

  subjects(): string[] {
    return [...this.bySubject.keys()];
  }

  predicates(subject: string): string[] {
    return [...(this.bySubject.get(subject)?.keys() ?? [])];
  }

  /** IRI objects, sorted. */
  iris(subject: string, predicate: string): string[] {
    return (this.bySubject.get(subject)?.get(predicate) ?? [])
      .filter((t) => t.termType === 'NamedNode')
      .map((t) => t.value)
      .sort(byCodeUnits);
  }

  /** Literal objects, by language then value. */
  literals(subject: string, predicate: string): Literal[] {
    return ((this.bySubject.get(subject)?.get(predicate) ?? []).filter((t) => t.termType === 'Literal') as Literal[]).sort(
      (a, b) => byCodeUnits(a.language, b.language) || byCodeUnits(a.value, b.value),
    );
  }

  /** Subjects with `predicate` pointing at `object`, sorted. */
  subjectsWith(predicate: string, object: string): string[] {
    const out: string[] = [];
    for (const [subject, predicates] of this.bySubject)
      if (predicates.get(predicate)?.some((o) => o.termType === 'NamedNode' && o.value === object)) out.push(subject);
    return out.sort(byCodeUnits);
  }
}
