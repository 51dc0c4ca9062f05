import { join } from 'node:path';
import type { AnalysedParagraph, ResolutionAnalysis } from '../../src/ingest';
import { EN_FIXTURE, FR_GA_FIXTURE, ingestFile, ROOT, SEED, short } from './fixtures';

const local = (a: ResolutionAnalysis, p: AnalysedParagraph) => p.iri.slice(a.iri.length + 1);

/** "pp/5 cites A/RES/64/293" lines, one per distinct (paragraph, target). */
function citations(a: ResolutionAnalysis): string[] {
  const out = new Set<string>();
  for (const p of a.paragraphs) for (const l of p.links) if (l.relation === 'cites') out.add(`${local(a, p)} cites ${short(l.target)}`);
  return [...out].sort();
}

function mentioners(a: ResolutionAnalysis, target: string): string[] {
  return a.paragraphs.filter((p) => p.links.some((l) => l.relation === 'mentions' && short(l.target) === target)).map((p) => local(a, p));
}

function verbs(a: ResolutionAnalysis, para: string): string[] {
  return a.paragraphs.find((p) => local(a, p) === para)!.acts.map((x) => x.verb.slug);
}

describe('analyseResolution on the seed', () => {
  const { analysis: a } = ingestFile(SEED);

  it('finds exactly the citations the text makes, paragraph by paragraph', () => {
    expect(citations(a)).toEqual(
      [
        'pp/5 cites A/RES/64/293',
        'op/2 cites A/RES/64/293',
        'op/13 cites A/RES/64/293',
        'pp/13 cites A/RES/68/192',
        'pp/15 cites A/RES/68/192',
        'pp/14 cites A/RES/70/179',
        'op/11 cites A/RES/71/287',
        'pp/16 cites A/RES/70/1',
        'op/7 cites A/RES/70/1',
        'pp/10 cites A/71/119',
        'pp/6/a cites treaty 2225/39574',
        'pp/6/a cites treaty 2237/39574',
        'op/1 cites treaty 2225/39574',
        'op/1 cites treaty 2237/39574',
        'op/6 cites treaty 2225/39574',
        'op/6 cites treaty 2237/39574',
        'pp/16 cites sdg 5.2',
        'pp/16 cites sdg 8.7',
        'pp/16 cites sdg 16.2',
      ].sort(),
    );
  });

  it('cites through footnotes, including an "Ibid." that continues the Treaty Series reference', () => {
    const op2 = a.paragraphs.find((p) => local(a, p) === 'op/2')!;
    expect(op2.links.filter((l) => l.relation === 'cites').map((l) => [short(l.target), l.viaFootnote, l.matchedText])).toEqual([
      ['A/RES/64/293', 5, 'Résolution 64/293'],
    ]);
    const pp6a = a.paragraphs.find((p) => local(a, p) === 'pp/6/a')!;
    const viaFootnote = pp6a.links.filter((l) => l.viaFootnote !== undefined).map((l) => [l.viaFootnote, short(l.target), l.extractor]);
    expect(viaFootnote).toEqual([
      [1, 'treaty 2225/39574', 'treaty-series'],
      [2, 'treaty 2237/39574', 'treaty-series-ibid'],
    ]);
  });

  it('keeps the evidence of every link: matched text and offsets into the paragraph', () => {
    for (const p of a.paragraphs) {
      for (const l of p.links.filter((x) => x.viaFootnote === undefined)) {
        expect(p.node.text.slice(l.start, l.end)).toBe(l.matchedText);
      }
    }
    const pp5 = a.paragraphs.find((p) => local(a, p) === 'pp/5')!;
    const res = pp5.links.find((l) => short(l.target) === 'A/RES/64/293')!;
    expect(res.matchedText).toBe('résolution 64/293 du 30 juillet 2010');
    expect(res.facts).toMatchObject({ symbol: 'A/RES/64/293', organ: 'unga', date: '2010-07-30' });
  });

  it('reads a treaty named inside an organisation name as a mention of that organisation', () => {
    for (const para of ['op/2', 'op/3']) {
      const p = a.paragraphs.find((x) => local(a, x) === para)!;
      expect(p.links.filter((l) => l.kind === 'treaty')).toEqual([]);
    }
    expect(mentioners(a, 'org untoc-cop')).toEqual(['op/2', 'op/3']);
  });

  it('finds the organisations, events, publications and plans each paragraph names', () => {
    expect(mentioners(a, 'org unodc')).toEqual(['pp/7', 'op/5', 'op/6', 'op/7', 'op/10']);
    expect(mentioners(a, 'org icat')).toEqual(['pp/7', 'pp/8', 'pp/9', 'pp/10', 'op/7', 'op/8', 'op/9']);
    expect(mentioners(a, 'org un-vtf-tip')).toEqual(['pp/11', 'op/10']);
    expect(mentioners(a, 'event world-day-against-tip')).toEqual(['pp/15', 'op/4']);
    expect(mentioners(a, 'pub unodc-glotip-2016')).toEqual(['op/5']);
    expect(mentioners(a, 'event ga-hlm-gpa-2013')).toEqual(['pp/12']);
    expect(mentioners(a, 'event ga-hlm-gpa-2017')).toEqual(['pp/14', 'op/11']);
    expect(mentioners(a, 'plan global-plan-of-action-tip').length).toBeGreaterThanOrEqual(19);
    expect(mentioners(a, 'plan global-plan-of-action-tip')).toEqual(expect.arrayContaining(['pp/5', 'pp/6', 'pp/7', 'op/2', 'op/13']));
  });

  it('resolves "l\'Office" to UNODC only after its full name in the same paragraph', () => {
    const op5 = a.paragraphs.find((p) => local(a, p) === 'op/5')!;
    const unodc = op5.links.filter((l) => short(l.target) === 'org unodc');
    expect(unodc.map((l) => l.extractor)).toEqual(['entity-name', 'entity-anaphor', 'entity-anaphor']);
  });

  it('recognises every clause verb, several per paragraph', () => {
    expect(verbs(a, 'op/1')).toEqual(['urges', 'urges']);
    expect(verbs(a, 'op/2')).toEqual(['urges', 'invites']);
    expect(verbs(a, 'op/5')).toEqual(['takes-note-with-appreciation', 'looks-forward-to', 'requests']);
    expect(verbs(a, 'op/6')).toEqual(['requests']);
    expect(verbs(a, 'op/8')).toEqual(['encourages']);
    expect(verbs(a, 'op/11')).toEqual(['welcomes']);
    expect(verbs(a, 'op/13')).toEqual(['recalls']);
    expect(verbs(a, 'pp/1')).toEqual(['condemning']);
    expect(verbs(a, 'pp/5')).toEqual(['aware', 'stressing']);
    expect(verbs(a, 'pp/11')).toEqual(['recognizing', 'welcoming']);
    expect(verbs(a, 'pp/15')).toEqual(['taking-note', 'welcoming']);
    expect(verbs(a, 'pp/16')).toEqual(['welcoming', 'recalling']);
    for (const p of a.paragraphs.filter((x) => x.node.kind !== 'subparagraph')) expect(p.acts.length).toBeGreaterThan(0);
    expect(a.warnings).toEqual([]);
  });

  it('names who each operative verb addresses', () => {
    const addressees = (para: string) => a.paragraphs.find((p) => local(a, p) === para)!.acts.map((x) => x.addressee && short(x.addressee));
    expect(addressees('op/1')).toEqual(['org member-states', undefined]);
    expect(addressees('op/2')).toEqual(['org member-states', 'org untoc-cop']);
    expect(addressees('op/6')).toEqual(['org unodc']);
    expect(addressees('op/5')).toEqual([undefined, undefined, 'org unodc']);
  });

  it('links the resolution to the document and body that recommended it', () => {
    expect(a.basedOn?.symbol).toBe('E/2017/30');
    expect(a.recommendedBy && short(a.recommendedBy)).toBe('org ccpcj');
  });
});

