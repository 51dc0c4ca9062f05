import { DataFactory } from 'n3';
import * as oxigraph from 'oxigraph';
import {
  Generator,
  Parser,
  type BgpPattern,
  type Expression,
  type FilterPattern,
  type GraphOrDefault,
  type IriTerm,
  type Pattern,
  type Quads,
  type Query,
  type SparqlQuery,
  type Triple,
  type Update,
  type UpdateOperation,
  type ValuesPattern,
  type VariableTerm,
} from 'sparqljs';
import { DatasetConflictError, QueryEvaluationError, QuerySyntaxError } from '../errors';

/** The store contract's dataset, made out of a remote store whose default graph is the bag
 *  union of all its graphs (Virtuoso: a triple stored in two graphs matches twice, and its own
 *  system graphs are part of it).
 *
 *  - Queries. Each basic graph pattern outside GRAPH is evaluated as
 *    `{ SELECT DISTINCT vars { GRAPH ?g1 { t1 } ... FILTER(?g1 NOT IN (system graphs)) } }`:
 *    every triple pattern matches in any graph but the store's own (blank nodes and the middle
 *    nodes of sequence paths are made variables first, so that only duplicates coming from
 *    several graphs collapse). A BGP's solutions over a set are themselves a set, so this is
 *    the merge with set semantics. Other property paths stay as they are (they already have
 *    set semantics; they may cross graphs). FILTERs that only read the BGP's variables go into
 *    the subquery, where the store can use them. `GRAPH ?g` gets a filter keeping the system
 *    graphs and the own-default graph out. Virtuoso's `define input:*-graph-exclude` pragmas
 *    would be simpler, but with them `GRAPH <iri>` matches nothing (7.2.5, observed). A query
 *    that names its dataset (FROM, FROM NAMED, protocol) is sent as it is. When the store's
 *    predicates are known (`PredicateSets`), a BGP whose triple patterns all have a constant
 *    predicate that no triple states in two graphs (nor in a system graph), and that binds no
 *    hidden variable, is sent as it is: over Virtuoso's bag union each of its triples matches
 *    once, so its solutions are already the merge's (and GROUP BY and FILTER over it run at the
 *    store's own speed).
 *  - Updates. Templates without GRAPH write to (or delete from) the default graph's own
 *    statements, kept in one named graph of the remote store (`ownDefaultGraph`); WHERE
 *    outside GRAPH matches the merge, rewritten as above. DEFAULT in CLEAR, DROP, ADD, MOVE
 *    and COPY means that graph; ALL and NAMED are expanded to the store's graphs.
 *  - SERVICE and LOAD are refused (the store must not fetch what a client names). */

export interface DatasetLayout {
  /** The named graph holding the statements written to the default graph. */
  ownDefaultGraph: string;
  /** Graphs of the remote store that are not data (Virtuoso's own). */
  systemGraphs: readonly string[];
}

/** What the store states, as far as the rewrite needs it: the predicates that some triple
 *  has in two graphs or more, or in one of the store's system graphs. */
export interface PredicateSets {
  repeated: ReadonlySet<string>;
}

export interface RewrittenQuery {
  text: string;
  form: Query['queryType'];
  /** SELECT *: the embedded engine orders such columns by name; so do we. */
  wildcard: boolean;
}

const generator = new Generator({ allPrefixes: false });

function parse(text: string, kind: 'query' | 'update', baseIri?: string): SparqlQuery {
  try {
    return new Parser({ sparqlStar: true, ...(baseIri ? { baseIRI: baseIri } : {}) }).parse(text);
  } catch (error) {
    throw engineSyntaxError(text, kind) ?? new QuerySyntaxError((error as Error).message.replace(/\s+/g, ' ').trim());
  }
}

/** The embedded engine's account of a syntax error (with its line and column), so both
 *  backends explain a bad query the same way. Only run on text already found invalid; an
 *  empty scratch store makes evaluation, if the engine gets that far, immediate. */
