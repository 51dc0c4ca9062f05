/** The named entities the extractors recognise (organisations, events, publications,
 *  plans, treaties by name), built from the curated reference data: every skos:prefLabel,
 *  skos:altLabel and rdfs:label is a name; unkg:anaphor gives the short form ("l'Office")
 *  that refers back to an entity already named in the same paragraph. Adding an entity to
 *  data/reference/ is enough for the parser to find it. */
import type { Quad } from '@rdfjs/types';
import { NS } from '../vocab';
import type { TargetKind } from './links';
import { parseOrdinal } from './dates';
import { fold, phrasePattern } from './text';

export interface GazetteerEntry {
  iri: string;
  kind: Extract<TargetKind, 'organisation' | 'event' | 'publication' | 'plan' | 'treaty'>;
  names: string[];
  anaphors: string[];
  startDate?: string;
  endDate?: string;
  /** GA session number of a meeting held at a session. */
  sessionNumber?: number;
  /** The treaty this one supplements (a Protocol's Convention: unkg:supplements). */
  supplements?: string;
}

export interface Gazetteer {
  readonly entries: readonly GazetteerEntry[];
  /** Names longest first; acronyms (all capitals) are matched case-sensitively. */
  readonly folded: RegExp;
  readonly acronyms: RegExp;
  readonly byFoldedName: ReadonlyMap<string, GazetteerEntry>;
  readonly byAcronym: ReadonlyMap<string, GazetteerEntry>;
  readonly byIri: ReadonlyMap<string, GazetteerEntry>;
  /** Names of plans alone: a plan named inside a longer name ("the high-level meeting on the
   *  appraisal of the Global Plan of Action") is still named. */
  readonly plans: RegExp;
  /** Per entity: its anaphors, matched case-sensitively after an article. */
  readonly anaphors: ReadonlyMap<string, RegExp>;
  /** Names of treaties alone: a treaty named inside a longer name ("the Conference of the
   *  Parties to the United Nations Convention against ...") is an antecedent for "the said
   *  Convention" or "the Protocols thereto", though not a citation. */
  readonly treaties: RegExp;
}

const KIND_BY_TYPE: Record<string, GazetteerEntry['kind']> = {
  [`${NS.org}Organization`]: 'organisation',
  [`${NS.org}FormalOrganization`]: 'organisation',
  [`${NS.org}OrganizationalUnit`]: 'organisation',
  [`${NS.org}Post`]: 'organisation',
  [`${NS.schema}Organization`]: 'organisation',
  [`${NS.schema}GovernmentOrganization`]: 'organisation',
  [`${NS.unkg}Observance`]: 'event',
  [`${NS.unkg}Meeting`]: 'event',
  [`${NS.schema}Event`]: 'event',
  [`${NS.unkg}Publication`]: 'publication',
  [`${NS.unkg}Plan`]: 'plan',
  [`${NS.unkg}Treaty`]: 'treaty',
};

const isAcronym = (s: string): boolean => /^[A-Z][A-Z0-9-]{1,9}$/.test(s) && /[A-Z].*[A-Z]/.test(s);
const normaliseName = (s: string): string => fold(s).replace(/\s+/g, ' ').trim();

export function gazetteerFromQuads(quads: Iterable<Quad>): Gazetteer {
  const byIri = new Map<string, GazetteerEntry>();
  const get = (iri: string): GazetteerEntry => {
    let e = byIri.get(iri);
    if (!e) byIri.set(iri, (e = { iri, kind: 'organisation', names: [], anaphors: [] }));
    return e;
  };
  const kinds = new Map<string, GazetteerEntry['kind']>();
  const list = [...quads];
  for (const q of list) {
    if (q.subject.termType !== 'NamedNode') continue;
    const s = q.subject.value;
    const p = q.predicate.value;
    if (p === `${NS.rdf}type` && KIND_BY_TYPE[q.object.value]) {
      const k = KIND_BY_TYPE[q.object.value];
      // The most specific kind wins over the generic organisation default.
      if (!kinds.has(s) || kinds.get(s) === 'organisation') kinds.set(s, k);
    }
  }
  for (const q of list) {
    const s = q.subject.value;
    if (kinds.has(s) && q.predicate.value === `${NS.unkg}supplements` && q.object.termType === 'NamedNode') get(s).supplements = q.object.value;
    if (!kinds.has(s) || q.object.termType !== 'Literal') continue;
    const p = q.predicate.value;
    const e = get(s);
    if (p === `${NS.skos}prefLabel` || p === `${NS.skos}altLabel` || p === `${NS.rdfs}label` || p === `${NS.schema}name` || p === `${NS.schema}alternateName`) {
      if (!e.names.includes(q.object.value)) e.names.push(q.object.value);
    } else if (p === `${NS.unkg}anaphor`) {
      if (!e.anaphors.includes(q.object.value)) e.anaphors.push(q.object.value);
    } else if (p === `${NS.schema}startDate`) e.startDate = q.object.value.slice(0, 10);
    else if (p === `${NS.schema}endDate`) e.endDate = q.object.value.slice(0, 10);
    else if (p === `${NS.unkg}sessionNumber`) e.sessionNumber = Number(q.object.value);
    else if (p === `${NS.unkg}session` && e.sessionNumber === undefined) {
      // "seventy-second session"@en, "soixante-douzième session"@fr
      e.sessionNumber = parseOrdinal(q.object.value.replace(/\s*session\b.*$/i, ''));
    }
  }
  for (const [iri, kind] of kinds) if (byIri.has(iri)) byIri.get(iri)!.kind = kind;
  return compileGazetteer([...byIri.values()].filter((e) => e.names.length > 0));
}

