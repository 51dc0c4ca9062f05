/** Document tree → everything the graph states about it: paragraph IRIs, clause acts with
 *  their addressees, and every extracted link with its evidence. Pure: no I/O. */
import type { IriScheme } from '../vocab';
import {
  byPosition,
  clauseActs,
  findTextEchoes,
  IBID_ONLY_RE,
  instrumentAnaphora,
  mayHoldInstrumentAnaphor,
  namedInstruments,
  runExtractors,
  type ClauseActMatch,
  type EchoCandidate,
  type TextEcho,
} from './extract';
import { findEntities, type Gazetteer } from './gazetteer';
import type { ExtractedLink } from './links';
import type { ClauseKind } from './lexicon/clauseVerbs';
import type { Language, ParagraphNode, ResolutionTree } from './model';

export interface ClauseAct extends ClauseActMatch {
  iri: string;
  /** The organisation the verb addresses ("Prie l'Office ..." → UNODC). */
  addressee?: string;
}

export interface AnalysedParagraph {
  iri: string;
  parent: string;
  node: ParagraphNode;
  acts: ClauseAct[];
  links: ExtractedLink[];
  /** SDG targets whose wording the paragraph repeats or paraphrases (not citations). */
  echoes: TextEcho[];
}

export interface AnalysedFootnote {
  iri: string;
  n: number;
  text: string;
  links: ExtractedLink[];
}

export interface ResolutionAnalysis {
  iri: string;
  tree: ResolutionTree;
  paragraphs: AnalysedParagraph[];
  footnotes: AnalysedFootnote[];
  /** Header links: recommending body, adopting organ, recommendation document. */
  recommendedBy?: string;
  basedOn?: { iri: string; symbol: string };
  warnings: string[];
}

export interface AnalysisContext {
  iris: IriScheme;
  gazetteer: Gazetteer;
  /** SDG targets to compare paragraph wording with (none: no similarity links). */
  echoCandidates?: readonly EchoCandidate[];
}

/** How close after a verb its addressee must be named ("Prie l'Office", "Invite tous les États Membres"). */
const ADDRESSEE_WINDOW = 24;

/** Every link found in one piece of text, by the registered extractors (extract/extractors.ts). */
export function extractLinks(text: string, ctx: AnalysisContext, previousFootnoteWasTreatySeries = false): ExtractedLink[] {
  return runExtractors(text, { iris: ctx.iris, gazetteer: ctx.gazetteer, previousFootnoteWasTreatySeries });
}

function analyseActs(p: ParagraphNode, kind: ClauseKind, language: Language, iri: string, links: ExtractedLink[]): { acts: ClauseAct[]; recognised: boolean } {
  const { acts, recognised } = clauseActs(p.text, kind, language);
  return {
    recognised,
    acts: acts.map((a, i) => {
      const addressee =
        kind !== 'operative'
          ? undefined
          : links.find((l) => l.kind === 'organisation' && l.viaFootnote === undefined && l.start >= a.end && l.start - a.end <= ADDRESSEE_WINDOW);
      return { ...a, iri: `${iri}/act/${i + 1}`, addressee: addressee?.target };
    }),
  };
}

export function analyseResolution(tree: ResolutionTree, ctx: AnalysisContext): ResolutionAnalysis {
  const { iris } = ctx;
  const iri = iris.document(tree.symbol);
  const warnings = [...tree.warnings];

  // Footnotes first: paragraphs inherit their links through the markers.
  const footnotes: AnalysedFootnote[] = [];
  let previousTreatySeries = false;
  let previousLinks: ExtractedLink[] = [];
  for (const f of tree.footnotes) {
    let links = extractLinks(f.text, ctx, previousTreatySeries);
    if (links.length === 0 && IBID_ONLY_RE.test(f.text))
      links = previousLinks.map((l) => ({ ...l, start: 0, end: f.text.length, matchedText: f.text, extractor: 'ibid' }));
    previousTreatySeries = links.some((l) => l.extractor.startsWith('treaty-series'));
    previousLinks = links;
    footnotes.push({ iri: iris.footnote(iri, f.n), n: f.n, text: f.text, links });
  }
  const footnoteLinks = new Map(footnotes.map((f) => [f.n, f.links]));

  const paragraphs: AnalysedParagraph[] = [];
  const visit = (p: ParagraphNode, pIri: string, parent: string, kind: ClauseKind) => {
    const own = extractLinks(p.text, ctx);
    const via = p.markers.flatMap((m) =>
      // A footnote's citations are the paragraph's; names it merely mentions stay with the footnote.
      (footnoteLinks.get(m.n) ?? []).filter((l) => l.relation === 'cites').map((l): ExtractedLink => ({ ...l, viaFootnote: m.n, markerOffset: m.offset })),
    );
    // "the Protocols thereto", "its Protocols", "the said Convention": the instrument named before, here or in a footnote.
    const anaphors: ExtractedLink[] = [];
    if (mayHoldInstrumentAnaphor(p.text, tree.language)) {
      const anaphora = instrumentAnaphora(
        p.text,
        tree.language,
        [
          ...own.filter((l) => l.kind === 'treaty').map((l) => ({ iri: l.target, at: l.end })),
          ...namedInstruments(p.text, ctx.gazetteer),
          ...via.filter((l) => l.kind === 'treaty').map((l) => ({ iri: l.target, at: l.markerOffset ?? 0 })),
        ],
        ctx.gazetteer,
      );
      anaphors.push(...anaphora.links.filter((a) => !own.some((l) => l.target === a.target && l.start < a.end && l.end > a.start)));
      const local = pIri.slice(iri.length + 1);
      for (const u of anaphora.unresolved) warnings.push(`${p.location.file}:${p.location.line}: ${local}: "${u.text}" is not resolved: ${u.reason}`);
    }
    const links = [...(anaphors.length ? [...own, ...anaphors].sort(byPosition) : own), ...via];
    const isSub = p.kind === 'subparagraph';
    const { acts, recognised } = isSub ? { acts: [], recognised: true } : analyseActs(p, kind, tree.language, pIri, links);
    if (!recognised)
      warnings.push(
        `${p.location.file}:${p.location.line}: ${kind} paragraph ${p.number} opens with a phrase the clause-verb lexicon does not know: "${p.text.split(/\s+/).slice(0, 3).join(' ')}"`,
      );
    const echoes = ctx.echoCandidates ? findTextEchoes(p.text, tree.language, ctx.echoCandidates) : [];
    paragraphs.push({ iri: pIri, parent, node: p, acts, links, echoes });
    for (const s of p.subparagraphs) visit(s, iris.subParagraph(pIri, s.number), pIri, kind);
  };
  for (const p of tree.preambular) visit(p, iris.preambular(iri, p.position), iri, 'preambular');
  for (const p of tree.operative) visit(p, iris.operative(iri, Number(p.number)), iri, 'operative');

  // Header: "[on the recommendation of the Commission ... (E/2017/30)]".
  let recommendedBy: string | undefined;
  let basedOn: ResolutionAnalysis['basedOn'];
  if (tree.header.recommendation) {
    const r = tree.header.recommendation;
    if (r.symbol) basedOn = { iri: iris.document(r.symbol), symbol: r.symbol };
    const body = findEntities(r.text, ctx.gazetteer).find((e) => e.entry.kind === 'organisation');
    recommendedBy = body?.entry.iri;
  }
  return { iri, tree, paragraphs, footnotes, recommendedBy, basedOn, warnings };
}