function engineSyntaxError(text: string, kind: 'query' | 'update'): QuerySyntaxError | undefined {
  try {
    const scratch = new oxigraph.Store();
    if (kind === 'query') scratch.query(text);
    else scratch.update(text);
  } catch (error) {
    const message = (error as Error).message;
    if (/^error at \d+:\d+/.test(message)) return QuerySyntaxError.fromEngine(message, text);
  }
  return undefined;
}

const iri = (value: string): IriTerm => DataFactory.namedNode(value) as IriTerm;
const variable = (name: string): VariableTerm => DataFactory.variable(name) as VariableTerm;

/** Rewrites a query for the remote store (see the module comment). `protocolDataset`: the
 *  request carries default-graph-uri / named-graph-uri. */
export function rewriteQuery(text: string, layout: DatasetLayout, protocolDataset: boolean, baseIri?: string, predicates?: PredicateSets): RewrittenQuery {
  const parsed = parse(text, 'query', baseIri);
  if (parsed.type !== 'query') throw new QuerySyntaxError('Expected a query, found an update (send updates to the update operation)');
  refuseService(parsed.where ?? []);
  const wildcard =
    parsed.queryType === 'SELECT' && parsed.variables.length === 1 && 'termType' in parsed.variables[0] && parsed.variables[0].termType === 'Wildcard';
  const ownDataset = protocolDataset || Boolean(parsed.from && (parsed.from.default.length || parsed.from.named.length));
  // The protocol's dataset replaces FROM / FROM NAMED (SPARQL 1.1 Protocol 2.1.4); Virtuoso
  // would merge them.
  if (protocolDataset) delete parsed.from;
  const form = parsed.queryType;
  if (parsed.queryType === 'DESCRIBE') describeAsConstruct(parsed, new FreshNames());
  const context: Context = { fresh: new FreshNames(), ...exclusions(layout), merge: !ownDataset, predicates };
  parsed.where = setPatterns(parsed.where ?? [], context);
  return { text: generator.stringify(parsed), form, wildcard };
}

const exclusions = (layout: DatasetLayout) => ({ system: layout.systemGraphs.map(iri), excluded: [...layout.systemGraphs, layout.ownDefaultGraph].map(iri) });

interface Context {
  fresh: FreshNames;
  /** Graphs that are not the client's data (the store's system graphs). */
  system: IriTerm[];
  /** Graphs that are not named graphs of the dataset (system graphs and the own-default one). */
  excluded: IriTerm[];
  /** True when the default graph is the merge (no dataset named). */
  merge: boolean;
  /** The store's predicates (unknown: every BGP is evaluated over GRAPH, as a set). */
  predicates?: PredicateSets;
}

function refuseService(patterns: Pattern[]): void {
  if (JSON.stringify(patterns).includes('"type":"service"')) {
    throw new QueryEvaluationError('SERVICE is not evaluated by this store: federated queries are sent by clients, not by the service');
  }
}

/** Variables the rewrite adds start with this; a SELECT * answer drops them. */
export const HIDDEN_VARIABLE_PREFIX = 'unkg_h_';

class FreshNames {
  private next = 0;
  readonly hidden = new Set<string>();
  make(kind: string): VariableTerm {
    const name = `${HIDDEN_VARIABLE_PREFIX}${kind}${this.next++}`;
    this.hidden.add(name);
    return variable(name);
  }
}

