import type { GraphStore } from '../../src/graph';
import { createGraphqlServer, type GraphqlServer } from '../../src/graphql';
import { DEFAULT_BASE } from '../../src/vocab';
import { seedSources } from '../seedData';
import { createTestStore } from '../storeUnderTest';

/** The real store over the seed (tests/seedData.ts): the built resolution graph, the ontology
 *  and the reference data, laid out as the service loads them; the backend is the one
 *  UNKG_TEST_STORE names (tests/storeUnderTest.ts). */
export function seedStore(): Promise<GraphStore> {
  return createTestStore({ sources: seedSources(), workers: 1 });
}

export const DOC = `${DEFAULT_BASE}eli/un/E/RES/2017/18`;
export const GPA_RESOLUTION = `${DEFAULT_BASE}eli/un/A/RES/64/293`;
export const UNODC = `${DEFAULT_BASE}org/unodc`;

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: Array<string | number> }> };
}

/** Sends one operation through the GraphQL server, in process (no HTTP). */
export async function execute<T = any>(
  server: GraphqlServer,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<T>> {
  const response = await server.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphqlResponse<T>['body'] };
}

export const graphqlServer = (store: GraphStore): GraphqlServer => createGraphqlServer({ store, base: DEFAULT_BASE });
