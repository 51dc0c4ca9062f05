/** One resolution read in several languages: the versions share the document's IRI and their
 *  paragraphs' IRIs (paragraphs are numbered by position, sub-paragraphs by letter, in every
 *  language), so their quads merge into one document whose paragraphs carry a text per
 *  language. Links merge (one eli:cites per target); the evidence of each link stays with its
 *  language version. What the versions disagree on is reported, never guessed: a paragraph or
 *  footnote one version has and the other lacks, different footnote markers, clause verbs or
 *  citations in a paragraph, or different header facts (the first version by language code
 *  keeps its value). */
import type { Quad } from '@rdfjs/types';
import { NS } from '../vocab';
import type { AnalysedParagraph, ResolutionAnalysis } from './analyseResolution';
import { resolutionToQuads, type MappingContext } from './resolutionToQuads';
import { sortQuads } from './serialize';

export interface LanguageMismatch {
  /** What disagrees: a paragraph, footnote, marker, verb, citation or header fact. */
  kind: 'paragraph' | 'footnote' | 'marker' | 'verb' | 'citation' | 'header';
  /** The paragraph, footnote or header field concerned ("op/3", "fn/2", "distributionDate"). */
  where: string;
  message: string;
}

/** Facts about the document that have one value whatever the language. */
const SINGLE_VALUED = new Set([
  `${NS.eli}date_document`,
  `${NS.unkg}distributionDate`,
  `${NS.unkg}agendaItem`,
  `${NS.unkg}plenaryMeeting`,
  `${NS.unkg}resolutionNumber`,
  `${NS.eli}id_local`,
  `${NS.eli}based_on`,
  `${NS.unkg}recommendedBy`,
  `${NS.eli}passed_by`,
]);

const byLanguage = (versions: readonly ResolutionAnalysis[]): ResolutionAnalysis[] =>
  [...versions].sort((a, b) => a.tree.language.localeCompare(b.tree.language));

const local = (a: ResolutionAnalysis, iri: string): string => iri.slice(a.iri.length + 1);

function describeVersion(a: ResolutionAnalysis): string {
  return `${a.tree.language} (${a.tree.source.file})`;
}

/** Everything two or more language versions of one resolution disagree on. */
export function compareLanguageVersions(versions: readonly ResolutionAnalysis[]): LanguageMismatch[] {
  const sorted = byLanguage(versions);
  const out: LanguageMismatch[] = [];
  const [first, ...others] = sorted;
  const paragraphs = (a: ResolutionAnalysis) => new Map(a.paragraphs.map((p) => [local(a, p.iri), p]));
  const citesOf = (p: AnalysedParagraph) => [...new Set(p.links.filter((l) => l.relation === 'cites').map((l) => l.target))].sort();
  const firstParas = paragraphs(first);
  for (const other of others) {
    const otherParas = paragraphs(other);
    for (const [key, p] of firstParas) {
      const q = otherParas.get(key);
      if (!q) {
        out.push({
          kind: 'paragraph',
          where: key,
          message: `${key} is in the ${describeVersion(first)} version but not in the ${describeVersion(other)} version`,
        });
        continue;
      }
      const pm = p.node.markers.map((m) => m.n).join(',');
      const qm = q.node.markers.map((m) => m.n).join(',');
      if (pm !== qm)
        out.push({
          kind: 'marker',
          where: key,
          message: `${key} carries footnote markers [${pm}] in ${first.tree.language} and [${qm}] in ${other.tree.language}`,
        });
      const pv = p.acts.map((a) => a.verb.slug).join(', ');
      const qv = q.acts.map((a) => a.verb.slug).join(', ');
      if (pv !== qv)
        out.push({ kind: 'verb', where: key, message: `${key} has clause verbs [${pv}] in ${first.tree.language} and [${qv}] in ${other.tree.language}` });
      const pc = citesOf(p);
      const qc = citesOf(q);
      const onlyP = pc.filter((t) => !qc.includes(t));
      const onlyQ = qc.filter((t) => !pc.includes(t));
      if (onlyP.length) out.push({ kind: 'citation', where: key, message: `${key} cites ${onlyP.join(', ')} only in ${first.tree.language}` });
      if (onlyQ.length) out.push({ kind: 'citation', where: key, message: `${key} cites ${onlyQ.join(', ')} only in ${other.tree.language}` });
    }
    for (const key of otherParas.keys()) {
      if (!firstParas.has(key))
        out.push({
          kind: 'paragraph',
          where: key,
          message: `${key} is in the ${describeVersion(other)} version but not in the ${describeVersion(first)} version`,
        });
    }
    const fa = first.footnotes.map((f) => f.n);
    const fb = other.footnotes.map((f) => f.n);
    if (fa.join(',') !== fb.join(',')) {
      out.push({
        kind: 'footnote',
        where: 'footnotes',
        message: `${fa.length} footnotes [${fa.join(',')}] in ${describeVersion(first)}, ${fb.length} [${fb.join(',')}] in ${describeVersion(other)}`,
      });
    }
    for (const field of ['distributionDate', 'adoptionDate', 'agendaItem'] as const) {
      const x = first.tree.header[field];
      const y = other.tree.header[field];
      if (x !== undefined && y !== undefined && x !== y)
        out.push({
          kind: 'header',
          where: field,
          message: `the header's ${field} is ${x} in ${first.tree.language} and ${y} in ${other.tree.language}; ${x} is kept`,
        });
    }
  }
  return out;
}

/** The quads of one document built from its language versions (one version: the same quads
 *  as resolutionToQuads). */
export function languageVersionsToQuads(versions: readonly ResolutionAnalysis[], ctx: MappingContext): Quad[] {
  if (versions.length === 1) return resolutionToQuads(versions[0], ctx);
  const sorted = byLanguage(versions);
  const languages = sorted.map((a) => a.tree.language);
  if (new Set(languages).size !== languages.length) throw new Error(`${sorted[0].tree.symbol}: two versions in the same language (${languages.join(', ')})`);
  const out: Quad[] = [];
  const kept = new Map<string, string>();
  for (const a of sorted) {
    for (const q of resolutionToQuads(a, { ...ctx, evidenceLanguage: a.tree.language })) {
      if (q.subject.value === a.iri && SINGLE_VALUED.has(q.predicate.value)) {
        const value = q.object.value;
        const first = kept.get(q.predicate.value);
        if (first === undefined) kept.set(q.predicate.value, value);
        else if (first !== value) continue;
      }
      out.push(q);
    }
  }
  // The versions state the same facts about paragraphs, footnotes and targets: once each.
  return sortQuads(out);
}