/** The group's patterns with every BGP outside GRAPH evaluated over the set merge. */
function setPatterns(group: Pattern[], context: Context): Pattern[] {
  // A nested group holding one BGP is that BGP (so that VALUES beside it can go in).
  const patterns = group.flatMap((p) => (p.type === 'group' && p.patterns.length === 1 && p.patterns[0].type === 'bgp' ? p.patterns : [p]));
  const filters = patterns.filter((p): p is FilterPattern => p.type === 'filter');
  const values = patterns.filter((p): p is ValuesPattern => p.type === 'values');
  const pushed = new Set<Pattern>();
  // In a group that only joins (BGPs, UNIONs, VALUES, FILTERs), VALUES beside a UNION may go into
  // each branch: a join distributes over a union. Virtuoso 7.2 otherwise joins VALUES beside a
  // UNION of rewritten BGPs wrongly (each branch's variable keeps the VALUES term but ranges over
  // every subject).
  const onlyJoins = patterns.every((p) => ['bgp', 'union', 'values', 'filter'].includes(p.type));
  const out: Pattern[] = [];
  for (const pattern of patterns) {
    switch (pattern.type) {
      case 'bgp': {
        if (!context.merge) {
          out.push(pattern);
          break;
        }
        const { triples, vars } = expandBgp(pattern, context.fresh);
        if (!triples.length) break;
        if (matchesOnce(triples, vars, context)) {
          out.push({ type: 'bgp', triples });
          break;
        }
        const own = filters.filter((f) => !pushed.has(f) && pushable(f.expression, vars));
        // VALUES go in too when the BGP binds all their variables (a join, so the same answer):
        // Virtuoso 7.2 fails to compile VALUES beside such a subquery inside a UNION.
        const rows = values.filter((v) => !pushed.has(v) && Object.keys(v.values[0] ?? {}).every((name) => vars.has(name.replace(/^\?/, ''))));
        [...own, ...rows].forEach((p) => pushed.add(p));
        out.push(distinctBgp(triples, vars, [...rows, ...own], context));
        break;
      }
      case 'group':
      case 'optional':
      case 'minus':
        out.push({ ...pattern, patterns: setPatterns(pattern.patterns, context) });
        break;
      case 'union': {
        const carried = context.merge && onlyJoins ? values.filter((v) => !pushed.has(v)) : [];
        carried.forEach((p) => pushed.add(p));
        // A branch is a group, or (the parser unwraps a group holding one UNION) a UNION.
        out.push({
          ...pattern,
          patterns: pattern.patterns.map((p) =>
            p.type === 'group'
              ? { ...p, patterns: setPatterns([...carried, ...p.patterns], context) }
              : { type: 'group', patterns: setPatterns([...carried, p], context) },
          ),
        } as Pattern);
        break;
      }
      case 'query':
        out.push({ ...pattern, where: setPatterns(pattern.where ?? [], context) } as Pattern);
        break;
      case 'graph':
        out.push(graphPattern(pattern, context));
        break;
      case 'filter':
        // Kept as it is until the BGPs have taken theirs (below).
        out.push(pattern);
        break;
      default:
        // bind, values.
        out.push(pattern);
    }
  }
  return out.filter((p) => !pushed.has(p)).map((p) => (p.type === 'filter' ? { ...p, expression: inExists(p.expression, context) } : p));
}

/** Whether each of the BGP's triple patterns matches each triple of the merge once over the
 *  store's default graph (see PredicateSets), and the BGP binds only the client's variables. */
function matchesOnce(triples: Triple[], vars: Set<string>, context: Context): boolean {
  const repeated = context.predicates?.repeated;
  if (!repeated) return false;
  if ([...vars].some((name) => context.fresh.hidden.has(name))) return false;
  return triples.every((t) => isIri(t.predicate) && !repeated.has((t.predicate as IriTerm).value));
}

/** Patterns inside FILTER EXISTS / NOT EXISTS get the same treatment. */
function inExists(expression: Expression, context: Context): Expression {
  const e = expression as { type?: string; operator?: string; args?: unknown[] };
  if (e.type !== 'operation' || !Array.isArray(e.args)) return expression;
  if (e.operator === 'exists' || e.operator === 'notexists') {
    return {
      ...e,
      args: e.args.map((a) =>
        (a as Pattern).type === 'group' ? { ...(a as object), patterns: setPatterns((a as { patterns: Pattern[] }).patterns, context) } : a,
      ),
    } as Expression;
  }
  return { ...e, args: e.args.map((a) => inExists(a as Expression, context)) } as Expression;
}

const notIn = (graph: VariableTerm, excluded: IriTerm[]): FilterPattern =>
  ({ type: 'filter', expression: { type: 'operation', operator: 'notin', args: [graph, excluded] } }) as unknown as FilterPattern;

