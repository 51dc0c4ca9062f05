/** Paragraphs that repeat or paraphrase the wording of an SDG target without citing it by
 *  number (the seed's preambular paragraph 18 quotes targets 5.2 and 16.2; paragraph 17
 *  paraphrases 8.7). The score mixes how many of the target's content words the paragraph
 *  uses and how many of its content-word pairs it keeps in order, so a verbatim quote scores
 *  1 and a paraphrase keeps a lower, still distinctive score. Such links are evidence of
 *  similarity, never citations. */
import type { Quad } from '@rdfjs/types';
import { NS } from '../../vocab';
import { fold } from '../text';

export interface EchoCandidate {
  iri: string;
  /** Official wording per language tag. */
  labels: Record<string, string>;
}

export interface TextEcho {
  target: string;
  score: number;
  /** The stretch of the paragraph that shares the most with the target's wording. */
  start: number;
  end: number;
  matchedText: string;
}

/** Below this the overlap is what any two texts on the same subject share (on the seed, unrelated
 *  paragraphs score at most 0.21 against a target; the paraphrase of target 8.7 scores 0.27). */
export const ECHO_THRESHOLD = 0.25;
/** Content words and in-order word pairs a paragraph must share with a target's wording. */
export const MIN_SHARED_WORDS = 6;
export const MIN_SHARED_PAIRS = 2;

const STOPWORDS = new Set(
  (
    'a à au aux avec ce ces dans de des du en et la le les leur leurs l d qu que qui s sa se ses son sur un une pour par ou où y ne pas plus ' +
    'sont est été être ont faite dont toutes tous toute tout autres autre compris ainsi ' +
    'the of and to in on for by with an as at or its their all other including which that this these those be is are from into'
  ).split(' '),
);

interface Token {
  stem: string;
  start: number;
  end: number;
}

/** Content words with their offsets; stems are the first six letters (enough to join
 *  "éliminer"/"élimination", "formes"/"forme"). */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  const folded = fold(text).normalize('NFC');
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (STOPWORDS.has(w) || w.length < 2) continue;
    out.push({ stem: w.slice(0, 6), start: m.index!, end: m.index! + w.length });
  }
  return out;
}

function pairs(ts: Token[]): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i + 1 < ts.length; i++) s.add(`${ts[i].stem} ${ts[i + 1].stem}`);
  return s;
}

export function findTextEchoes(text: string, language: string, candidates: readonly EchoCandidate[], threshold = ECHO_THRESHOLD): TextEcho[] {
  const para = tokens(text);
  if (para.length === 0) return [];
  const paraStems = new Set(para.map((t) => t.stem));
  const paraPairs = pairs(para);
  const out: TextEcho[] = [];
  for (const c of candidates) {
    const label = c.labels[language];
    if (!label) continue;
    const lt = tokens(label);
    const stems = new Set(lt.map((t) => t.stem));
    const lp = pairs(lt);
    if (stems.size === 0 || lp.size === 0) continue;
    const sharedWords = [...stems].filter((s) => paraStems.has(s)).length;
    const sharedPairs = [...lp].filter((p) => paraPairs.has(p)).length;
    // A short target shares a high fraction with any text on its subject: ask for substance too.
    if (sharedWords < MIN_SHARED_WORDS || sharedPairs < MIN_SHARED_PAIRS) continue;
    const score = Math.round((0.5 * (sharedWords / stems.size) + 0.5 * (sharedPairs / lp.size)) * 1000) / 1000;
    if (score < threshold) continue;
    // Evidence: the longest run of consecutive paragraph words that keeps the target's word pairs.
    let best: [number, number] = [0, -1];
    for (let i = 0; i + 1 < para.length;) {
      let j = i;
      while (j + 1 < para.length && lp.has(`${para[j].stem} ${para[j + 1].stem}`)) j++;
      if (j > i && j - i > best[1] - best[0]) best = [i, j];
      i = j > i ? j : i + 1;
    }
    const start = best[1] >= 0 ? para[best[0]].start : 0;
    const end = best[1] >= 0 ? para[best[1]].end : text.length;
    out.push({ target: c.iri, score, start, end, matchedText: text.slice(start, end) });
  }
  return out.sort((a, b) => b.score - a.score || a.target.localeCompare(b.target));
}

/** The SDG targets of the reference data, with their official wording per language. */
export function echoCandidatesFromQuads(quads: Iterable<Quad>): EchoCandidate[] {
  const list = [...quads];
  const targets = new Set(list.filter((q) => q.predicate.value === `${NS.rdf}type` && q.object.value === `${NS.sdgo}Target`).map((q) => q.subject.value));
  const byIri = new Map<string, EchoCandidate>();
  for (const q of list) {
    if (!targets.has(q.subject.value) || q.predicate.value !== `${NS.skos}prefLabel` || q.object.termType !== 'Literal' || !q.object.language) continue;
    let c = byIri.get(q.subject.value);
    if (!c) byIri.set(q.subject.value, (c = { iri: q.subject.value, labels: {} }));
    c.labels[q.object.language] = q.object.value;
  }
  return [...byIri.values()].sort((a, b) => a.iri.localeCompare(b.iri));
}
