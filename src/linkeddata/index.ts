export { linkedDataPlugin, LINKED_DATA_ROUTES } from './linkedDataPlugin';
export type { LinkedDataOptions } from './linkedDataPlugin';
export { describeResource, EVIDENCE_TYPES, CITING_PREDICATES, NAMING_PREDICATES } from './describeResource';
export type { ResourceDescription, Backlink, DescribeOptions } from './describeResource';
export { resourceView } from './resourceView';
export { labelOf, resourceLabels, pickLiteral, prefixedName, LABEL_PREDICATES } from './labels';
export type { Label } from './labels';
export { TripleIndex } from './tripleIndex';
export type { ResourceView, LinkTerm, Value, PropertyView, ClauseActView, EvidenceView, BacklinkView, Snippet } from './resourceView';
export { renderResourcePage, renderNotFoundPage, linkHtml } from './renderResourcePage';
export { loadOntologyDocument, renderOntologyPage, ONTOLOGY_FILE } from './ontologyDocument';
export type { OntologyDocument } from './ontologyDocument';
export { compactJsonLd, loadJsonLdContext, DEFAULT_ONTOLOGY_DIR } from './compactJsonLd';
export type { JsonLdContext } from './compactJsonLd';
export { serializeRdf, toNTriples } from './serializeRdf';
export {
  chooseRepresentation,
  alternateLinks,
  REPRESENTATIONS,
  DOCUMENT_REPRESENTATIONS,
  AKN_MEDIA_TYPE,
  DEFAULT_REPRESENTATION,
  FORMAT_NAMES,
  SHORT_FORMAT_NAMES,
} from './representations';
export type { Representation, RdfRepresentation, DocumentRepresentation } from './representations';
export { languagePreference, requestedLanguages, DEFAULT_LANGUAGES } from './languagePreference';
export { aknRepresentation } from './aknRepresentation';
export type { AknRequest } from './aknRepresentation';
export { iriForPath, pathForIri, hrefForIri, MINTED_PATH_PREFIXES, ONTOLOGY_PATH, CLAUSE_PATH } from './resourcePaths';
export { sparqlIri, sparqlValues } from './sparqlIri';
export { isAbsoluteIri } from '../vocab';
export { escapeHtml, jsonForScript, htmlDocument, SITE_LINKS, SITE_STYLESHEET } from './html';
export type { HtmlPage } from './html';
export { BACKLINK_PAGE_SIZE, MAX_BACKLINK_PAGE, MAX_OWN_TRIPLES, SNIPPET_LENGTH } from './limits';
