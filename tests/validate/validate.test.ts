import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DataFactory, Parser, Store, type Quad } from 'n3';
import { Store as OxigraphStore } from 'oxigraph';
import { formatReport, loadShapes, validateGraph, type ValidationReport } from '../../src/validate';
import { NS } from '../../src/vocab';
import { SEED_REFERENCE } from '../seedData';

const { namedNode, literal, quad } = DataFactory;

const REFERENCE_DIR = SEED_REFERENCE;
const DOC = 'https://w3id.org/unkg/eli/un/E/RES/2017/18';

const parseTurtle = (file: string): Quad[] => new Parser().parse(readFileSync(file, 'utf8'));
const referenceData = (): Quad[] =>
  readdirSync(REFERENCE_DIR)
    .filter((f) => f.endsWith('.ttl'))
    .flatMap((f) => parseTurtle(path.join(REFERENCE_DIR, f)));
const resolution = (): Quad[] => parseTurtle(path.join(__dirname, 'fixtures', 'resolution.ttl'));

const shape = (local: string) => `https://w3id.org/unkg/shapes#${local}`;
const xsdInteger = namedNode(`${NS.xsd}integer`);

/** The fixture without the triples matching (subject, predicate[, object]). */
function without(quads: Quad[], subject: string, predicate: string, object?: string): Quad[] {
  const kept = quads.filter((q) => !(q.subject.value === subject && q.predicate.value === predicate && (object === undefined || q.object.value === object)));
  if (kept.length === quads.length) throw new Error(`fixture has no ${subject} ${predicate} ${object ?? ''}`);
  return kept;
}

/** The fixture with the single value of (subject, predicate) replaced. */
function replacing(quads: Quad[], subject: string, predicate: string, object: Quad['object']): Quad[] {
  return [...without(quads, subject, predicate), quad(namedNode(subject), namedNode(predicate), object)];
}

const outcome = (report: ValidationReport) => report.results.map((r) => ({ focusNode: r.focusNode.value, path: r.path, sourceShape: r.sourceShape.value }));

let shapes: Store;
beforeAll(async () => {
  shapes = await loadShapes();
});

