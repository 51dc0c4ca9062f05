/** A bare SPARQL endpoint: npm oxigraph behind plain node:http, no framework, no worker
 *  threads, no negotiation (SPARQL JSON results only), no limits. It is what the service's own
 *  endpoint is measured against (bench/sparqlThroughput.ts): the cost of the engine and of
 *  HTTP, and nothing else.
 *
 *  Usage: tsx bench/bareOxigraphEndpoint.ts <file.nq|ttl|trig>...; prints `listening <port>`
 *  once loaded, on 127.0.0.1 and a free port. Ends when its parent closes stdin. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oxigraph from 'oxigraph';

const FORMATS: Record<string, string> = { nq: 'application/n-quads', ttl: 'text/turtle', trig: 'application/trig', nt: 'application/n-triples' };
const JSON_RESULTS = 'application/sparql-results+json';

const store = new oxigraph.Store();
for (const path of process.argv.slice(2)) {
  const format = FORMATS[path.split('.').pop() ?? ''];
  if (!format) throw new Error(`unknown format of ${path}`);
  store.load(readFileSync(path, 'utf8'), { format });
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const query = url.searchParams.get('query');
  if (!query) {
    response.writeHead(400).end('no query');
    return;
  }
  try {
    const body = store.query(query, { results_format: JSON_RESULTS, use_default_graph_as_union: true }) as string;
    response.writeHead(200, { 'content-type': JSON_RESULTS }).end(body);
  } catch (error) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
  }
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