/** GRAPH ?g keeps the store's own graphs out; an empty GRAPH group asks whether the graph
 *  holds a triple (Virtuoso matches nothing for `GRAPH ?g {}`). */
function graphPattern(pattern: Extract<Pattern, { type: 'graph' }>, context: Context): Pattern {
  const empty = pattern.patterns.every((p) => p.type === 'bgp' && p.triples.length === 0);
  const name = pattern.name as IriTerm | VariableTerm;
  const inner: Pattern[] = empty
    ? [{ type: 'bgp', triples: [{ subject: context.fresh.make('s'), predicate: context.fresh.make('p'), object: context.fresh.make('o') }] }]
    : setPatterns(pattern.patterns, { ...context, merge: false });
  const graph: Pattern = { ...pattern, patterns: inner };
  if (name.termType !== 'Variable') {
    return empty
      ? ({ type: 'filter', expression: { type: 'operation', operator: 'exists', args: [{ type: 'group', patterns: [graph] }] } } as unknown as Pattern)
      : graph;
  }
  const guarded: Pattern[] = [graph, ...(context.merge ? [notIn(name, context.excluded)] : [])];
  if (!empty) return { type: 'group', patterns: guarded };
  return {
    type: 'group',
    patterns: [{ type: 'query', queryType: 'SELECT', distinct: true, prefixes: {}, variables: [name], where: guarded } as unknown as Pattern],
  };
}

/** `?x p? ?y` (or `*`, `+`) with ?x bound by a VALUES beside it, as one branch per value,
 *  `{ ?x p? ?y FILTER(?x = <v>) } UNION ...` (a single value: `<v> p? ?y`). Virtuoso 7.2 takes
 *  neither VALUES nor IN as binding the start of such a path ("transitive start not given"),
 *  and answers nothing for VALUES inside UNION branches; it does take an equality filter. */
function pathFromValues(triple: Triple, rows: ValuesPattern[]): Pattern | undefined {
  const path = triple.predicate as { type?: string; pathType?: string; items?: Array<Triple['predicate']> };
  const subject = triple.subject as { termType: string; value: string };
  const object = triple.object as { termType: string; value: string };
  if (path.type !== 'path' || !['?', '*', '+'].includes(path.pathType ?? '')) return undefined;
  const name = `?${subject.value}`;
  const binding = subject.termType === 'Variable' ? rows.find((v) => v.values.length > 0 && v.values.every((row) => row[name] !== undefined)) : undefined;
  const starts =
    subject.termType === 'NamedNode'
      ? [triple.subject as IriTerm]
      : binding
        ? [...new Map(binding.values.map((row) => [JSON.stringify(row[name]), row[name] as IriTerm])).values()]
        : [];
  if (!starts.length) return undefined;
  if (path.pathType === '?' && path.items?.length === 1 && object.termType === 'Variable') {
    // Zero or one step, spelled out from each start: Virtuoso otherwise lets the zero-length
    // case match any node once the other end is bound by another pattern (observed: a
    // paragraph citing anything matched `<goal> sdgo:hasTarget? ?cited`).
    const tie = (start: IriTerm): Pattern[] =>
      subject.termType === 'Variable' ? [{ type: 'bind', variable: triple.subject, expression: start } as unknown as Pattern] : [];
    return {
      type: 'union',
      patterns: starts.flatMap((start) => [
        { type: 'group', patterns: [...tie(start), { type: 'bind', variable: triple.object, expression: start }] },
        { type: 'group', patterns: [...tie(start), { type: 'bgp', triples: [{ subject: start, predicate: path.items![0], object: triple.object }] }] },
      ]),
    } as Pattern;
  }
  if (subject.termType !== 'Variable') return undefined;
  if (starts.length === 1) return { type: 'bgp', triples: [{ ...triple, subject: starts[0] }] };
  return {
    type: 'union',
    patterns: starts.map((start) => ({
      type: 'group',
      patterns: [
        { type: 'bgp', triples: [triple] },
        { type: 'filter', expression: { type: 'operation', operator: '=', args: [triple.subject, start] } },
      ],
    })),
  } as Pattern;
}

