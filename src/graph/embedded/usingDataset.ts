import { Generator, Parser, type IriTerm, type Pattern, type Update, type UpdateOperation } from 'sparqljs';
import { DataFactory } from 'n3';
import { DatasetConflictError, QuerySyntaxError } from '../errors';

/** Applies the protocol's using-graph-uri / using-named-graph-uri to an update request
 *  (SPARQL 1.1 Protocol 2.2.3): every DELETE/INSERT ... WHERE operation gets those USING and
 *  USING NAMED clauses. The short form DELETE WHERE { P } cannot carry USING, so it is
 *  written out as DELETE { P } USING ... WHERE { P }. An update that already has USING or
 *  WITH conflicts with the parameters and is refused. */
export function applyUsingDataset(update: string, usingGraphs: string[] = [], usingNamedGraphs: string[] = []): string {
  if (!usingGraphs.length && !usingNamedGraphs.length) return update;
  let parsed: Update;
  try {
    parsed = new Parser({ sparqlStar: true }).parse(update) as Update;
  } catch (error) {
    throw new QuerySyntaxError((error as Error).message);
  }
  if (parsed.type !== 'update') throw new QuerySyntaxError('Expected a SPARQL update, found a query');
  const using = {
    default: usingGraphs.map((g) => DataFactory.namedNode(g) as IriTerm),
    named: usingNamedGraphs.map((g) => DataFactory.namedNode(g) as IriTerm),
  };
  parsed.updates = parsed.updates.map((operation) => withUsing(operation, using));
  return new Generator().stringify(parsed);
}

function withUsing(operation: UpdateOperation, using: { default: IriTerm[]; named: IriTerm[] }): UpdateOperation {
  if (!('updateType' in operation)) return operation;
  if (operation.updateType === 'insertdelete') {
    if (operation.using || operation.graph) {
      throw new DatasetConflictError('using-graph-uri / using-named-graph-uri cannot be combined with USING, USING NAMED or WITH in the update');
    }
    return { ...operation, using };
  }
  if (operation.updateType === 'deletewhere') {
    const where: Pattern[] = operation.delete.map((quads) =>
      quads.type === 'graph'
        ? { type: 'graph', name: quads.name, patterns: [{ type: 'bgp', triples: quads.triples }] }
        : { type: 'bgp', triples: quads.triples },
    );
    return { updateType: 'insertdelete', delete: operation.delete, insert: [], where, using };
  }
  return operation;
}