describe('analyseResolution on an English resolution', () => {
  const { analysis: a } = ingestFile(EN_FIXTURE);

  it('finds the citations with the same quality as in French', () => {
    expect(citations(a)).toEqual(
      [
        'pp/1 cites A/RES/64/293',
        'pp/1 cites A/RES/68/192',
        'pp/1 cites A/RES/70/179',
        'pp/1 cites E/RES/2017/18',
        'pp/2 cites treaty 2225/39574',
        'pp/2 cites treaty 2237/39574',
        'pp/3 cites S/RES/2331_(2016)',
        'pp/4/a cites sdg 5.2',
        'pp/4/a cites sdg 8.7',
        'pp/4/a cites sdg 16.2',
        'pp/4/a cites A/RES/70/1',
        'pp/5 cites A/RES/72/1',
        'pp/6 cites A/72/164',
        'op/1 cites treaty 2237/39574',
        'op/6 cites A/RES/70/1',
      ].sort(),
    );
  });

  it('reads list items with their own dates', () => {
    const pp1 = a.paragraphs.find((p) => local(a, p) === 'pp/1')!;
    expect(pp1.links.filter((l) => l.kind === 'resolution').map((l) => [l.facts?.symbol, l.facts?.date])).toEqual([
      ['A/RES/64/293', '2010-07-30'],
      ['A/RES/68/192', '2013-12-18'],
      ['A/RES/70/179', '2015-12-17'],
      ['E/RES/2017/18', '2017-07-06'],
    ]);
  });

  it('finds English entity names, meetings by date and verbs with modifiers', () => {
    expect(mentioners(a, 'org unodc')).toEqual(['pp/4/b', 'op/2']);
    expect(mentioners(a, 'org icat')).toEqual(['op/2']);
    expect(mentioners(a, 'event ga-hlm-gpa-2017')).toEqual(['pp/5']);
    expect(mentioners(a, 'event world-day-against-tip')).toEqual(['op/4']);
    expect(mentioners(a, 'org un-vtf-tip')).toEqual(['op/5']);
    expect(verbs(a, 'pp/3')).toEqual(['recalling']);
    expect(verbs(a, 'pp/4')).toEqual(['concerned', 'stressing']);
    expect(verbs(a, 'op/1')).toEqual(['urges', 'calls-upon']);
    expect(verbs(a, 'op/2')).toEqual(['requests', 'invites']);
    expect(verbs(a, 'op/3')).toEqual(['requests']);
    expect(verbs(a, 'op/5')).toEqual(['invites', 'welcomes']);
    expect(a.paragraphs.find((p) => local(a, p) === 'op/2')!.acts.map((x) => x.addressee && short(x.addressee))).toEqual(['org unodc', 'org icat']);
  });
});

