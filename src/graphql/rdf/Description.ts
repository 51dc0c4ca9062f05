import type { SparqlJsonTerm } from '../../graph';
import { NS } from '../../vocab';

const RDF_TYPE = `${NS.rdf}type`;

/** What the store states about one resource as a subject (its outgoing triples), as far as the
 *  request has loaded it. A description is loaded either whole (every predicate) or for the
 *  predicates an operation reads (see plan/planOperation): it knows which, and reading a
 *  predicate it was not loaded with is a programming error, never an empty answer. Resolvers
 *  check `covers` first and load the rest when needed. */
export class Description {
  private readonly values = new Map<string, SparqlJsonTerm[]>();
  /** The predicates whose every value is here; null once the description is whole. */
  private loaded: Set<string> | null = new Set();
  /** Sorted views, computed once per predicate (resolvers read the same ones many times). */
  private readonly irisOf = new Map<string, string[]>();
  private readonly literalsOf = new Map<string, SparqlJsonTerm[]>();

  constructor(readonly id: string) {}

  /** Adds one value; a value already here is not added twice. */
  add(predicate: string, term: SparqlJsonTerm): void {
    const terms = this.values.get(predicate);
    if (!terms) {
      this.values.set(predicate, [term]);
    } else {
      for (const t of terms) if (sameTerm(t, term)) return;
      terms.push(term);
    }
    if (this.irisOf.size) this.irisOf.delete(predicate);
    if (this.literalsOf.size) this.literalsOf.delete(predicate);
  }

  /** Records that every value of these predicates has been added. */
  markLoaded(predicates: Iterable<string>): void {
    if (!this.loaded) return;
    for (const predicate of predicates) this.loaded.add(predicate);
  }

  /** Records that every triple of the resource has been added. */
  markWhole(): void {
    this.loaded = null;
  }

  get isWhole(): boolean {
    return this.loaded === null;
  }

  /** True when every value of these predicates is here. */
  covers(predicates: readonly string[]): boolean {
    const loaded = this.loaded;
    if (!loaded) return true;
    for (const predicate of predicates) if (!loaded.has(predicate)) return false;
    return true;
  }

  /** False when the store holds no triple with this subject; undefined when not known (a
   *  description loaded for some predicates, none of which has a value). */
  get exists(): boolean | undefined {
    return this.values.size > 0 ? true : this.loaded === null ? false : undefined;
  }

  /** rdf:type IRIs, sorted. */
  get types(): string[] {
    return this.iris(RDF_TYPE);
  }

  isA(...classes: string[]): boolean {
    return this.termsOf(RDF_TYPE).some((t) => classes.includes(t.value));
  }

  /** Objects of a predicate that are IRIs, sorted and distinct. */
  iris(predicate: string): string[] {
    let iris = this.irisOf.get(predicate);
    if (!iris) {
      iris = [
        ...new Set(
          this.termsOf(predicate)
            .filter((t) => t.type === 'uri')
            .map((t) => t.value),
        ),
      ].sort();
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
      literals = this.termsOf(predicate)
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

  private termsOf(predicate: string): readonly SparqlJsonTerm[] {
    if (this.loaded && !this.loaded.has(predicate)) {
      throw new Error(`${predicate} of ${this.id} was read before it was loaded`);
    }
    return this.values.get(predicate) ?? [];
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sameTerm = (a: SparqlJsonTerm, b: SparqlJsonTerm): boolean =>
  a.value === b.value && a.type === b.type && a['xml:lang'] === b['xml:lang'] && a.datatype === b.datatype;
