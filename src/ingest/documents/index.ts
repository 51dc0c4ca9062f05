export { pdfLayoutText } from './pdfLayoutText';
export type { PdfPageText, PdfTextItem } from './pdfLayoutText';
export { docxHtmlText } from './docxHtmlText';
export { joinWrappedLines, documentVocabulary } from './joinWrappedLines';
export { isPageFurniture, PAGE_FURNITURE_RES, SYMBOL_ALONE_RE } from './pageFurniture';
