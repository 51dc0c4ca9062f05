import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph, buildGraphInParallel, MANIFEST_FILE, type ParallelBuildOptions } from '../../../src/build';
import { DEFAULT_BASE } from '../../../src/vocab';
import { EN_FIXTURE, FR_GA_FIXTURE, ROOT, SEED } from '../../ingest/fixtures';

const tmp = () => mkdtempSync(join(tmpdir(), 'unkg-parallel-build-'));
const REFERENCE = join(ROOT, 'data/reference');
const E_2016_25 = join(ROOT, 'tests/fixtures/ingest/E-RES-2016-25.en.md');

/** The four real documents, copied to a folder of their own so that tests may edit them. */
function sources(): string[] {
  const dir = tmp();
  return [SEED, EN_FIXTURE, FR_GA_FIXTURE, E_2016_25].map((file) => {
    const copy = join(dir, file.split('/').pop()!);
    copyFileSync(file, copy);
    return copy;
  });
}

const parallel = (inputs: string[], outDir: string, options: Partial<ParallelBuildOptions> = {}) =>
  buildGraphInParallel({ inputs, outDir, referenceDir: REFERENCE, base: DEFAULT_BASE, jobs: 2, inlineMaxDocuments: 0, ...options });

/** Every output file (the manifest aside) and its bytes. */
const outputs = (dir: string): Map<string, Buffer> =>
  new Map(readdirSync(dir).filter((f) => f !== MANIFEST_FILE).sort().map((f) => [f, readFileSync(join(dir, f))]));

describe('buildGraphInParallel', () => {
  it('writes byte for byte what the sequential build writes, on two worker threads', async () => {
    const inputs = sources();
    const [sequential, parallelOut] = [tmp(), tmp()];
    buildGraph({ inputs, outDir: sequential, referenceDir: REFERENCE, base: DEFAULT_BASE });
    const result = await parallel(inputs, parallelOut);
    expect(result).toMatchObject({ built: 4, unchanged: 0, jobs: 2 });
    expect([...outputs(parallelOut).keys()]).toEqual([...outputs(sequential).keys()]);
    for (const [file, bytes] of outputs(sequential)) expect(outputs(parallelOut).get(file)!.equals(bytes)).toBe(true);
    expect(result.documents.map((d) => d.symbol)).toEqual(['E/RES/2017/18', 'A/RES/72/195', 'A/RES/71/167', 'E/RES/2016/25']);
  }, 120_000);

  it('builds nothing again when nothing changed, and only the document that changed', async () => {
    const inputs = sources();
    const out = tmp();
    await parallel(inputs, out);
    const before = outputs(out);
    const seedOutput = join(out, 'E-RES-2017-18.nq');
    const writtenAt = statSync(seedOutput).mtimeMs;

    const again = await parallel(inputs, out);
    expect(again).toMatchObject({ built: 0, unchanged: 4 });
    expect(again.documents.map((d) => [d.symbol, d.quads])).toEqual((await parallel(inputs, tmp())).documents.map((d) => [d.symbol, d.quads]));
    expect(statSync(seedOutput).mtimeMs).toBe(writtenAt);

    // A paragraph of the English resolution reworded: its graph alone is built again.
    const english = inputs[1];
    writeFileSync(english, readFileSync(english, 'utf8').replace('Reaffirming', 'Reaffirming once more'));
    const changed = await parallel(inputs, out, { inlineMaxDocuments: undefined });
    expect(changed).toMatchObject({ built: 1, unchanged: 3, jobs: 0 });
    expect(statSync(seedOutput).mtimeMs).toBe(writtenAt);
    const after = outputs(out);
    expect(after.get('A-RES-72-195.nq')!.equals(before.get('A-RES-72-195.nq')!)).toBe(false);
    expect(after.get('A-RES-72-195.nq')!.toString()).toContain('Reaffirming once more');
    const fresh = tmp();
    buildGraph({ inputs, outDir: fresh, referenceDir: REFERENCE, base: DEFAULT_BASE });
    for (const [file, bytes] of outputs(fresh)) expect(after.get(file)!.equals(bytes)).toBe(true);
  }, 120_000);

  it('builds everything again when the reference data changes, and a document whose output went missing', async () => {
    const inputs = sources();
    const out = tmp();
    const reference = tmp();
    cpSync(REFERENCE, reference, { recursive: true });
    await parallel(inputs, out, { referenceDir: reference });
    rmSync(join(out, 'A-RES-71-167.ttl'));
    expect(await parallel(inputs, out, { referenceDir: reference })).toMatchObject({ built: 1, unchanged: 3 });
    expect(existsSync(join(out, 'A-RES-71-167.ttl'))).toBe(true);
    writeFileSync(join(reference, 'organisations.ttl'), `${readFileSync(join(reference, 'organisations.ttl'), 'utf8')}\n# edited\n`);
    expect(await parallel(inputs, out, { referenceDir: reference })).toMatchObject({ built: 4, unchanged: 0 });
  }, 120_000);

  it('puts nothing in place when one document fails, reports it by file and line, and leaves no temporary file', async () => {
    const inputs = sources();
    const out = tmp();
    await parallel(inputs, out);
    const before = outputs(out);
    const empty = join(tmp(), 'empty.md');
    writeFileSync(empty, '');
    writeFileSync(inputs[0], `${readFileSync(inputs[0], 'utf8')}\n`);
    await expect(parallel([...inputs, empty], out)).rejects.toThrow(/empty\.md:1: empty document/);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
    // The seed changed but its graph stays as it was: nothing partial.
    expect(outputs(out)).toEqual(before);
  }, 120_000);

  it('refuses two documents with one symbol, as the sequential build does', async () => {
    const inputs = sources();
    const copy = join(tmp(), 'again.md');
    copyFileSync(inputs[1], copy);
    const out = tmp();
    await expect(parallel([...inputs, copy], out)).rejects.toThrow(`${copy}: A/RES/72/195 was already read from ${inputs[1]}`);
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);
});

describe('unkg build --jobs', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

  it('says how many documents it built and how many were current', () => {
    const out = tmp();
    const inputs = sources();
    const first = cli(['build', ...inputs, '--out', out, '--no-clauses', '--jobs', '2']);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^4 built, 0 unchanged$/m);
    const second = cli(['build', ...inputs, '--out', out, '--no-clauses', '--jobs', '2']);
    expect(second.stderr).toMatch(/^0 built, 4 unchanged$/m);
    expect(second.stdout.split('\n').filter(Boolean)).toHaveLength(4);
  }, 120_000);

  it('refuses a number of workers that is not a whole number from 1', () => {
    const r = cli(['build', SEED, '--out', tmp(), '--no-clauses', '--jobs', '0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--jobs must be a whole number of worker threads, at least 1; got 0');
  });
});