/** Blank nodes as variables, `a/b` and `^a` paths of plain IRIs as triples through fresh
 *  variables. Returns the triples and every variable they bind. */
function expandBgp(bgp: BgpPattern, fresh: FreshNames): { triples: Triple[]; vars: Set<string> } {
  const blanks = new Map<string, VariableTerm>();
  const node = <T>(term: T): T => {
    const t = term as unknown as { termType?: string; value: string };
    if (t.termType !== 'BlankNode') return term;
    if (!blanks.has(t.value)) blanks.set(t.value, fresh.make('b'));
    return blanks.get(t.value) as unknown as T;
  };
  const triples: Triple[] = [];
  const expand = (subject: Triple['subject'], predicate: Triple['predicate'], object: Triple['object']) => {
    const path = predicate as { type?: string; pathType?: string; items?: Array<Triple['predicate']> };
    if (path.type === 'path' && path.pathType === '^' && path.items?.length === 1 && isIri(path.items[0])) {
      triples.push({ subject: object as Triple['subject'], predicate: path.items[0], object: subject as Triple['object'] });
    } else if (path.type === 'path' && path.pathType === '/' && path.items?.every((i) => isIri(i) || isInverseIri(i))) {
      let from: Triple['subject'] = subject;
      path.items.forEach((item, index) => {
        const to = (index === path.items!.length - 1 ? object : fresh.make('p')) as Triple['object'];
        expand(from, item, to);
        from = to as Triple['subject'];
      });
    } else triples.push({ subject, predicate, object });
  };
  for (const t of bgp.triples) expand(node(t.subject), t.predicate, node(t.object));
  const vars = new Set<string>();
  for (const t of triples)
    for (const term of [t.subject, t.predicate, t.object]) if ((term as { termType?: string }).termType === 'Variable') vars.add((term as VariableTerm).value);
  return { triples, vars };
}

/** DESCRIBE as the embedded store answers it: the triples whose subject is each described
 *  resource (Virtuoso's own DESCRIBE picks other triples). */
function describeAsConstruct(query: Query, fresh: FreshNames): void {
  if (query.queryType !== 'DESCRIBE') return;
  const terms = query.variables as Array<VariableTerm | IriTerm | { termType: 'Wildcard' }>;
  const described = (terms[0]?.termType === 'Wildcard' ? [...variablesIn(query.where ?? [])].map(variable) : terms) as Array<VariableTerm | IriTerm>;
  const template: Triple[] = [];
  const branches: Pattern[] = [];
  for (const term of described) {
    const triple = { subject: term, predicate: fresh.make('dp'), object: fresh.make('do') } as Triple;
    template.push(triple);
    branches.push({ type: 'group', patterns: [{ type: 'bgp', triples: [triple] }] });
  }
  const around: Pattern = branches.length === 1 ? branches[0] : { type: 'union', patterns: branches };
  const where: Pattern[] = query.where?.length ? [{ type: 'group', patterns: query.where }, around] : [around];
  Object.assign(query, { queryType: 'CONSTRUCT', template, where });
  delete (query as { variables?: unknown }).variables;
}

function variablesIn(patterns: Pattern[]): Set<string> {
  return new Set([...JSON.stringify(patterns).matchAll(/"termType":"Variable","value":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]));
}

const isIri = (term: unknown) => (term as { termType?: string }).termType === 'NamedNode';
const isInverseIri = (term: unknown) => {
  const p = term as { type?: string; pathType?: string; items?: unknown[] };
  return p.type === 'path' && p.pathType === '^' && p.items?.length === 1 && isIri(p.items[0]);
};

/** A FILTER may move into a BGP's subquery when it reads only variables the BGP binds and
 *  does not test for patterns (EXISTS) or boundness. */
