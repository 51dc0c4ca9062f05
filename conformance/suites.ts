/** The W3C SPARQL 1.1 specifications whose tests are run, and what each runs against. The
 *  specification IRIs are those of `mf:includedSpecifications` in sparql11/manifest-all.ttl. */

export type SuiteTarget =
  /** The store interface, through the engine adapter (storeEngine). */
  | 'store'
  /** The running HTTP service; the option names the endpoint URL given to the runner. */
  | { endpoint: 'protocolEndpoint' | 'serviceDescriptionEndpoint' | 'graphStoreEndpoint' };

export interface Suite {
  name: string;
  specification: string;
  target: SuiteTarget;
}

export const SUITES: readonly Suite[] = [
  { name: 'query', specification: 'http://www.w3.org/TR/sparql11-query/', target: 'store' },
  { name: 'update', specification: 'http://www.w3.org/TR/sparql11-update/', target: 'store' },
  { name: 'results-json', specification: 'http://www.w3.org/TR/sparql11-results-json/', target: 'store' },
  { name: 'results-csv-tsv', specification: 'http://www.w3.org/TR/sparql11-results-csv-tsv/', target: 'store' },
  { name: 'federated-query', specification: 'http://www.w3.org/TR/sparql11-federated-query/', target: 'store' },
  { name: 'protocol', specification: 'http://www.w3.org/TR/sparql11-protocol/', target: { endpoint: 'protocolEndpoint' } },
  { name: 'service-description', specification: 'http://www.w3.org/TR/sparql11-service-description/', target: { endpoint: 'serviceDescriptionEndpoint' } },
  { name: 'graph-store-protocol', specification: 'http://www.w3.org/TR/sparql11-http-rdf-update/', target: { endpoint: 'graphStoreEndpoint' } },
];

/** Specifications of the suite that are deliberately not run, with the reason. */
export const NOT_RUN: readonly { specification: string; reason: string }[] = [
  {
    specification: 'http://www.w3.org/TR/sparql11-entailment/',
    reason: 'The service evaluates queries under simple entailment only (no RDFS, OWL or RIF entailment regime is offered or declared).',
  },
];