export function compileGazetteer(entries: GazetteerEntry[]): Gazetteer {
  const byFoldedName = new Map<string, GazetteerEntry>();
  const byAcronym = new Map<string, GazetteerEntry>();
  for (const e of [...entries].sort((a, b) => a.iri.localeCompare(b.iri))) {
    for (const n of e.names) {
      if (isAcronym(n)) {
        if (!byAcronym.has(n)) byAcronym.set(n, e);
      } else if (n.trim().length >= 4) {
        const key = normaliseName(n);
        if (!byFoldedName.has(key)) byFoldedName.set(key, e);
      }
    }
  }
  const names = [...byFoldedName.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const acronyms = [...byAcronym.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const never = '(?!)';
  const planNames = names.filter((n) => byFoldedName.get(n)!.kind === 'plan');
  const treatyNames = names.filter((n) => byFoldedName.get(n)!.kind === 'treaty');
  return {
    entries,
    folded: new RegExp(names.length ? names.map(phrasePattern).join('|') : never, 'gu'),
    acronyms: new RegExp(acronyms.length ? `(?<![\\p{L}\\p{N}])(?:${acronyms.map((a) => a.replace(/[-]/g, '\\-')).join('|')})(?![\\p{L}\\p{N}])` : never, 'gu'),
    byFoldedName,
    byAcronym,
    byIri: new Map(entries.map((e) => [e.iri, e])),
    plans: new RegExp(planNames.length ? planNames.map(phrasePattern).join('|') : never, 'gu'),
    treaties: new RegExp(treatyNames.length ? treatyNames.map(phrasePattern).join('|') : never, 'gu'),
    anaphors: new Map(
      entries
        .filter((e) => e.anaphors.length > 0)
        .map((e) => [
          e.iri,
          new RegExp(
            String.raw`(?<=(?<![\p{L}])${ANAPHOR_LEAD})(?:${e.anaphors.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\p{L}\p{N}])`,
            'gu',
          ),
        ]),
    ),
  };
}

export interface EntityMatch {
  entry: GazetteerEntry;
  start: number;
  end: number;
  text: string;
  anaphoric: boolean;
}

/** Articles and prepositions before an anaphor ("l'Office", "du Fonds", "the Group"). */
const ANAPHOR_LEAD = String.raw`(?:[lL]'|[lL]e |[lL]a |[lL]es |[dD]u |[aA]u |[aA]ux |[dD]es |[cC]e |[cC]et |[cC]ette |[sS]on |[sS]a |[tT]he |[tT]his |[tT]hat |[iI]ts |[sS]aid )`;

/** Every entity named in a text: full names and acronyms (leftmost, longest), then the
 *  anaphors of entities already named earlier in the same text. */
export function findEntities(text: string, gazetteer: Gazetteer): EntityMatch[] {
  const folded = fold(text);
  const found: EntityMatch[] = [];
  for (const m of folded.matchAll(gazetteer.folded)) {
    const entry = gazetteer.byFoldedName.get(m[0].replace(/\s+/g, ' '));
    if (entry) found.push({ entry, start: m.index!, end: m.index! + m[0].length, text: text.slice(m.index!, m.index! + m[0].length), anaphoric: false });
  }
  for (const m of text.matchAll(gazetteer.acronyms)) {
    const entry = gazetteer.byAcronym.get(m[0]);
    const start = m.index!;
    const end = start + m[0].length;
    if (entry && !found.some((f) => start < f.end && end > f.start)) found.push({ entry, start, end, text: m[0], anaphoric: false });
  }
  for (const m of folded.matchAll(gazetteer.plans)) {
    const start = m.index!;
    const end = start + m[0].length;
    const entry = gazetteer.byFoldedName.get(m[0].replace(/\s+/g, ' '));
    const host = found.find((f) => f.start <= start && f.end >= end);
    if (entry && host && host.entry.kind !== 'plan') found.push({ entry, start, end, text: text.slice(start, end), anaphoric: false });
  }
  const apostrophes = text.replace(/[’ʼ‘]/g, "'");
  const named = found.filter((f) => !f.anaphoric);
  const firstEnd = new Map<string, number>();
  for (const f of named) firstEnd.set(f.entry.iri, Math.min(firstEnd.get(f.entry.iri) ?? Infinity, f.end));
  // Each anaphor refers to the entity named last before it, when several share it ("the Protocol").
  const candidates = new Map<number, EntityMatch & { antecedentEnd: number }>();
  for (const [iri, first] of firstEnd) {
    const re = gazetteer.anaphors.get(iri);
    if (!re) continue;
    const entry = gazetteer.byIri.get(iri)!;
    for (const m of apostrophes.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (start < first || found.some((f) => start < f.end && end > f.start)) continue;
      const antecedentEnd = Math.max(...named.filter((f) => f.entry.iri === iri && f.end <= start).map((f) => f.end));
      const rival = candidates.get(start);
      if (!rival || antecedentEnd > rival.antecedentEnd) candidates.set(start, { entry, start, end, text: m[0], anaphoric: true, antecedentEnd });
    }
  }
  for (const { antecedentEnd: _, ...match } of candidates.values()) found.push(match);
  return found.sort((x, y) => x.start - y.start);
}
