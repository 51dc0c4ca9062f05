import type { SparqlJsonResults } from '../../graph';
import { NS } from '../../vocab';
import type { PlanNode } from '../plan/PlanNode';
import type { Description } from '../rdf/Description';
import { iri, prefixesOf } from '../rdf/sparqlSyntax';
import { inReadingOrder, orderedParagraph, paragraphOrder, type OrderedParagraph } from './paragraphIndex';
import type { ParagraphRelation } from './paragraphRelations';
import type { RequestGraph } from './RequestGraph';

/** Where a level starts: given resources, or the resources a pattern binds to a variable. */
export type LevelRoot = { readonly ids: readonly string[] } | { readonly where: (variable: string) => string };

/** One query for a plan node and everything the operation reaches from it by links: what it
 *  reads on each of those resources, the order of the paragraph lists hanging off them (whose
 *  members are the next level), and the references (citations, mentions) they make with what
 *  those link to.
 *
 *  Each query is a UNION of small branches, each self-contained (it binds the level's resources
 *  itself) so that the engine starts every branch from the resources, never from a predicate.
 *  A branch reads the predicates of one node, one variable per predicate (`?s <p> ?v3`): a row
 *  is one value, two terms, no predicate column; DISTINCT drops the copies that several paths to
 *  one resource make. The loader adds the rows up (RequestGraph), then walks the plan from the
 *  level's resources to mark, resource by resource, which predicates are now loaded whole.
 *
 *  The text of a node's query is built once per plan node (plans are cached per operation); a
 *  level only fills in its resources. */
export interface Level {
  /** Undefined when the operation reads nothing on the level's resources. */
  readonly query: string | undefined;
  /** Puts the results of `query` into the graph; returns the level's resources. */
  load(results: SparqlJsonResults, graph: RequestGraph): string[];
}

export function levelQuery(node: PlanNode, root: LevelRoot): Level {
  let compiled = COMPILED.get(node);
  if (!compiled) COMPILED.set(node, (compiled = new CompiledLevel(node)));
  return compiled.level(root);
}

const COMPILED = new WeakMap<PlanNode, CompiledLevel>();

type Step = { readonly link: readonly string[]; readonly hops: number } | { readonly references: string };

const REFERENCE_CITING = `${NS.cito}hasCitingEntity`;
/** Where the level's resources go in a query template: a variable name between two NULs. */
const ROOT = /\u0000(\w+)\u0000/g;
const root = (variable: string): string => `\u0000${variable}\u0000`;
/** Where a list's rows may say their relation: its number between two SOHs. */
const LIST_MARKER = /\u0001(\d+)\u0001/g;
const listMarker = (marker: number): string => `\u0001${marker}\u0001`;

/** The query templates of one plan node and how to read their rows. */
class CompiledLevel {
  /** Branches about the resources and those reached by links, then branches about references,
   *  the level's resources left as ROOT. */
  private readonly main: string[] = [];
  private readonly references: string[] = [];
  /** The query's text without the resources, and the PREFIX lines it needs. */
  private readonly templates = new Map<'ids' | 'where', { text: string; prefixes: string } | null>();
  /** Value variable → predicate. */
  private readonly predicateOf = new Map<string, string>();
  private readonly variableOf = new Map<string, string>();
  /** `?list` marker → relation (one relation needs no marker); `?refs` marker → reference class. */
  private readonly relations: ParagraphRelation[] = [];
  private readonly referenceClasses: string[] = [];

  constructor(readonly node: PlanNode) {
    this.visit(node, [], this.main, this.references);
  }

