export { ingestText, ingestBytes } from './ingestResolution';
export type { IngestContext, IngestResult } from './ingestResolution';
export { parseResolution, detectLanguage, resolutionSymbol } from './parseResolution';
export { analyseResolution, extractLinks } from './analyseResolution';
export type { ResolutionAnalysis, AnalysedParagraph, AnalysedFootnote, ClauseAct } from './analyseResolution';
export { resolutionToQuads } from './resolutionToQuads';
export { decodeSource } from './decodeSource';
export { IngestError } from './IngestError';
export { gazetteerFromQuads, compileGazetteer, findEntities } from './gazetteer';
export type { Gazetteer, GazetteerEntry } from './gazetteer';
export { clauseSchemeQuads } from './clauseScheme';
export { CLAUSE_VERBS } from './lexicon/clauseVerbs';
export type { ClauseVerbEntry, ClauseKind } from './lexicon/clauseVerbs';
export { sortQuads, toNQuads, toTurtle } from './serialize';
export { findDates, parseDate, parseOrdinal } from './dates';
export type { ResolutionTree, ParagraphNode, FootnoteNode, Language } from './model';
export type { ExtractedLink, TargetKind } from './links';
export { findTextEchoes, echoCandidatesFromQuads, ECHO_THRESHOLD } from './extract';
export type { EchoCandidate, TextEcho } from './extract';
export { pdfLayoutText, docxHtmlText, joinWrappedLines, documentVocabulary, isPageFurniture } from './documents';
export type { PdfPageText, PdfTextItem } from './documents';
export { compareLanguageVersions, languageVersionsToQuads } from './languageVersions';
export type { LanguageMismatch } from './languageVersions';
export {
  EXTRACTORS,
  runExtractors,
  instrumentAnaphora,
  clauseActs,
  extractTreatySeries,
  extractSdgTargets,
  extractDocumentReferences,
  extractMeetings,
} from './extract';
export type { Extractor, ExtractionContext } from './extract';
export { PAIR_SOURCES } from './lexicon/clauseVerbs';
