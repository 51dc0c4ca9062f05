import type { SparqlJsonTerm } from '../../graph';
import { NS } from '../../vocab';

const RDF_TYPE = `${NS.rdf}type`;

/** Everything the store states about one resource as a subject (its outgoing triples), as one
 *  batched query fetched it. Resolvers read fields from it instead of querying per field. */
export class Description {
  /** Sorted views, computed once per predicate (resolvers read the same ones many times). */
  private readonly irisOf = new Map<string, string[]>();
  private readonly literalsOf = new Map<string, SparqlJsonTerm[]>();

  constructor(
    readonly id: string,
    private readonly values: ReadonlyMap<string, readonly SparqlJsonTerm[]> = new Map(),
  ) {}

  /** False when the store holds no triple with this subject. */
  get exists(): boolean {
    return this.values.size > 0;
  }

  /** rdf:type IRIs, sorted. */
  get types(): string[] {
    return this.iris(RDF_TYPE);
  }

  isA(...classes: string[]): boolean {
    const types = this.values.get(RDF_TYPE) ?? [];
    return types.some((t) => classes.includes(t.value));
  }

  /** Objects of a predicate that are IRIs, sorted and distinct. */
  iris(predicate: string): string[] {
    let iris = this.irisOf.get(predicate);
    if (!iris) {
      iris = [...new Set((this.values.get(predicate) ?? []).filter((t) => t.type === 'uri').map((t) => t.value))].sort();
      this.irisOf.set(predicate, iris);
    }
    return iris;
  }

  /** The first IRI object of a predicate in IRI order. */
  iri(predicate: string): string | undefined {
    return this.iris(predicate)[0];
  }

  /** Literal objects of a predicate, in a stable order (language tag, then value). */
  literals(predicate: string): SparqlJsonTerm[] {
    let literals = this.literalsOf.get(predicate);
    if (!literals) {
      literals = (this.values.get(predicate) ?? [])
        .filter((t) => t.type === 'literal')
        .sort((a, b) => compare(a['xml:lang'] ?? '', b['xml:lang'] ?? '') || compare(a.value, b.value));
      this.literalsOf.set(predicate, literals);
    }
    return literals;
  }

  /** The lexical form of the first literal of a predicate (for single-valued properties). */
  string(predicate: string): string | undefined {
    return this.literals(predicate)[0]?.value;
  }

  integer(predicate: string): number | undefined {
    const value = this.string(predicate);
    if (value === undefined) return undefined;
    const n = Number(value);
    return Number.isInteger(n) ? n : undefined;
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
