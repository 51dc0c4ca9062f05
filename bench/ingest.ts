/** npm run bench:ingest: parse + map + serialise a synthetic corpus of resolutions (French and
 *  English) on one core and report documents/s and triples/s, with the load average before and
 *  after (a figure taken while it moved more than LOAD_CHANGE_LIMIT is flagged). Writes
 *  bench/results/ingest.json and ingest.md. (`bench:build` measures the build on 1 and 2
 *  worker threads.) Usage: tsx bench/ingest.ts [documents=2000] */
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { readReference } from '../src/build';
import { gazetteerFromQuads, ingestText, toNQuads } from '../src/ingest';
import { createIriScheme, DEFAULT_BASE } from '../src/vocab';
import { LOAD_CHANGE_LIMIT, machine } from './lib/machineLoad';
import { writeResults } from './lib/writeResults';
import { syntheticResolution } from './syntheticCorpus';

const ROOT = join(__dirname, '..');
const documents = Number(process.argv[2] ?? 2000);

function main(): void {
  const iris = createIriScheme(DEFAULT_BASE);
  const gazetteer = gazetteerFromQuads(readReference(join(ROOT, 'data/reference')));
  const corpus = Array.from({ length: documents }, (_, i) => syntheticResolution(i, i % 2 === 0 ? 'fr' : 'en'));
  const chars = corpus.reduce((n, d) => n + d.text.length, 0);
  // Warm-up: JIT and regular-expression compilation are not what is measured.
  for (const d of corpus.slice(0, 50)) toNQuads(ingestText(d.text, d.name, { iris, gazetteer }).quads);

  const bar = new SingleBar({ format: 'ingest [{bar}] {value}/{total} docs | {rate} docs/s | {eta}s left', hideCursor: true }, Presets.shades_classic);
  bar.start(documents, 0, { rate: 0 });
  let triples = 0;
  let bytes = 0;
  let paragraphs = 0;
  let links = 0;
  const perLang = { fr: { docs: 0, ms: 0 }, en: { docs: 0, ms: 0 } };
  const loadBefore = machine().loadAverage[0];
  console.log(`load average before: ${loadBefore}`);
  const started = process.hrtime.bigint();
  corpus.forEach((d, i) => {
    const t0 = process.hrtime.bigint();
    const { analysis, quads } = ingestText(d.text, d.name, { iris, gazetteer });
    const nq = toNQuads(quads);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const lang = analysis.tree.language;
    perLang[lang].docs++;
    perLang[lang].ms += ms;
    triples += nq.length === 0 ? 0 : nq.split('\n').length - 1;
    bytes += nq.length;
    paragraphs += analysis.paragraphs.length;
    links += analysis.paragraphs.reduce((n, p) => n + p.links.length, 0);
    if (i % 25 === 0 || i === documents - 1) {
      const s = Number(process.hrtime.bigint() - started) / 1e9;
      bar.update(i + 1, { rate: ((i + 1) / s).toFixed(0) });
    }
  });
  bar.stop();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const loadAfter = machine().loadAverage[0];
  const loadChanged = Math.abs(loadAfter - loadBefore) > LOAD_CHANGE_LIMIT;
  console.log(`load average after: ${loadAfter}${loadChanged ? ` (moved more than ${LOAD_CHANGE_LIMIT}: the figures below are not comparable)` : ''}`);
  const result = {
    when: new Date().toISOString(),
    node: process.version,
    documents,
    sourceMB: +(chars / 1e6).toFixed(2),
    paragraphs,
    links,
    triples,
    nquadsMB: +(bytes / 1e6).toFixed(2),
    seconds: +seconds.toFixed(2),
    documentsPerSecond: +(documents / seconds).toFixed(1),
    triplesPerSecond: Math.round(triples / seconds),
    msPerDocument: { fr: +(perLang.fr.ms / perLang.fr.docs).toFixed(2), en: +(perLang.en.ms / perLang.en.docs).toFixed(2) },
    loadBefore,
    loadAfter,
    loadChanged,
  };
  console.table(result);
  const { msPerDocument, ...flat } = result;
  writeResults('ingest', { ...result, machine: machine() }, {
    title: 'Ingest on one core: parse, map and serialise',
    method: `${documents} synthetic resolutions (bench/syntheticCorpus.ts), French and English in turn, ingested one after the other on one thread after a warm-up of 50. Machine: ${machine().cores} cores, node ${process.version}.`,
    tables: [{ caption: 'Figures', rows: [{ ...flat, 'ms/document fr': msPerDocument.fr, 'ms/document en': msPerDocument.en }] }],
  });
}

main();