function pushable(expression: Expression, vars: Set<string>): boolean {
  const text = JSON.stringify(expression);
  if (/"operator":"(?:exists|notexists|bound)"|"type":"aggregate"/.test(text)) return false;
  const used = [...text.matchAll(/"termType":"Variable","value":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  return used.every((v) => vars.has(v));
}

function distinctBgp(triples: Triple[], vars: Set<string>, filters: Pattern[], context: Context): Pattern {
  const { fresh } = context;
  const body: Pattern[] = [];
  const plain: Triple[] = [];
  for (const triple of triples) {
    if ((triple.predicate as { type?: string }).type === 'path') {
      plain.push(triple);
      continue;
    }
    const graph = fresh.make('g');
    body.push({ type: 'graph', name: graph as unknown as IriTerm, patterns: [{ type: 'bgp', triples: [triple] }] });
    if (context.system.length) body.push(notIn(graph, context.system));
  }
  const rows = filters.filter((p): p is ValuesPattern => p.type === 'values');
  const paths: Pattern[] = [];
  for (const triple of plain.splice(0)) {
    const rewritten = pathFromValues(triple, rows);
    if (rewritten) paths.push(rewritten);
    else plain.push(triple);
  }
  if (plain.length) body.unshift({ type: 'bgp', triples: plain });
  body.unshift(...paths);
  // VALUES first: Virtuoso takes a path's end as bound only by what comes before it.
  body.unshift(...rows);
  body.push(...filters.filter((p) => p.type !== 'values'));
  const visible = [...vars].filter((v) => !fresh.hidden.has(v));
  if (visible.length === 0) {
    // No variable to keep: the BGP only says whether it matches, as one row of a hidden
    // variable (Virtuoso answers FILTER EXISTS alone in a group as if it always held).
    const flag = fresh.make('one');
    return {
      type: 'group',
      patterns: [
        {
          type: 'query',
          queryType: 'SELECT',
          prefixes: {},
          variables: [
            { expression: { termType: 'Literal', value: '1', language: '', datatype: iri('http://www.w3.org/2001/XMLSchema#integer') }, variable: flag },
          ],
          where: body,
          limit: 1,
        },
      ],
    } as unknown as Pattern;
  }
  const inner = { type: 'query', queryType: 'SELECT', distinct: true, prefixes: {}, variables: [...vars].map(variable), where: body } as unknown as Pattern;
  if (visible.length === vars.size) return { type: 'group', patterns: [inner] };
  const outer = {
    type: 'query',
    queryType: 'SELECT',
    prefixes: {},
    variables: visible.map(variable),
    where: [{ type: 'group', patterns: [inner] }],
  } as unknown as Pattern;
  return { type: 'group', patterns: [outer] };
}

// ---------------------------------------------------------------------------------------
// Updates

export interface UpdateDataset {
  usingGraphs?: string[];
  usingNamedGraphs?: string[];
  baseIri?: string;
}

/** What the rewrite asks the store: its named graphs (DROP ALL, CLEAR NAMED), whether one
 *  exists (CREATE, DROP and CLEAR without SILENT are checked before anything is sent: the
 *  remote store applies the operations of one request one after the other, so a failing
 *  second operation would leave the first one done). */
export interface GraphLister {
  graphs(): Promise<string[]>;
  hasGraph(graph: string): Promise<boolean>;
}

/** A parsed update, checked and rewritten for the remote store. */
export interface RewrittenUpdate {
  text: string;
  /** INSERT DATA quads when the update is only INSERT DATA (the store may send them as
   *  Graph Store writes, which have no size limit); graph null = the default graph. */
  insertDataOnly?: Array<{ graph: string | null; triples: Triple[] }>;
}

export async function rewriteUpdate(text: string, layout: DatasetLayout, dataset: UpdateDataset, store: GraphLister): Promise<RewrittenUpdate> {
  const parsed = parse(text, 'update', dataset.baseIri);
  if (parsed.type !== 'update') throw new QuerySyntaxError('Expected an update, found a query (send queries to the query operation)');
  const own = iri(layout.ownDefaultGraph);
  const context = (): Context => ({ fresh: new FreshNames(), ...exclusions(layout), merge: true });
  const using =
    dataset.usingGraphs?.length || dataset.usingNamedGraphs?.length
      ? { default: (dataset.usingGraphs ?? []).map(iri), named: (dataset.usingNamedGraphs ?? []).map(iri) }
      : undefined;
  const toOwn = (quads: Quads[]): Quads[] => quads.map((q) => (q.type === 'bgp' ? { type: 'graph', name: own, triples: q.triples } : q));
  const graphOrOwn = (g: GraphOrDefault): GraphOrDefault => (g.default || !g.name ? { type: 'graph', name: own } : g);
  const operations: UpdateOperation[] = [];
  for (const op of (parsed as Update).updates) {
    if ('updateType' in op) {
      switch (op.updateType) {
        case 'insert':
          operations.push({ updateType: 'insert', insert: toOwn(op.insert) });
          break;
        case 'delete':
          operations.push({ updateType: 'delete', delete: toOwn(op.delete) });
          break;
        case 'deletewhere': {
          const where: Pattern[] = op.delete.map((q) =>
            q.type === 'graph' ? { type: 'graph', name: q.name, patterns: [{ type: 'bgp', triples: q.triples }] } : { type: 'bgp', triples: q.triples },
          );
          operations.push({
            updateType: 'insertdelete',
            delete: toOwn(op.delete),
            insert: [],
            where: using ? where : setPatterns(where, context()),
            ...(using ? { using } : {}),
          });
          break;
        }
        case 'insertdelete': {
          refuseService(op.where);
          if (using && (op.using || op.graph))
            throw new DatasetConflictError('using-graph-uri / using-named-graph-uri cannot be combined with USING, USING NAMED or WITH in the update');
          if (op.graph) operations.push(op);
          else
            operations.push({
              ...op,
              insert: toOwn(op.insert),
              delete: toOwn(op.delete),
              where: using || op.using ? op.where : setPatterns(op.where, context()),
              ...(using ? { using } : {}),
            });
          break;
        }
      }
      continue;
    }
    switch (op.type) {
      case 'load':
        throw new QueryEvaluationError('LOAD is not evaluated by this store: send the data with the Graph Store Protocol');
      case 'create':
        if (!op.silent && op.graph.name && (await store.hasGraph(op.graph.name.value)))
          throw new QueryEvaluationError(`The graph <${op.graph.name.value}> already exists`);
        operations.push(op);
        break;
      case 'clear':
      case 'drop': {
        const g = op.graph;
        if (g.all || g.named) {
          const targets = [...(await store.graphs()).map(iri), ...(g.all ? [own] : [])];
          for (const name of targets) operations.push({ type: 'clear', silent: true, graph: { type: 'graph', name } });
          // DROP removes the graphs themselves (explicitly created ones included).
          if (op.type === 'drop') for (const name of targets) operations.push({ type: 'drop', silent: true, graph: { type: 'graph', name } });
        } else if (g.default || !g.name) operations.push({ type: 'clear', silent: true, graph: { type: 'graph', name: own } });
        else {
          if (!op.silent && !(await store.hasGraph(g.name.value))) throw new QueryEvaluationError(`The graph <${g.name.value}> does not exist`);
          operations.push({ ...op, silent: true });
        }
        break;
      }
      default:
        operations.push({ ...op, source: graphOrOwn(op.source), destination: graphOrOwn(op.destination) });
    }
  }
  const insertDataOnly = operations.every((o) => 'updateType' in o && o.updateType === 'insert')
    ? operations
        .flatMap((o) => (o as { insert: Quads[] }).insert)
        .map((q) => ({ graph: q.type === 'graph' && q.name.value !== own.value ? q.name.value : null, triples: q.triples }))
    : undefined;
  if (!operations.length) return { text: '' };
  const rewritten: Update = { type: 'update', prefixes: parsed.prefixes, updates: operations, ...(parsed.base ? { base: parsed.base } : {}) };
  return { text: generator.stringify(rewritten), ...(insertDataOnly ? { insertDataOnly } : {}) };
}
