/** npm run bench:ingest: parse + map + serialise a synthetic corpus of resolutions (French and
 *  English) and report documents/s, paragraphs/s and triples/s; then the PDF path on the
 *  LibreOffice-made fixtures (pdf.js in a worker, page layout, parse, map), per stage.
 *  Usage: tsx bench/ingest.ts [documents=2000] [pdf rounds=10] */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { readReference } from '../src/commands';
import { pdfPages } from '../src/commands/pdfPages';
import { gazetteerFromQuads, ingestText, pdfLayoutText, toNQuads } from '../src/ingest';
import { createIriScheme, DEFAULT_BASE } from '../src/vocab';
import { syntheticResolution } from './syntheticCorpus';

const ROOT = join(__dirname, '..');
const documents = Number(process.argv[2] ?? 2000);
const pdfRounds = Number(process.argv[3] ?? 10);
const PDF_DIR = join(ROOT, 'tests/fixtures/documents');

/** The PDF path, stage by stage, on every fixture PDF read `rounds` times in turn. */
async function pdfBench(rounds: number, ctx: Parameters<typeof ingestText>[2]) {
  const files = readdirSync(PDF_DIR)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(PDF_DIR, f));
  const ms = { extract: 0, layout: 0, ingest: 0 };
  let pages = 0;
  let paragraphs = 0;
  let pdfs = 0;
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const file of files) {
      const bytes = readFileSync(file);
      const t0 = process.hrtime.bigint();
      const positioned = await pdfPages(bytes, file);
      const t1 = process.hrtime.bigint();
      const text = pdfLayoutText(positioned);
      const t2 = process.hrtime.bigint();
      const { analysis, quads } = ingestText(text, file, ctx);
      toNQuads(quads);
      const t3 = process.hrtime.bigint();
      ms.extract += Number(t1 - t0) / 1e6;
      ms.layout += Number(t2 - t1) / 1e6;
      ms.ingest += Number(t3 - t2) / 1e6;
      pages += positioned.length;
      paragraphs += analysis.paragraphs.length;
      pdfs++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    files: files.map((f) => f.slice(ROOT.length + 1)),
    pdfs,
    pages,
    paragraphs,
    seconds: +seconds.toFixed(2),
    pagesPerSecond: +(pages / seconds).toFixed(1),
    paragraphsPerSecond: Math.round(paragraphs / seconds),
    msPerPdf: { extract: +(ms.extract / pdfs).toFixed(1), layout: +(ms.layout / pdfs).toFixed(2), ingest: +(ms.ingest / pdfs).toFixed(2) },
  };
}

async function main(): Promise<void> {
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
  const result = {
    when: new Date().toISOString(),
    node: process.version,
    /** What else the machine was doing: figures are comparable only at a similar load. */
    loadAverage: +loadavg()[0].toFixed(1),
    cores: cpus().length,
    documents,
    sourceMB: +(chars / 1e6).toFixed(2),
    paragraphs,
    links,
    triples,
    nquadsMB: +(bytes / 1e6).toFixed(2),
    seconds: +seconds.toFixed(2),
    documentsPerSecond: +(documents / seconds).toFixed(1),
    paragraphsPerSecond: Math.round(paragraphs / seconds),
    triplesPerSecond: Math.round(triples / seconds),
    msPerDocument: { fr: +(perLang.fr.ms / perLang.fr.docs).toFixed(2), en: +(perLang.en.ms / perLang.en.docs).toFixed(2) },
  };
  console.table(result);
  const pdf = await pdfBench(pdfRounds, { iris, gazetteer });
  console.log('PDF path (pdf.js in a worker, layout, parse and map), per PDF:');
  console.table({ ...pdf, files: pdf.files.join(' '), msPerPdf: JSON.stringify(pdf.msPerPdf) });
  writeFileSync(join(__dirname, 'results/ingest.json'), JSON.stringify({ ...result, pdf }, null, 2) + '\n');
}

void main();
