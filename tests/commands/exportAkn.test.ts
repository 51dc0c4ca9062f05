import { SEED_REFERENCE } from '../seedData';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { resolutionToAkn } from '../../src/akn';
import { buildGraph, readReference } from '../../src/commands';
import { DEFAULT_BASE } from '../../src/vocab';
import { elements, paragraphsOf, parseXml, xmllintErrors } from '../akn/aknXml';
import { EN_FIXTURE, ROOT, SEED } from '../ingest/fixtures';

const tmp = () => mkdtempSync(join(tmpdir(), 'unkg-export-'));

/** Runs the real command line, as a user would. */
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('unkg export --akn', () => {
  const graphDir = tmp();
  beforeAll(() => buildGraph({ inputs: [SEED, EN_FIXTURE], outDir: graphDir, referenceDir: SEED_REFERENCE, base: DEFAULT_BASE }));

  it('writes each resolution of the graph as Akoma Ntoso, one file per language', () => {
    const out = join(tmp(), 'akn');
    const result = cli(['export', '--akn', out, '--graph', graphDir]);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['A-RES-72-195.eng.xml', 'E-RES-2017-18.fra.xml']);
    expect(result.stdout).toContain(`E/RES/2017/18  <${DEFAULT_BASE}eli/un/E/RES/2017/18>  ${join(out, 'E-RES-2017-18.fra.xml')}`);
    const seed = readFileSync(join(out, 'E-RES-2017-18.fra.xml'), 'utf8');
    expect(xmllintErrors(seed)).toBe('');
    const doc = parseXml(seed);
    expect([paragraphsOf(doc).preambular.length, paragraphsOf(doc).operative.length, elements(doc, 'authorialNote').length]).toEqual([19, 13, 5]);
  });

  it('writes the same document the service serves from the same graph', () => {
    const out = join(tmp(), 'akn');
    expect(cli(['export', '--akn', out, '--graph', graphDir]).code).toBe(0);
    const quads = [...new Parser({ format: 'N-Quads' }).parse(readFileSync(join(graphDir, 'A-RES-72-195.nq'), 'utf8')), ...readReference(SEED_REFERENCE)];
    expect(readFileSync(join(out, 'A-RES-72-195.eng.xml'), 'utf8')).toBe(resolutionToAkn(quads, `${DEFAULT_BASE}eli/un/A/RES/72/195`).xml);
  });

  it.each([
    ['without --akn', ['export', '--graph', '{graph}'], /export needs --akn DIR/],
    ['from a graph folder that does not exist', ['export', '--akn', '{out}', '--graph', '/nonexistent/graph'], /\/nonexistent\/graph does not exist/],
    ['from a graph with no resolution text', ['export', '--akn', '{out}', '--graph', join(ROOT, 'tests/fixtures/viz')], /holds no resolution text to export/],
  ])('fails %s with a message, a non-zero exit and no output', (_what, args, message) => {
    const out = join(tmp(), 'akn');
    const result = cli(args.map((a) => a.replace('{out}', out).replace('{graph}', graphDir)));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
