import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BASE } from '../../src/vocab';
import { EN_FIXTURE, ROOT } from '../ingest/fixtures';
import { unkg } from '../unkgCommand';

/** The README's "Adding resolutions" path, followed on a copy of the project's sources and
 *  reference data: put a text in the sources folder, build, validate, count, query. The copy
 *  holds whatever the project holds today, so the assertions count relative to it. */

/** A resolution number no real document has, so the added text never clashes with one the
 *  project may hold one day. */
const ADDED = 'A/RES/99/901';

describe('adding a resolution, as the README says, on a copy of the project data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unkg-adding-'));
  const sources = join(dir, 'sources');
  const reference = join(dir, 'reference');
  const graph = join(dir, 'graph');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    cpSync(join(ROOT, 'data', 'sources'), sources, { recursive: true });
    cpSync(join(ROOT, 'data', 'reference'), reference, { recursive: true });
    writeFileSync(join(sources, 'A-RES-99-901.en.md'), readFileSync(EN_FIXTURE, 'utf8').replaceAll('72/195', '99/901'));
    writeFileSync(join(sources, 'notes.txt'), 'To do: ask for the French text of 99/901.\n');
  });

  it('builds it with the others, skipping the note with a message', () => {
    const r = unkg(['build', '--sources', sources, '--out', graph, '--reference', reference, '--no-clauses']);
    expect(r.stderr).toContain(`skipped ${join(sources, 'notes.txt')}: no resolution symbol`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${ADDED}  en  \\d+ quads  <${DEFAULT_BASE}eli/un/${ADDED}>`, 'm'));
    const resolutionTexts = readdirSync(sources).filter((f) => /\.(md|txt|pdf|docx)$/.test(f) && f !== 'notes.txt').length;
    expect(readdirSync(graph).filter((f) => f.endsWith('.nq'))).toHaveLength(resolutionTexts);
  });

  it('validates, and stats counts the same quads as validate', () => {
    const v = unkg(['validate', '--graph', graph, '--reference', reference]);
    expect(v.code).toBe(0);
    const checked = /(\d+) quads \(as `unkg stats` counts them\).*: conforms/.exec(v.stdout);
    expect(checked).not.toBeNull();
    const s = unkg(['stats', '--graph', graph, '--json']);
    expect(s.code).toBe(0);
    const stats = JSON.parse(s.stdout) as { quads: number; graphs: number };
    expect(stats.quads).toBe(Number(checked![1]));
    expect(stats.graphs).toBe(readdirSync(graph).filter((f) => f.endsWith('.nq')).length);
  });

  it('answers a query about the new resolution', () => {
    const r = unkg([
      'query',
      '--graph',
      graph,
      '--reference',
      reference,
      `SELECT ?n WHERE { ?p <http://data.europa.eu/eli/ontology#is_part_of> <${DEFAULT_BASE}eli/un/${ADDED}> ; <http://data.europa.eu/eli/ontology#number> ?n } ORDER BY ?n`,
    ]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(10);
  });
});
