/** The acceptance checks of dereferenceable IRIs, against a listening server and curl. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import * as oxigraph from 'oxigraph';
import { listen, SEED_OP2, startService, type ServiceUnderTest } from '../web/serviceUnderTest';

const CURL = '/usr/bin/curl';

/** curl in a child process (asynchronously: the server answers from this same process). */
async function curl(...args: string[]): Promise<{ status: number; type: string; body: string }> {
  const { stdout } = await promisify(execFile)(
    CURL,
    ['--silent', '--show-error', '--max-time', '20', '--write-out', '\n%{http_code} %{content_type}', ...args],
    {
      encoding: 'utf8',
    },
  );
  const cut = stdout.lastIndexOf('\n');
  const [status, ...type] = stdout.slice(cut + 1).split(' ');
  return { status: Number(status), type: type.join(' '), body: stdout.slice(0, cut) };
}

describe('a paragraph IRI, dereferenced over HTTP', () => {
  let service: ServiceUnderTest;
  let root: string;
  beforeAll(async () => {
    if (!existsSync(CURL)) throw new Error(`${CURL} is missing: apt-get install -y --no-install-recommends curl`);
    service = await startService();
    root = await listen(service.app);
  });
  afterAll(() => service?.close());

  it("answers curl -H 'Accept: text/turtle' with that paragraph's triples", async () => {
    const response = await curl('-H', 'Accept: text/turtle', `${root}eli/un/E/RES/2017/18/op/2`);
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/turtle; charset=utf-8');
    const served = oxigraph
      .parse(response.body, { format: 'text/turtle' })
      .filter((q) => q.subject.value === SEED_OP2)
      .map((q) => `${q.predicate} ${q.object}`)
      .sort();
    const stored = await service.store.select(`SELECT ?p ?o WHERE { <${SEED_OP2}> ?p ?o }`);
    expect(served).toHaveLength(new Set(stored.results.bindings.map((b) => `${b.p.value} ${b.o.value}`)).size);
    expect(served).toContain('<http://data.europa.eu/eli/ontology#cites> <https://w3id.org/unkg/eli/un/A/RES/64/293>');
    expect(served).toContain('<http://data.europa.eu/eli/ontology#is_part_of> <https://w3id.org/unkg/eli/un/E/RES/2017/18>');
  });

  it('answers a browser with a page showing its links and backlinks, on whatever host it is served', async () => {
    const response = await curl('-H', 'Accept: text/html', '-H', 'Host: kg.example.org', `${root}eli/un/E/RES/2017/18/op/2`);
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<h2>Properties</h2>');
    expect(response.body).toContain('href="/eli/un/A/RES/64/293"');
    expect(response.body).toContain('<section id="backlinks"><h2>Backlinks');
  });
});