describe('analyseResolution on a French General Assembly resolution', () => {
  const { analysis: a } = ingestFile(FR_GA_FIXTURE);

  it('reads feminine forms agreeing with "l\'Assemblée" and an ECOSOC resolution named by its organ', () => {
    expect(verbs(a, 'pp/2')).toEqual(['aware', 'recalling']);
    expect(verbs(a, 'pp/3')).toEqual(['concerned', 'taking-note']);
    expect(citations(a)).toEqual(
      [
        'pp/1 cites A/RES/61/144',
        'pp/1 cites A/RES/69/149',
        'pp/1 cites E/RES/2016/25',
        'pp/2 cites treaty 2237/39574',
        'pp/3 cites A/71/223',
        'op/1 cites A/71/223',
        'op/2 cites sdg 5.2',
      ].sort(),
    );
  });
});

describe('text similarity to SDG targets', () => {
  const { analysis: a, quads } = ingestFile(SEED);

  it('finds the targets whose official wording a paragraph repeats or paraphrases, with a score', () => {
    const echoes = a.paragraphs.filter((p) => p.echoes.length > 0).map((p) => [local(a, p), p.echoes.map((e) => [short(e.target), e.score])]);
    expect(echoes).toEqual([
      ['pp/17', [['sdg 8.7', expect.any(Number)]]],
      [
        'pp/18',
        [
          ['sdg 16.2', 1],
          ['sdg 5.2', 1],
        ],
      ],
    ]);
    const pp17 = a.paragraphs.find((p) => local(a, p) === 'pp/17')!;
    expect(pp17.echoes[0].score).toBeGreaterThan(0.25);
    expect(pp17.echoes[0].score).toBeLessThan(1);
    expect(pp17.echoes[0].matchedText).toContain('travail forcé');
  });

  it('states them with their own property and evidence, never as eli:cites', () => {
    const pp18 = `${a.iri}/pp/18`;
    const about = (s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
    expect(about(pp18, 'https://w3id.org/unkg/ontology#echoesTarget').sort()).toEqual(['http://metadata.un.org/sdg/16.2', 'http://metadata.un.org/sdg/5.2']);
    expect(about(pp18, 'http://data.europa.eu/eli/ontology#cites')).toEqual([]);
    const links = quads.filter((q) => q.object.value === 'https://w3id.org/unkg/ontology#SimilarityLink').map((q) => q.subject.value);
    expect(links).toHaveLength(3);
    for (const l of links) expect(about(l, 'https://w3id.org/unkg/ontology#score')).toHaveLength(1);
  });
});

describe('analyseResolution on a hard-wrapped Markdown conversion', () => {
  const { analysis: a } = ingestFile(join(ROOT, 'tests/fixtures/ingest/E-RES-2016-25.en.md'));

  it('reads headings, bold numbers, <sup> footnotes and lines wrapped inside paragraphs', () => {
    expect(a.tree).toMatchObject({ symbol: 'E/RES/2016/25', organ: 'ecosoc', number: '2016/25', language: 'en' });
    expect(a.tree.title).toBe(
      'Promoting and encouraging the implementation of alternatives to imprisonment as part of comprehensive crime prevention and criminal justice policies',
    );
    expect(a.tree.header).toMatchObject({ adoptionDate: '2016-07-27', distributionDate: '2016-09-01', agendaItem: '18 (c)', session: '2016 session' });
    expect(a.tree.preambular).toHaveLength(2);
    expect(a.tree.operative).toHaveLength(2);
    expect(a.recommendedBy && short(a.recommendedBy)).toBe('org ccpcj');
    expect(a.basedOn?.symbol).toBe('E/2016/30');
    expect(citations(a)).toEqual(['pp/1 cites A/RES/65/229', 'pp/2 cites A/RES/70/1', 'pp/2 cites sdg 16.3'].sort());
    expect(verbs(a, 'pp/2')).toEqual(['mindful']);
    expect(verbs(a, 'op/1')).toEqual(['encourages', 'invites']);
    expect(a.paragraphs.find((p) => local(a, p) === 'op/1')!.acts.map((x) => x.addressee && short(x.addressee))).toEqual(['org member-states', 'org unodc']);
    expect(mentioners(a, 'org secretary-general')).toEqual(['op/2']);
    expect(mentioners(a, 'plan 2030-agenda')).toEqual(['pp/2']);
    expect(a.tree.closing).toMatchObject({ meeting: 43, date: '2016-07-27' });
  });
});
