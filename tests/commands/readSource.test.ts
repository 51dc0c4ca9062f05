import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSource } from '../../src/commands';
import { analyseResolution, parseResolution, type ResolutionAnalysis } from '../../src/ingest';
import { echoCandidates, gazetteer, iris, ROOT, short } from '../ingest/fixtures';

const DIR = join(ROOT, 'tests/fixtures/documents');

async function analyse(file: string): Promise<ResolutionAnalysis> {
  const source = await readSource(file);
  return analyseResolution(parseResolution(source.text, { file }), { iris, gazetteer, echoCandidates });
}

const local = (a: ResolutionAnalysis, iri: string) => iri.slice(a.iri.length + 1);

/** "op/2 cites treaty 2241/39574 via fn 4 at 97" lines: every link with where it stands. */
function linkSet(a: ResolutionAnalysis): string[] {
  const out = new Set<string>();
  for (const p of a.paragraphs) {
    for (const l of p.links)
      out.add(
        `${local(a, p.iri)} ${l.relation} ${short(l.target)} [${l.matchedText}] ${l.viaFootnote ? `via fn ${l.viaFootnote} at ${l.markerOffset}` : `at ${l.start}-${l.end}`}`,
      );
  }
  for (const f of a.footnotes) for (const l of f.links) out.add(`fn/${f.n} ${l.relation} ${short(l.target)} [${l.matchedText}]`);
  return [...out].sort();
}

const paragraphs = (a: ResolutionAnalysis) =>
  a.paragraphs.map((p) => [local(a, p.iri), p.node.text, p.node.markers.map((m) => `${m.n}@${m.offset}`).join(' '), p.acts.map((x) => x.verb.slug).join(' ')]);

describe.each(['en', 'fr'])('the same resolution (%s) as Markdown, Word and PDF', (lang) => {
  const stem = join(DIR, `E-RES-2019-41.${lang}`);
  let md: ResolutionAnalysis;
  let docx: ResolutionAnalysis;
  let pdf: ResolutionAnalysis;
  beforeAll(async () => {
    [md, docx, pdf] = await Promise.all([analyse(`${stem}.md`), analyse(`${stem}.docx`), analyse(`${stem}.pdf`)]);
  });

  it('gives the same links from the Word file as from the text', () => {
    expect(linkSet(md).length).toBeGreaterThan(40);
    expect(linkSet(docx)).toEqual(linkSet(md));
  });

  it('gives the same links from the PDF as from the text', () => {
    expect(linkSet(pdf)).toEqual(linkSet(md));
  });

  it('gives the same paragraphs, footnote markers and clause verbs from all three', () => {
    expect(paragraphs(md)).toHaveLength(18);
    expect(paragraphs(docx)).toEqual(paragraphs(md));
    expect(paragraphs(pdf)).toEqual(paragraphs(md));
    expect(pdf.footnotes.map((f) => [f.n, f.text])).toEqual(md.footnotes.map((f) => [f.n, f.text]));
    expect(docx.footnotes.map((f) => [f.n, f.text])).toEqual(md.footnotes.map((f) => [f.n, f.text]));
  });

  it('reads every header field from the two-column header block of the Word and PDF files', () => {
    expect(md.tree.header).toMatchObject({
      distributionDate: '2020-01-27',
      agendaItem: '19 (c)',
      adoptionDate: '2019-07-23',
      recommendation: { symbol: 'E/2019/30' },
    });
    expect(pdf.tree.header).toEqual(md.tree.header);
    expect(docx.tree.header).toEqual(md.tree.header);
    // The same warnings too (lines count in the text read from each file).
    const unlocated = (a: ResolutionAnalysis) => a.warnings.map((w) => w.replace(/^[^:]+:\d+: /, ''));
    expect(unlocated(md)).toEqual([expect.stringMatching(/^op\/4: "(its Protocols|ses Protocoles)" is not resolved/)]);
    expect(unlocated(pdf)).toEqual(unlocated(md));
    expect(unlocated(docx)).toEqual(unlocated(md));
  });
});

describe('a PDF as the UN prints it', () => {
  it('drops the running head, job number, page number and barcode, and keeps a paragraph that a page break splits whole', async () => {
    const { text } = await readSource(join(DIR, 'E-RES-2019-41.en.pdf'));
    expect(text).not.toMatch(/19-22333|\*1922333\*|\b1\/2\b/);
    expect(text).toContain(
      'Welcoming the Global Compact for Safe, Orderly and Regular Migration, endorsed by the General Assembly in its resolution 73/195 of 19 December 2018,',
    );
    // The footnotes of each page come after the text, whatever page they stood on.
    expect(text.trimEnd().split('\n\n').slice(-4)).toEqual([
      '[^1]: United Nations, Treaty Series, vol. 2225, No. 39574.',
      '[^2]: Ibid., vols. 2237, 2241 and 2326, No. 39574.',
      '[^3]: General Assembly resolution 70/1.',
      '[^4]: United Nations, Treaty Series, vol. 2241, No. 39574.',
    ]);
    expect((await readSource(join(DIR, 'E-RES-2019-41.en.pdf'))).pages).toBe(2);
  });
});

describe('readSource on files that are not what their name says', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unkg-source-'));
  it.each([
    ['a .pdf holding text', 'notes.pdf', 'Le Conseil économique et social,', /notes\.pdf: not a PDF file/],
    ['a truncated PDF', 'cut.pdf', '%PDF-1.7\n1 0 obj\n<<', /cut\.pdf: not a readable PDF/],
    ['a .docx holding text', 'notes.docx', 'The General Assembly,', /notes\.docx: not a Word \.docx file/],
    ['a zip that is not a Word document', 'other.docx', Buffer.from('504b0304140000000000', 'hex'), /other\.docx: not a readable Word document/],
    [
      'a file of another kind',
      'resolution.odt',
      'The General Assembly,',
      /resolution\.odt: not a source document: unkg build reads \.md, \.txt, \.pdf, \.docx files/,
    ],
  ])('refuses %s with the file named', async (_what, name, content, message) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    await expect(readSource(file)).rejects.toThrow(message);
  });

  it('reads the next PDF after one it could not read', async () => {
    const cut = join(dir, 'cut-again.pdf');
    writeFileSync(cut, '%PDF-1.7\n1 0 obj\n<<');
    const [bad, good] = await Promise.allSettled([readSource(cut), readSource(join(DIR, 'E-RES-2019-41.fr.pdf'))]);
    expect(bad.status).toBe('rejected');
    expect(good.status === 'fulfilled' && good.value.text.startsWith('E/RES/2019/41')).toBe(true);
  });
});
