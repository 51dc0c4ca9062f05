/** Checks shared by every graph view, before any query is sent. */
import { isLanguageTag } from '../vocab';
import { VizRequestError } from './errors';
import { MAX_NODE_LIMIT } from './limits';
import type { GraphViewOptions } from './buildVizGraph';
import { iriRef } from './sparqlTerms';

export function validateViewOptions(options: GraphViewOptions & { predicates?: readonly string[] }, ...iris: string[]): void {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > MAX_NODE_LIMIT) {
    throw new VizRequestError(`node limit must be an integer from 1 to ${MAX_NODE_LIMIT}: ${options.limit}`);
  }
  for (const lang of options.lang) if (!isLanguageTag(lang)) throw new VizRequestError(`not a language tag: ${JSON.stringify(lang)}`);
  if (options.literals !== 'attributes' && options.literals !== 'nodes') {
    throw new VizRequestError(`literals must be 'attributes' or 'nodes': ${JSON.stringify(options.literals)}`);
  }
  for (const iri of [...iris, ...(options.predicates ?? [])]) iriRef(iri);
}
