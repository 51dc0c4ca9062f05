import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildGraph, MANIFEST_FILE, type BuildOptions } from '../../src/commands';
import { DEFAULT_BASE } from '../../src/vocab';
import { EN_FIXTURE, FR_GA_FIXTURE, ROOT, SEED, SEED_REFERENCE } from '../ingest/fixtures';

const tmp = () => mkdtempSync(join(tmpdir(), 'unkg-parallel-build-'));
const DOCUMENTS = join(ROOT, 'tests/fixtures/documents');

/** Six real sources, copied to a folder of their own so that tests may edit them: four
 *  resolutions in text, and one in English (PDF) and French (Word), merged into one graph. */
function sources(): string[] {
  const dir = tmp();
  return [
    SEED,
    EN_FIXTURE,
    FR_GA_FIXTURE,
    join(ROOT, 'tests/fixtures/ingest/E-RES-2016-25.en.md'),
    join(DOCUMENTS, 'E-RES-2019-41.en.pdf'),
    join(DOCUMENTS, 'E-RES-2019-41.fr.docx'),
  ].map((file) => {
    const copy = join(dir, basename(file));
    copyFileSync(file, copy);
    return copy;
  });
}

const build = (inputs: string[], outDir: string, options: Partial<BuildOptions> = {}) =>
  buildGraph({ inputs, outDir, referenceDir: SEED_REFERENCE, base: DEFAULT_BASE, incremental: true, jobs: 2, ...options });

/** Every file of a folder but the build's record, with its bytes. */
const outputs = (dir: string): Map<string, Buffer> =>
  new Map(
    readdirSync(dir)
      .filter((f) => f !== MANIFEST_FILE)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );

function expectSameBytes(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [file, bytes] of expected) expect({ file, same: actual.get(file)!.equals(bytes) }).toEqual({ file, same: true });
}

const GRAPHS = ['A-RES-71-167', 'A-RES-72-195', 'E-RES-2016-25', 'E-RES-2017-18', 'E-RES-2019-41'].flatMap((stem) => [`${stem}.nq`, `${stem}.ttl`]);