describe('validateGraph', () => {
  it('finds a well-formed resolution, with the reference data, conforming', async () => {
    const report = await validateGraph([...resolution(), ...referenceData()], shapes);
    expect(formatReport(report)).toBe('The data conforms to the shapes.');
    expect(report).toEqual({ conforms: true, results: [] });
  });

  it('finds the curated reference data on its own conforming', async () => {
    const report = await validateGraph(referenceData(), shapes);
    expect(report.results.map((r) => r.message)).toEqual([]);
  });

  it('validates the union of named graphs as one data graph', async () => {
    const store = new Store();
    for (const q of resolution()) store.addQuad(q.subject, q.predicate, q.object, namedNode(`${DOC}/graph`));
    for (const q of referenceData()) store.addQuad(q.subject, q.predicate, q.object, namedNode('https://w3id.org/unkg/graph/reference'));
    expect((await validateGraph(store, shapes)).conforms).toBe(true);
  });

  it('loads ontology/shapes.ttl when no shapes are given', async () => {
    const broken = without(resolution(), DOC, `${NS.eli}id_local`);
    expect(outcome(await validateGraph(broken))).toEqual(outcome(await validateGraph(broken, shapes)));
  });

  const brokenVariants: Array<{
    name: string;
    data: () => Quad[];
    expected: Array<{ focusNode: string; path?: string; sourceShape: string }>;
    message: RegExp;
  }> = [
    {
      name: 'a resolution without eli:id_local',
      data: () => without(resolution(), DOC, `${NS.eli}id_local`),
      expected: [{ focusNode: DOC, path: 'eli:id_local', sourceShape: shape('Resolution-id_local') }],
      message: /needs an eli:id_local, its UN document symbol/,
    },
    {
      name: 'a resolution with its adoption date as a plain string',
      data: () => replacing(resolution(), DOC, `${NS.eli}date_document`, literal('2017-07-06')),
      expected: [{ focusNode: DOC, path: 'eli:date_document', sourceShape: shape('LegalResource-date_document') }],
      message: /adoption or issue date as an xsd:date/,
    },
    {
      name: 'a resolution text without any operative paragraph',
      data: () => without(without(resolution(), `${DOC}/op/1`, `${NS.rdf}type`, `${NS.unkg}OperativeParagraph`), `${DOC}/op/1/a`, `${NS.rdf}type`),
      expected: [{ focusNode: DOC, path: '(eli:has_part | ^eli:is_part_of)', sourceShape: shape('ResolutionText-operative') }],
      message: /at least one unkg:OperativeParagraph/,
    },
    {
      name: 'a paragraph without text',
      data: () => without(resolution(), `${DOC}/op/1`, `${NS.schema}text`),
      expected: [{ focusNode: `${DOC}/op/1`, path: 'schema:text', sourceShape: shape('Paragraph-text') }],
      message: /needs its schema:text/,
    },
    {
      name: 'a paragraph text without a language tag',
      data: () => replacing(resolution(), `${DOC}/pp/1`, `${NS.schema}text`, literal('Rappelant sa résolution 64/293,')),
      expected: [{ focusNode: `${DOC}/pp/1`, path: 'schema:text', sourceShape: shape('Paragraph-text') }],
      message: /language-tagged/,
    },
    {
      name: 'a paragraph at position 0',
      data: () => replacing(resolution(), `${DOC}/pp/1`, `${NS.unkg}position`, literal('0', xsdInteger)),
      expected: [{ focusNode: `${DOC}/pp/1`, path: 'unkg:position', sourceShape: shape('Paragraph-position') }],
      message: /at least 1/,
    },
    {
      name: 'a sub-paragraph that is part of the document instead of a paragraph',
      data: () => replacing(resolution(), `${DOC}/op/1/a`, `${NS.eli}is_part_of`, namedNode(DOC)),
      expected: [{ focusNode: `${DOC}/op/1/a`, path: 'eli:is_part_of', sourceShape: shape('SubParagraph-is_part_of') }],
      message: /part of \(eli:is_part_of\) a paragraph/,
    },
    {
      name: 'a footnote without text',
      data: () => without(resolution(), `${DOC}/fn/1`, `${NS.schema}text`),
      expected: [{ focusNode: `${DOC}/fn/1`, path: 'schema:text', sourceShape: shape('Footnote-text') }],
      message: /footnote needs its schema:text/,
    },
    {
      name: 'a clause act without a verb',
      data: () => without(resolution(), `${DOC}/op/1/act/1`, `${NS.unkg}verb`),
      expected: [{ focusNode: `${DOC}/op/1/act/1`, path: 'unkg:verb', sourceShape: shape('ClauseAct-verb') }],
      message: /exactly one unkg:verb/,
    },
    {
      name: 'a clause act whose verb is not in the clause-verb scheme',
      data: () => without(resolution(), `${NS.clause}urges`, `${NS.skos}inScheme`),
      expected: [
        { focusNode: `${DOC}/op/1`, path: 'unkg:clauseVerb', sourceShape: shape('Paragraph-clauseVerb') },
        { focusNode: `${DOC}/op/1/act/1`, path: 'unkg:verb', sourceShape: shape('ClauseAct-verb') },
      ],
      message: /clause-verb scheme/,
    },
    {
      name: 'a clause act that no paragraph performs',
      data: () => without(resolution(), `${DOC}/pp/1`, `${NS.unkg}clauseAct`),
      expected: [{ focusNode: `${DOC}/pp/1/act/1`, path: '^unkg:clauseAct', sourceShape: shape('ClauseAct-paragraph') }],
      message: /belongs to exactly one paragraph/,
    },
    {
      name: 'a citation whose eli:cites triple is missing',
      data: () => without(resolution(), `${DOC}/pp/1`, `${NS.eli}cites`),
      expected: [{ focusNode: `${DOC}/pp/1/ref/1`, sourceShape: shape('Citation') }],
      message: /lacks <https:\/\/w3id\.org\/unkg\/eli\/un\/E\/RES\/2017\/18\/pp\/1> eli:cites <https:\/\/w3id\.org\/unkg\/eli\/un\/A\/RES\/64\/293>/,
    },
    {
      name: 'a mention whose schema:mentions triple is missing',
      data: () => without(resolution(), `${DOC}/op/1`, `${NS.schema}mentions`),
      expected: [{ focusNode: `${DOC}/op/1/ref/2`, sourceShape: shape('Mention') }],
      message: /lacks .* schema:mentions <https:\/\/w3id\.org\/unkg\/org\/member-states>/,
    },
    {
      name: 'a similarity link whose unkg:echoesTarget triple is missing',
      data: () => without(resolution(), `${DOC}/pp/1`, `${NS.unkg}echoesTarget`),
      expected: [{ focusNode: `${DOC}/pp/1/ref/2`, sourceShape: shape('SimilarityLink') }],
      message: /lacks .* unkg:echoesTarget sdg:5\.2/,
    },
    {
      name: 'a reference whose startOffset is not before its endOffset',
      data: () => replacing(resolution(), `${DOC}/pp/1/ref/1`, `${NS.unkg}startOffset`, literal('30', xsdInteger)),
      expected: [{ focusNode: `${DOC}/pp/1/ref/1`, path: 'unkg:startOffset', sourceShape: shape('Offsets-start') }],
      message: /less than unkg:endOffset/,
    },
    {
      name: 'a citation without offsets',
      data: () => without(resolution(), `${DOC}/op/1/ref/1`, `${NS.unkg}startOffset`),
      expected: [{ focusNode: `${DOC}/op/1/ref/1`, path: 'unkg:startOffset', sourceShape: shape('ExplicitReference-start') }],
      message: /where its matched text starts/,
    },
    {
      name: 'a similarity link scored above 1',
      data: () => replacing(resolution(), `${DOC}/pp/1/ref/2`, `${NS.unkg}score`, literal('1.5', namedNode(`${NS.xsd}decimal`))),
      expected: [{ focusNode: `${DOC}/pp/1/ref/2`, path: 'unkg:score', sourceShape: shape('SimilarityLink-score') }],
      message: /from 0 to 1/,
    },
  ];

  describe.each(brokenVariants)('given $name', ({ data, expected, message }) => {
    let report: ValidationReport;
    beforeAll(async () => {
      report = await validateGraph([...data(), ...referenceData()], shapes);
    });

    it('does not conform, with exactly the expected results', () => {
      expect(report.conforms).toBe(false);
      expect(outcome(report)).toEqual(expected.map((e) => ({ path: undefined, ...e })));
    });

    it('reports violations with readable messages', () => {
      for (const result of report.results) {
        expect(result.severity).toBe('Violation');
        expect(result.message).toMatch(message);
      }
    });

    it('formats one line per result, naming the focus node', () => {
      const [summary, ...lines] = formatReport(report).split('\n');
      const count = expected.length;
      expect(summary).toBe(`The data does not conform to the shapes: ${count} result${count === 1 ? '' : 's'}.`);
      expect(lines).toHaveLength(count);
      lines.forEach((line, i) => {
        expect(line).toContain(`Violation at <${expected[i].focusNode}>`);
        expect(line).toMatch(message);
      });
    });
  });

  it('reports every broken part of a graph, sorted by focus node', async () => {
    let data = without(resolution(), DOC, `${NS.eli}id_local`);
    data = without(data, `${DOC}/op/1/act/1`, `${NS.unkg}verb`);
    data = without(data, `${DOC}/fn/1`, `${NS.schema}text`);
    const report = await validateGraph([...data, ...referenceData()], shapes);
    expect(report.results.map((r) => r.focusNode.value)).toEqual([DOC, `${DOC}/fn/1`, `${DOC}/op/1/act/1`]);
    expect(formatReport(report).split('\n')).toHaveLength(4);
  });

  it('shows the offending value and shortens long literals', async () => {
    const long = 'Rappelant '.repeat(20);
    const data = replacing(resolution(), `${DOC}/pp/1`, `${NS.schema}text`, literal(long));
    const [line] = formatReport(await validateGraph([...data, ...referenceData()], shapes))
      .split('\n')
      .slice(1);
    expect(line).toContain(`(value: "${long.slice(0, 59)}…")`);
    expect(line).toContain('[unkgsh:Paragraph-text]');
  });

  it('accepts quads from another RDF/JS implementation', async () => {
    const engine = new OxigraphStore();
    engine.load(readFileSync(path.join(__dirname, 'fixtures', 'resolution.ttl'), 'utf8'), { format: 'text/turtle' });
    const quads = engine.match();
    expect(quads[0]).not.toBeInstanceOf(Object.getPrototypeOf(resolution()[0]).constructor);
    expect((await validateGraph([...quads, ...referenceData()], shapes)).conforms).toBe(true);
  });
});
