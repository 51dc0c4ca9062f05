export { resolutionToAkn, publisherOf } from './resolutionToAkn';
export type { AknDocument } from './resolutionToAkn';
export { readResolution, resolutionLanguages, isResolutionText, AknReadError } from './readResolution';
export { renderAkn, AKN_NAMESPACE } from './renderAkn';
export type { AknPublisher, RenderOptions } from './renderAkn';
export { aknIris, aknLanguage, organSlug } from './aknIris';
export type { AknIris } from './aknIris';
export { resolutionQuads, resolutionQuery } from './resolutionQuads';
export type { AknResolution, AknParagraph, AknFootnote, AknSpan, AknEntity, AknEntityKind, AknMarker } from './model';