describe('unkg build on worker threads', () => {
  it('writes byte for byte what the build on the calling thread writes, the clause scheme included', async () => {
    const inputs = sources();
    const [one, two] = [tmp(), tmp()];
    const sequential = await build(inputs, join(one, 'graph'), { jobs: 1, clausesFile: join(one, 'graph', 'clauses.ttl') });
    const progress: Array<[number, number]> = [];
    const parallel = await build(inputs, join(two, 'graph'), {
      jobs: 2,
      clausesFile: join(two, 'graph', 'clauses.ttl'),
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual(inputs.map((_, i) => [i + 1, inputs.length]));
    expect([sequential.threads, parallel.threads]).toEqual([0, 2]);
    expect([...outputs(join(two, 'graph')).keys()]).toEqual([...GRAPHS, 'clauses.ttl'].sort());
    expectSameBytes(outputs(join(two, 'graph')), outputs(join(one, 'graph')));
    // The same documents, reported the same way (the time taken aside).
    const withoutTimes = (r: typeof parallel) =>
      r.documents.map((d) => ({ ...d, outputs: d.outputs.map((o) => basename(o)), sources: d.sources.map((s) => ({ ...s, milliseconds: 0 })) }));
    expect(withoutTimes(parallel)).toEqual(withoutTimes(sequential));
    expect(parallel.documents.map((d) => [d.symbol, d.languages])).toEqual([
      ['E/RES/2017/18', ['fr']],
      ['A/RES/72/195', ['en']],
      ['A/RES/71/167', ['fr']],
      ['E/RES/2016/25', ['en']],
      ['E/RES/2019/41', ['en', 'fr']],
    ]);
  }, 180_000);

  it('builds again only the document whose source changed, and its output equals a clean build', async () => {
    const inputs = sources();
    const out = tmp();
    expect(await build(inputs, out)).toMatchObject({ built: 5, unchanged: 0, threads: 2 });
    const before = outputs(out);
    const seedGraph = join(out, 'E-RES-2017-18.nq');
    const writtenAt = statSync(seedGraph).mtimeMs;
    const recordedAt = statSync(join(out, MANIFEST_FILE)).mtimeMs;

    const again = await build(inputs, out);
    expect(again).toMatchObject({ built: 0, unchanged: 5, threads: 0, files: [] });
    expectSameBytes(outputs(out), before);
    expect(statSync(join(out, MANIFEST_FILE)).mtimeMs).toBe(recordedAt);
    expect(again.documents.map((d) => [d.symbol, d.quads, d.sources.map((s) => basename(s.file))])).toEqual(
      (await build(inputs, tmp())).documents.map((d) => [d.symbol, d.quads, d.sources.map((s) => basename(s.file))]),
    );

    // A paragraph of the English resolution reworded: its graph alone is built again, on the calling thread.
    writeFileSync(inputs[1], readFileSync(inputs[1], 'utf8').replace('Reaffirming', 'Reaffirming once more'));
    const changed = await build(inputs, out);
    expect(changed).toMatchObject({ built: 1, unchanged: 4, threads: 0, files: [join(out, 'A-RES-72-195.nq'), join(out, 'A-RES-72-195.ttl')] });
    expect(statSync(seedGraph).mtimeMs).toBe(writtenAt);
    expect(readFileSync(join(out, 'A-RES-72-195.nq'), 'utf8')).toContain('Reaffirming once more');
    const clean = tmp();
    await build(inputs, clean, { incremental: false });
    expectSameBytes(outputs(out), outputs(clean));
  }, 180_000);

  it('builds a resolution again from its remaining version when the other is removed, and removes the graph of a removed source', async () => {
    const inputs = sources();
    const out = tmp();
    await build(inputs, out);
    rmSync(inputs[5]); // the French Word version of E/RES/2019/41
    rmSync(inputs[2]); // A/RES/71/167, its only version
    const rest = inputs.filter((_, i) => i !== 5 && i !== 2);
    const after = await build(rest, out);
    expect(after).toMatchObject({ built: 1, unchanged: 3, removed: [join(out, 'A-RES-71-167.nq'), join(out, 'A-RES-71-167.ttl')] });
    expect(after.documents.find((d) => d.symbol === 'E/RES/2019/41')!.languages).toEqual(['en']);
    const clean = tmp();
    await build(rest, clean, { incremental: false });
    expectSameBytes(outputs(out), outputs(clean));
    // A source that still exists but is not given keeps its graph, as a build of other files leaves it.
    const seedOnly = await build([inputs[0]], out);
    expect(seedOnly).toMatchObject({ built: 0, unchanged: 1, removed: [] });
    expectSameBytes(outputs(out), outputs(clean));
  }, 180_000);

  it('builds everything again when the reference data changes, and a document whose output went missing', async () => {
    const inputs = sources();
    const out = tmp();
    const reference = tmp();
    cpSync(SEED_REFERENCE, reference, { recursive: true });
    await build(inputs, out, { referenceDir: reference });
    rmSync(join(out, 'A-RES-71-167.ttl'));
    expect(await build(inputs, out, { referenceDir: reference })).toMatchObject({ built: 1, unchanged: 4 });
    expect(existsSync(join(out, 'A-RES-71-167.ttl'))).toBe(true);
    const file = readdirSync(reference).find((f) => f.endsWith('.ttl'))!;
    writeFileSync(join(reference, file), `${readFileSync(join(reference, file), 'utf8')}\n# edited\n`);
    expect(await build(inputs, out, { referenceDir: reference })).toMatchObject({ built: 5, unchanged: 0 });
    expect(await build(inputs, out, { referenceDir: reference, full: true })).toMatchObject({ built: 5, unchanged: 0 });
  }, 180_000);

  it('puts nothing in place when one document fails, reports it by file and line, and leaves no temporary file', async () => {
    const inputs = sources();
    const out = tmp();
    await build(inputs, out);
    const before = outputs(out);
    const record = readFileSync(join(out, MANIFEST_FILE));
    const empty = join(tmp(), 'empty.md');
    writeFileSync(empty, '');
    // Every source changed, so the build is spread over the workers again.
    for (const file of inputs.slice(0, 4)) writeFileSync(file, readFileSync(file, 'utf8').replace(/\n*$/, '\n\n'));
    await expect(build([...inputs, empty], out)).rejects.toThrow(/empty\.md:1: empty document/);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expectSameBytes(outputs(out), before);
    expect(readFileSync(join(out, MANIFEST_FILE)).equals(record)).toBe(true);
  }, 180_000);

  it('refuses one resolution twice in one language, as the build on the calling thread does', async () => {
    const inputs = sources();
    const copy = join(tmp(), 'again.md');
    copyFileSync(inputs[1], copy);
    const out = tmp();
    const message = `${copy}: A/RES/72/195 in en was already read from ${inputs[1]}`;
    await expect(build([...inputs, copy], out)).rejects.toThrow(message);
    await expect(build([...inputs, copy], out, { jobs: 1 })).rejects.toThrow(message);
    expect(readdirSync(out)).toEqual([]);
  }, 180_000);
});
