import { Generator, Parser, type BgpPattern, type BlankTerm, type Pattern, type PropertyPath, type Triple, type SparqlQuery } from 'sparqljs';
import { MAX_PATH_BRANCHES } from './limits';

/** Alternative property paths as the SPARQL algebra defines them. `?s (p|q) ?o` is the union
 *  of `?s p ?o` and `?s q ?o` (SPARQL 1.1 §18.4), so a pair linked by both predicates is two
 *  solutions; oxigraph 0.5 returns it once. A query holding alternatives (alone or inside a
 *  sequence) is rewritten into UNIONs of the spec's translation, with blank nodes for the
 *  sequence's inner nodes (never projected, even by SELECT *). Paths of other kinds are left to
 *  the engine: `*`, `+`, `?` and negated sets are distinct by definition, and sequences without
 *  alternatives already count as joins. */

type Term = Triple['subject'] | Triple['object'];
type Branch = Triple[];

const isPath = (predicate: Triple['predicate']): predicate is PropertyPath => (predicate as PropertyPath).type === 'path';

/** A blank node stands for one node of one basic graph pattern: a triple naming one is left
 *  whole, since its branches would be separate patterns. */
const namesBlankNode = (triple: Triple) => triple.subject.termType === 'BlankNode' || triple.object.termType === 'BlankNode';

function holdsAlternative(predicate: Triple['predicate']): boolean {
  if (!isPath(predicate)) return false;
  if (predicate.pathType === '|') return true;
  if (predicate.pathType === '/' || predicate.pathType === '^') return predicate.items.some(holdsAlternative);
  return false;
}

class Expander {
  private next = 0;
  /** Whether any triple was written out as a union. */
  changed = false;

  private fresh(): BlankTerm {
    return { termType: 'BlankNode', value: `path_alternative_${this.next++}` } as BlankTerm;
  }

  /** The triples of each branch of `subject path object`, or undefined past the limit. */
  expand(subject: Term, predicate: Triple['predicate'], object: Term): Branch[] | undefined {
    if (!holdsAlternative(predicate)) return [[{ subject, predicate, object } as unknown as Triple]];
    const path = predicate as PropertyPath;
    if (path.pathType === '|') {
      const branches: Branch[] = [];
      for (const item of path.items) {
        const expanded = this.expand(subject, item, object);
        if (!expanded) return undefined;
        branches.push(...expanded);
      }
      return branches.length > MAX_PATH_BRANCHES ? undefined : branches;
    }
    if (path.pathType === '^') return this.expand(object, path.items[0], subject);
    // A sequence: a join through fresh nodes, one product of branches per step.
    let branches: Branch[] = [[]];
    let from: Term = subject;
    path.items.forEach((item, index) => {
      if (!branches) return;
      const to: Term = index === path.items.length - 1 ? object : this.fresh();
      const step = this.expand(from, item, to);
      branches =
        step && branches.length * step.length <= MAX_PATH_BRANCHES
          ? branches.flatMap((head) => step.map((tail) => [...head, ...tail]))
          : (undefined as unknown as Branch[]);
      from = to;
    });
    return branches ?? undefined;
  }

  /** A blank node label may not be shared by two basic graph patterns: each branch gets its own. */
  private ownNodes(triples: Triple[]): Triple[] {
    const renamed = new Map<string, BlankTerm>();
    const own = <T>(term: T): T => {
      const node = term as unknown as BlankTerm;
      if (node.termType !== 'BlankNode' || !node.value.startsWith('path_alternative_')) return term;
      if (!renamed.has(node.value)) renamed.set(node.value, this.fresh());
      return renamed.get(node.value) as unknown as T;
    };
    return triples.map((triple) => ({ ...triple, subject: own(triple.subject), object: own(triple.object) }));
  }

  /** Rewrites a list of patterns in place of order (OPTIONAL and MINUS keep their place). */
  patterns(patterns: Pattern[]): Pattern[] {
    return patterns.flatMap((pattern) => this.pattern(pattern));
  }

  private pattern(pattern: Pattern): Pattern[] {
    switch (pattern.type) {
      case 'bgp':
        return this.bgp(pattern);
      case 'group':
      case 'optional':
      case 'minus':
      case 'union':
      case 'graph':
      case 'service':
        return [{ ...pattern, patterns: this.patterns(pattern.patterns) } as Pattern];
      case 'query':
        return [{ ...pattern, where: this.patterns(pattern.where ?? []) }];
      default:
        return [pattern];
    }
  }

  private bgp(pattern: BgpPattern): Pattern[] {
    const plain: Triple[] = [];
    const unions: Pattern[] = [];
    for (const triple of pattern.triples) {
      const branches =
        holdsAlternative(triple.predicate) && !namesBlankNode(triple)
          ? this.expand(triple.subject as Term, triple.predicate, triple.object as Term)
          : undefined;
      if (!branches) plain.push(triple);
      else
        unions.push({ type: 'union', patterns: branches.map((triples) => ({ type: 'group', patterns: [{ type: 'bgp', triples: this.ownNodes(triples) }] })) });
    }
    if (unions.length) this.changed = true;
    return unions.length ? [...(plain.length ? [{ ...pattern, triples: plain }] : []), ...unions] : [pattern];
  }
}

/** The query with its alternative paths written as unions, or the same text when it has none
 *  (or cannot be read here: the engine then reports its own syntax error). */
export function expandPathAlternatives(query: string, baseIri?: string): string {
  if (!query.includes('|')) return query;
  let parsed: SparqlQuery;
  try {
    parsed = new Parser({ sparqlStar: true, ...(baseIri ? { baseIRI: baseIri } : {}) }).parse(query);
  } catch {
    return query;
  }
  if (parsed.type !== 'query' || !JSON.stringify(parsed.where ?? []).includes('"pathType":"|"')) return query;
  const expander = new Expander();
  parsed.where = expander.patterns(parsed.where ?? []);
  return expander.changed ? new Generator().stringify(parsed) : query;
}
