import type { GraphStore, SparqlJsonResults, SparqlJsonTerm } from '../../graph';
import { selectAsTsv } from './tsvResults';

/** A SELECT of the GraphQL layer: the query (PREFIX lines, then one SELECT), and, when the
 *  order of its rows matters, its ORDER BY keys. */
export type Select = (query: string, options?: { orderBy?: string }) => Promise<SparqlJsonResults>;

/** The variable that tells, in a batch, which query a row answers. */
const MEMBER = 'batchMember';

interface Pending {
  body: string;
  prefixes: string[];
  orderBy: string | undefined;
  resolve: (results: SparqlJsonResults) => void;
  reject: (error: unknown) => void;
}

/** The SELECTs one request sends within one turn of the event loop go to the store as ONE query:
 *  each a subquery in a UNION, its rows marked with its number, split again on arrival. What an
 *  operation needs at one level of its tree (the resources of a lookup, the members of the list
 *  it goes down, a page of a top-level list and its total) then costs one store evaluation and
 *  one round trip, as a hand-written query would. Standard SPARQL 1.1 (subqueries, UNION, BIND),
 *  for every backend.
 *
 *  A query whose rows come in an order (a page) keeps it: the batch is ordered by member, then by
 *  that query's keys, and holds at most one such query (another waits for the next batch). */
export function selectBatch(store: GraphStore): Select {
  let pending: Pending[] = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    const orderedAt = pending.findIndex((p) => p.orderBy);
    // At most one ordered query per batch: the next one starts the next batch.
    const secondOrdered = orderedAt < 0 ? -1 : pending.findIndex((p, i) => i > orderedAt && p.orderBy);
    const batch = secondOrdered < 0 ? pending : pending.slice(0, secondOrdered);
    pending = secondOrdered < 0 ? [] : pending.slice(secondOrdered);
    if (pending.length) schedule();
    send(batch).catch(() => undefined);
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    // After the microtasks and process.nextTick callbacks of this turn, where DataLoader dispatches.
    setImmediate(flush);
  };

  const send = async (batch: Pending[]): Promise<void> => {
    try {
      if (batch.length === 1) {
        const [only] = batch;
        only.resolve(await selectAsTsv(store, `${only.prefixes.join('\n')}\n${only.body}`));
        return;
      }
      const prefixes = [...new Set(batch.flatMap((p) => p.prefixes))];
      const members = batch.map((p, i) => `{ { ${p.body} } BIND(${i} AS ?${MEMBER}) }`);
      const ordered = batch.find((p) => p.orderBy);
      const query = `${prefixes.join('\n')}\nSELECT * WHERE { ${members.join(' UNION ')} }${ordered ? ` ORDER BY ?${MEMBER} ${ordered.orderBy}` : ''}`;
      const results = await selectAsTsv(store, query);
      const rows: Array<Array<Record<string, SparqlJsonTerm>>> = batch.map(() => []);
      for (const row of results.results.bindings) {
        const member = Number(row[MEMBER]?.value);
        delete row[MEMBER];
        rows[member]?.push(row);
      }
      const vars = results.head.vars.filter((v) => v !== MEMBER);
      batch.forEach((p, i) => p.resolve({ head: { vars }, results: { bindings: rows[i] } }));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  };

  return (query, { orderBy } = {}) =>
    new Promise<SparqlJsonResults>((resolve, reject) => {
      const lines = query.split('\n');
      const firstBody = lines.findIndex((line) => !line.startsWith('PREFIX '));
      pending.push({
        prefixes: lines.slice(0, firstBody),
        body: lines.slice(firstBody).join('\n'),
        orderBy,
        resolve,
        reject,
      });
      schedule();
    });
}
