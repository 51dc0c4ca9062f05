export { NS, ONTOLOGY_IRI, CLAUSE_SCHEME_IRI, DEFAULT_BASE, PREFIXES, EVIDENCE_CLASSES } from './namespaces';
export type { Prefix } from './namespaces';
export { createIriScheme, sdgIri, rebaseIri } from './iris';
export type { IriScheme } from './iris';
export { TARGET_KINDS, targetKind } from './targetKinds';
export type { TargetKind, TargetKindInfo } from './targetKinds';
export { readerKind, READER_KINDS } from './readerKind';
export type { ReaderKind } from './readerKind';
