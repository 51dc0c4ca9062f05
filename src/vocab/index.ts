export { NS, ONTOLOGY_IRI, CLAUSE_SCHEME_IRI, DEFAULT_BASE, PREFIXES, EVIDENCE_CLASSES } from './namespaces';
export type { Prefix } from './namespaces';
export {
  FORMATS,
  OFFERS,
  AKN_MEDIA_TYPE,
  RESULTS_MEDIA_TYPES,
  RDF_MEDIA_TYPES,
  DATASET_MEDIA_TYPES,
  TRIPLE_MEDIA_TYPES,
  isRdfMediaType,
  isResultsMediaType,
  isDatasetMediaType,
} from './formats';
export type { Format, FormatOffer, FormatMediaType, ExportMediaType, RdfMediaType, ResultsMediaType } from './formats';
export { createIriScheme, sdgIri } from './iris';
export type { IriScheme } from './iris';
export { TARGET_KINDS, targetKind } from './targetKinds';
export type { TargetKind, TargetKindInfo } from './targetKinds';
export { readerKind, READER_KINDS } from './readerKind';
export type { ReaderKind } from './readerKind';
export { isAbsoluteIri, isIriRefText, isLanguageTag, checkedIri, iriRef, valuesClause, stringLiteral, rebaseIri, rebaseIris } from './rdfTerms';
export type { InvalidIri } from './rdfTerms';
export { writeRdf } from './rdfDocument';