  level(levelRoot: LevelRoot): Level {
    const kind = 'ids' in levelRoot ? 'ids' : 'where';
    let template = this.templates.get(kind);
    if (template === undefined) {
      // Resources a pattern binds count also when no value is read on them.
      const branches = [...(kind === 'where' ? [`{ ${root('member')} }`] : []), ...this.main, ...this.references];
      const text = branches.length ? this.select(branches) : undefined;
      this.templates.set(kind, (template = text === undefined ? null : { text, prefixes: prefixesOf(text) }));
    }
    if (!template) return { query: undefined, load: (results, graph) => this.load(levelRoot, results, graph) };
    const ids = 'ids' in levelRoot ? levelRoot.ids.map(iri).join(' ') : '';
    const bind = (variable: string): string => ('ids' in levelRoot ? `VALUES ?${variable} { ${ids} }` : `${levelRoot.where(variable)} .`);
    const query = template.text.replace(ROOT, (_, variable: string) => bind(variable));
    // A pattern may use prefixes the template does not.
    return { query: `${kind === 'ids' ? template.prefixes : prefixesOf(query)}\n${query}`, load: (results, graph) => this.load(levelRoot, results, graph) };
  }

  private visit(node: PlanNode, steps: readonly Step[], branches: string[], references: string[]): void {
    if (node.reads.size) {
      const values = [...node.reads].map((predicate) => `{ ?s ${iri(predicate)} ?${this.variable(predicate)} }`);
      branches.push(`{ ${this.chain(steps, 's')} ${values.join(' UNION ')} }`);
    }
    for (const { relation } of node.lists.values()) {
      const marker = this.marker(this.relations, relation);
      const restriction = `${this.chain(steps, relation.pattern ? 'key' : 'doc')} ${relation.pattern ?? ''}`;
      branches.push(`{ ${paragraphOrder(restriction, relation)} ${relation.filter ?? ''} ${listMarker(marker)} }`);
    }
    for (const { predicates, hops, node: linked } of node.links.values()) this.visit(linked, [...steps, { link: predicates, hops }], branches, references);
    for (const [referenceClass, made] of node.references) {
      const marker = this.marker(this.referenceClasses, referenceClass);
      references.push(`{ ${this.chain(steps, 'citing')} ?ref <${REFERENCE_CITING}> ?citing ; a ${iri(referenceClass)} . BIND(${marker} AS ?refs) }`);
      this.visit(made, [...steps, { references: referenceClass }], references, references);
    }
  }

  /** The level's resources as ?c0, then one pattern per step, the last variable named `last`. */
  private chain(steps: readonly Step[], last: string): string {
    const variable = (i: number) => (i === steps.length ? last : `c${i}`);
    let text = root(variable(0));
    steps.forEach((step, i) => {
      const [from, to] = [variable(i), variable(i + 1)];
      text += 'link' in step ? ` ${linkPattern(from, to, step.link, step.hops)}` : ` ?${to} <${REFERENCE_CITING}> ?${from} ; a ${iri(step.references)} .`;
    });
    return text;
  }

  private variable(predicate: string): string {
    let variable = this.variableOf.get(predicate);
    if (!variable) {
      variable = `v${this.variableOf.size}`;
      this.variableOf.set(predicate, variable);
      this.predicateOf.set(variable, predicate);
    }
    return variable;
  }

  private marker<T>(list: T[], item: T): number {
    const found = list.indexOf(item);
    return found >= 0 ? found : list.push(item) - 1;
  }

  private select(branches: string[]): string {
    // Rows of lists say their relation only when the level has lists of several relations.
    const text = branches.join(' UNION ').replace(LIST_MARKER, (_, marker: string) => (this.relations.length > 1 ? `BIND(${marker} AS ?list)` : ''));
    const variables = [...new Set(text.replace(ROOT, (_, variable: string) => `?${variable}`).match(/\?\w+/g))].filter((v) => PROJECTED.test(v));
    return `SELECT DISTINCT ${variables.join(' ')} WHERE { ${text} }`;
  }

