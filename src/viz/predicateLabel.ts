/** Short human labels of predicates, for edge labels. */
import { NS } from '../vocab';

const PREDICATE_LABELS: Readonly<Record<string, string>> = {
  [`${NS.eli}cites`]: 'cites',
  [`${NS.schema}mentions`]: 'mentions',
  [`${NS.eli}is_part_of`]: 'is part of',
  [`${NS.eli}has_part`]: 'has part',
  [`${NS.eli}based_on`]: 'based on',
  [`${NS.eli}passed_by`]: 'passed by',
  [`${NS.eli}is_realized_by`]: 'is realized by',
  [`${NS.eli}realizes`]: 'realizes',
  [`${NS.eli}language`]: 'language',
  [`${NS.unkg}clauseVerb`]: 'clause verb',
  [`${NS.unkg}hasFootnote`]: 'has footnote',
  [`${NS.unkg}recommendedBy`]: 'recommended by',
  [`${NS.unkg}echoesTarget`]: 'echoes target',
  [`${NS.skos}broader`]: 'broader',
  [`${NS.skos}narrower`]: 'narrower',
  [`${NS.skos}inScheme`]: 'in scheme',
  [`${NS.rdfs}seeAlso`]: 'see also',
  [`${NS.owl}sameAs`]: 'same as',
};

/** The part of an IRI after its last '#' or '/'. */
export function localName(iri: string): string {
  const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
  const tail = cut >= 0 ? iri.slice(cut + 1) : iri;
  return tail === '' ? iri : tail;
}

/** 'cites' for eli:cites; otherwise the local name in words ('seeAlso' → 'see also'). */
export function predicateLabel(predicate: string): string {
  return (
    PREDICATE_LABELS[predicate] ??
    localName(predicate)
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/_/g, ' ')
      .toLowerCase()
  );
}
