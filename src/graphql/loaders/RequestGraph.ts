import type { SparqlJsonTerm } from '../../graph';
import { Description } from '../rdf/Description';
import type { ParagraphRow } from './paragraphIndex';
import type { ParagraphRelation } from './paragraphRelations';

/** What one request has loaded: descriptions, paragraph lists and reference lists, each kept
 *  once. Everything the loaders fetch lands here, and resolvers read from here first, without
 *  waiting, when what they read is loaded. A request never sees another's graph. */
export class RequestGraph {
  private readonly descriptions = new Map<string, Description>();
  private readonly paragraphLists = new Map<string, ParagraphRow[]>();
  private readonly referenceLists = new Map<string, string[]>();

  get(id: string): Description | undefined {
    return this.descriptions.get(id);
  }

  /** The description of `id`, created empty (nothing loaded) when there is none yet. */
  ensure(id: string): Description {
    let description = this.descriptions.get(id);
    if (!description) this.descriptions.set(id, (description = new Description(id)));
    return description;
  }

  /** Adds every triple of a resource and marks its description whole. */
  whole(id: string, values: ReadonlyMap<string, readonly SparqlJsonTerm[]> | undefined): Description {
    const description = this.ensure(id);
    if (description.isWhole) return description;
    for (const [predicate, terms] of values ?? []) for (const term of terms) description.add(predicate, term);
    description.markWhole();
    return description;
  }

  /** The paragraphs in `relation` to `key`, in reading order, when loaded. */
  paragraphs(relation: ParagraphRelation, key: string): ParagraphRow[] | undefined {
    return this.paragraphLists.get(`${relation.name} ${key}`);
  }

  setParagraphs(relation: ParagraphRelation, key: string, rows: ParagraphRow[]): void {
    this.paragraphLists.set(`${relation.name} ${key}`, rows);
  }

  /** The references of `referenceClass` that `citing` makes, in IRI order, when loaded. */
  references(referenceClass: string, citing: string): string[] | undefined {
    return this.referenceLists.get(`${referenceClass} ${citing}`);
  }

  setReferences(referenceClass: string, citing: string, references: string[]): void {
    this.referenceLists.set(`${referenceClass} ${citing}`, references);
  }
}
