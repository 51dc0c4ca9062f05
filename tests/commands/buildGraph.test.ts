import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph } from '../../src/commands';
import { DEFAULT_BASE } from '../../src/vocab';
import { EN_FIXTURE, ROOT, SEED, SEED_REFERENCE } from '../ingest/fixtures';
import { unkg } from '../unkgCommand';

const tmp = () => mkdtempSync(join(tmpdir(), 'unkg-build-'));
const build = (inputs: string[], outDir: string) => buildGraph({ inputs, outDir, referenceDir: SEED_REFERENCE, base: DEFAULT_BASE });

describe('unkg build', () => {
  it("writes one N-Quads and one Turtle file per document, in the document's named graph", async () => {
    const out = tmp();
    const result = await build([SEED, EN_FIXTURE], out);
    expect(readdirSync(out).sort()).toEqual(['A-RES-72-195.nq', 'A-RES-72-195.ttl', 'E-RES-2017-18.nq', 'E-RES-2017-18.ttl']);
    const nq = readFileSync(join(out, 'E-RES-2017-18.nq'), 'utf8').trim().split('\n');
    expect(nq.every((l) => l.endsWith(`<${DEFAULT_BASE}eli/un/E/RES/2017/18> .`))).toBe(true);
    expect(result.documents.map((d) => [d.symbol, d.quads])).toEqual([
      ['E/RES/2017/18', nq.length],
      ['A/RES/72/195', readFileSync(join(out, 'A-RES-72-195.nq'), 'utf8').trim().split('\n').length],
    ]);
  });

  it('is deterministic: building twice gives identical bytes', async () => {
    const a = tmp();
    const b = tmp();
    await build([SEED, EN_FIXTURE], a);
    await build([EN_FIXTURE, SEED], b);
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f))).toEqual(readFileSync(join(a, f)));
  });
});

describe('unkg build on bad input', () => {
  const cases: Array<[string, Buffer | string, RegExp]> = [
    ['an empty file', '', /empty\.md:1: empty document/],
    [
      'a text with no operative paragraphs',
      '2017/99. Titre\n\nLe Conseil économique et social,\n\nRappelant sa résolution 2016/1,\n\nConsidérant que tout va bien,\n',
      /noop\.md:3: no operative paragraphs/,
    ],
    [
      'a footnote marker with no footnote',
      '2017/99. Titre\n\nLe Conseil économique et social,\n\nRappelant sa résolution 2016/1³,\n\n1. *Décide* de rester saisi de la question.\n',
      /marker\.md:5: footnote marker 3 has no footnote text/,
    ],
    ['an unreadable encoding (Latin-1)', Buffer.from('2017/99. Titre\n\nLe Conseil \xe9conomique et social,\n', 'latin1'), /latin1\.md:3: unreadable encoding/],
    [
      'an unreadable encoding (UTF-16)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('2017/99. Titre\n', 'utf16le')]),
      /utf16\.md:1: unreadable encoding.*UTF-16/,
    ],
  ];
  const names = ['empty.md', 'noop.md', 'marker.md', 'latin1.md', 'utf16.md'];

  it.each(cases.map((c, i) => [c[0], names[i], c[1], c[2]] as const))(
    'rejects %s with the file and line, a non-zero exit and no output',
    (_what, name, content, message) => {
      const dir = tmp();
      const out = join(dir, 'graph');
      const bad = join(dir, name);
      writeFileSync(bad, content);
      const good = join(dir, 'seed.md');
      copyFileSync(SEED, good);
      const r = unkg(['build', good, bad, '--out', out, '--no-clauses']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      // The good document before it is not written either: nothing partial.
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    },
  );
});

describe('unkg validate', () => {
  it('passes on the built graph of the seed and of an English resolution', async () => {
    const out = tmp();
    await build([SEED, EN_FIXTURE], out);
    const r = unkg(['validate', '--graph', out, '--reference', SEED_REFERENCE]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^2 graph file\(s\), \d+ quads \(as `unkg stats` counts them\), checked together with the clause-verb scheme \(\d+ quads\) and the reference data \(\d+ quads\) against ontology\/shapes.ttl: conforms/,
    );
    expect(r.code).toBe(0);
  });

  it('fails on a deliberately broken graph with a readable report naming the node', async () => {
    const out = tmp();
    await build([SEED], out);
    const file = join(out, 'E-RES-2017-18.nq');
    const broken = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith(`<${DEFAULT_BASE}eli/un/E/RES/2017/18/op/3> <http://schema.org/text>`))
      .join('\n');
    writeFileSync(file, broken);
    const r = unkg(['validate', '--graph', out, '--reference', SEED_REFERENCE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 violation/);
    expect(r.stdout).toContain(`${DEFAULT_BASE}eli/un/E/RES/2017/18/op/3`);
    expect(r.stdout).toMatch(/schema:text|text/);
  });
});

describe('unkg build --sdg', () => {
  const SDG_KOS = join(ROOT, '../shared/reference/sdg-kos-goals-targets-indicators.ttl');

  it('compares paragraphs with all 169 targets and writes the vocabulary as its own graph', async () => {
    const out = tmp();
    await buildGraph({ inputs: [SEED], outDir: out, referenceDir: SEED_REFERENCE, base: DEFAULT_BASE, sdgFile: SDG_KOS });
    const kos = readFileSync(join(out, 'sdg-kos.nq'), 'utf8').trim().split('\n');
    expect(kos.every((l) => l.endsWith('<http://metadata.un.org/sdg> .'))).toBe(true);
    expect(kos.filter((l) => l.includes('<http://metadata.un.org/sdg/ontology#Target>'))).toHaveLength(169);
    expect(kos.some((l) => / "[^"]* "@en/.test(l))).toBe(false);
    const echoes = readFileSync(join(out, 'E-RES-2017-18.nq'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('#echoesTarget>'));
    expect(
      echoes
        .map((l) =>
          l
            .split(' ')
            .slice(0, 3)
            .join(' ')
            .replace(/<https:\/\/w3id.org\/unkg\/eli\/un\/E\/RES\/2017\/18\/|[<>]/g, ''),
        )
        .sort(),
    ).toEqual([
      'pp/17 https://w3id.org/unkg/ontology#echoesTarget http://metadata.un.org/sdg/8.7',
      'pp/18 https://w3id.org/unkg/ontology#echoesTarget http://metadata.un.org/sdg/16.2',
      'pp/18 https://w3id.org/unkg/ontology#echoesTarget http://metadata.un.org/sdg/5.2',
    ]);
  });
});