  private load(levelRoot: LevelRoot, results: SparqlJsonResults, graph: RequestGraph): string[] {
    const lists = new Map<string, Map<string, OrderedParagraph>>();
    const references = new Map<string, Set<string>>();
    const members = new Set<string>();
    // Rows about one resource come together: its description is looked up once for them.
    let description: Description | undefined;
    for (const row of results.results.bindings) {
      const subject = row.s;
      if (subject) {
        if (description?.id !== subject.value) description = graph.ensure(subject.value);
        for (const name in row) if (name !== 's') description.add(this.predicateOf.get(name)!, row[name]);
      } else if (row.p) {
        const relation = this.relations[row.list ? Number(row.list.value) : 0];
        const key = `${relation.name} ${(relation.pattern ? row.key : row.doc).value}`;
        const byParagraph = lists.get(key) ?? new Map<string, OrderedParagraph>();
        lists.set(key, byParagraph.set(row.p.value, orderedParagraph(row)));
      } else if (row.refs) {
        const key = `${this.referenceClasses[Number(row.refs.value)]} ${row.citing.value}`;
        const made = references.get(key) ?? new Set<string>();
        references.set(key, made.add(row.ref.value));
      } else if (row.member) {
        members.add(row.member.value);
      }
    }
    const roots = 'ids' in levelRoot ? [...levelRoot.ids] : [...members].sort();
    const walk = (node: PlanNode, resources: Iterable<string>): void => {
      const descriptions = [...resources].map((id) => graph.ensure(id));
      for (const description of descriptions) description.markLoaded(node.reads);
      for (const { predicates, hops, node: linked } of node.links.values()) {
        const reached = new Set<string>();
        let frontier = descriptions;
        for (let hop = 0; hop < hops && frontier.length; hop++) {
          const next = frontier.flatMap((d) => predicates.flatMap((p) => d.iris(p))).filter((id) => !reached.has(id));
          for (const id of next) reached.add(id);
          // A resource on the way is climbed from at the next hop: it is loaded as `linked` plans.
          frontier = next.map((id) => {
            const description = graph.ensure(id);
            description.markLoaded(linked.reads);
            return description;
          });
        }
        walk(linked, reached);
      }
      for (const [referenceClass, made] of node.references) {
        const all = new Set<string>();
        for (const { id } of descriptions) {
          const sorted = [...(references.get(`${referenceClass} ${id}`) ?? [])].sort();
          graph.setReferences(referenceClass, id, sorted);
          for (const reference of sorted) all.add(reference);
        }
        walk(made, all);
      }
      for (const { relation } of node.lists.values()) {
        for (const { id } of descriptions) {
          const rows = [...(lists.get(`${relation.name} ${id}`)?.values() ?? [])].sort(inReadingOrder);
          graph.setParagraphs(
            relation,
            id,
            rows.map(({ id: p, kind, document }) => ({ id: p, kind, document })),
          );
        }
      }
    };
    walk(this.node, roots);
    return roots;
  }
}

/** The variables `load` reads; the others (the chain, the order's intermediates) stay inside. */
const PROJECTED = /^\?(s|v\d+|list|key|p|kind|doc|topPos|sub|topKind|refs|citing|ref|member)$/;

/** `?from` linked to `?to` by one of `predicates`, in 1 to `hops` hops: a UNION of plain triple
 *  patterns, one per predicate and number of hops (`?from <p> ?to`, `?from <p> ?fromh1 . ?fromh1
 *  <p> ?to`), never a property path: the embedded engine evaluates an alternative path (`<p>|<q>`,
 *  `<p>|<p>/<p>`) several times slower than the same triples in a UNION (measured: 3-5 ms against
 *  0.6 ms for three paragraphs climbing to their document). */
export function linkPattern(from: string, to: string, predicates: readonly string[], hops: number): string {
  const branches: string[] = [];
  for (let hop = 1; hop <= hops; hop++) {
    for (const path of sequences(predicates, hop)) {
      const nodes = [from, ...path.slice(1).map((_, i) => `${from}h${i + 1}`), to];
      branches.push(path.map((predicate, i) => `?${nodes[i]} ${iri(predicate)} ?${nodes[i + 1]} .`).join(' '));
    }
  }
  return branches.length === 1 ? branches[0] : `{ ${branches.join(' } UNION { ')} }`;
}

/** Every sequence of `length` predicates taken from `predicates`. */
function sequences(predicates: readonly string[], length: number): string[][] {
  if (length === 0) return [[]];
  return sequences(predicates, length - 1).flatMap((head) => predicates.map((predicate) => [...head, predicate]));
}
