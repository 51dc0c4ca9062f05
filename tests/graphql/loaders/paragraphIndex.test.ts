import type { GraphStore } from '../../../src/graph';
import { INDEX_VARIABLES, ORDER_KEYS, paragraphIndex, paragraphOrder } from '../../../src/graphql/loaders/paragraphIndex';
import { PREFIXES } from '../../../src/graphql/rdf/sparqlSyntax';
import { NS } from '../../../src/vocab';
import { DOC, GPA_RESOLUTION, seedStore } from '../seedStore';

/** The reading order of paragraphs starts from the paragraphs asked about: the cost of listing
 *  the paragraphs citing a resolution does not grow with the paragraphs of the store. */

const OTHER_PARAGRAPHS = 20_000;
const RUNS = 7;

/** Paragraphs of 200 other documents, half preambular, half operative. */
function otherParagraphs(): string {
  const lines: string[] = [];
  for (let i = 0; i < OTHER_PARAGRAPHS; i++) {
    const p = `<https://example.org/doc/${i % 200}/p/${i}>`;
    lines.push(`${p} <${NS.rdf}type> <${NS.unkg}${i % 2 ? 'OperativeParagraph' : 'PreambularParagraph'}> .`);
    lines.push(`${p} <${NS.unkg}position> "${i}"^^<${NS.xsd}integer> .`);
    lines.push(`${p} <${NS.eli}is_part_of> <https://example.org/doc/${i % 200}> .`);
  }
  return lines.join('\n');
}

describe('paragraphIndex', () => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await seedStore();
  });
  afterAll(() => store.close());

  const QUERIES = {
    'the order of a page': `SELECT DISTINCT ${INDEX_VARIABLES} WHERE { ${paragraphIndex(`?p eli:cites <${GPA_RESOLUTION}> .`)} } ORDER BY ${ORDER_KEYS}`,
    'the order of a list held in memory': `SELECT DISTINCT * WHERE { ${paragraphOrder(`?p eli:cites <${GPA_RESOLUTION}> .`)} }`,
  };

  async function medianMs(query: string): Promise<{ ms: number; paragraphs: string[] }> {
    const times: number[] = [];
    let paragraphs: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const results = await store.select(`${PREFIXES}\n${query}`);
      times.push(performance.now() - started);
      paragraphs = results.results.bindings.map((row) => row.p.value).sort();
    }
    return { ms: times.sort((a, b) => a - b)[RUNS >> 1], paragraphs };
  }

  test('lists the paragraphs citing a resolution as fast among 20 000 other paragraphs as without them', async () => {
    const before = await Promise.all(Object.values(QUERIES).map(medianMs));
    await store.load(otherParagraphs(), 'application/n-triples', 'https://example.org/graph/other-paragraphs');
    const after = await Promise.all(Object.values(QUERIES).map(medianMs));
    after.forEach((run, i) => {
      expect(run.paragraphs).toEqual([`${DOC}/op/13`, `${DOC}/op/2`, `${DOC}/pp/5`]);
      expect(run.paragraphs).toEqual(before[i].paragraphs);
      // Starting from every paragraph of a kind takes tens of milliseconds here.
      expect(run.ms).toBeLessThan(5 * before[i].ms + 5);
    });
  });
});
