/** A source document's text, whatever its format: UTF-8 text in the UN layout (.md, .txt),
 *  PDF or Word (.docx) as the UN publishes them. The file reading is here; the layout work
 *  is pure and lives in src/ingest/documents.
 *
 *  PDF text comes from pdf.js (through unpdf), not from poppler's pdftotext: pdf.js gives every
 *  text item with its position and font size, which is what tells a footnote marker
 *  (a raised, smaller number) from a number in the text, the footnotes at the foot of a page
 *  from the body, and the two columns of the header block from one line; pdftotext's plain
 *  output has lost all three. It is also a JavaScript package: nothing to install on the
 *  machine that builds (pdfPages.ts runs it in a worker thread). Word files are read with mammoth, which keeps Word's footnotes as
 *  footnotes. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeSource, docxHtmlText, IngestError, pdfLayoutText } from '../ingest';
import { pdfPages } from './pdfPages';

export type SourceFormat = 'text' | 'pdf' | 'docx';

export const SOURCE_EXTENSIONS: Readonly<Record<string, SourceFormat>> = { '.md': 'text', '.txt': 'text', '.pdf': 'pdf', '.docx': 'docx' };

export function sourceFormat(file: string): SourceFormat | undefined {
  return SOURCE_EXTENSIONS[extname(file).toLowerCase()];
}

export interface SourceText {
  text: string;
  format: SourceFormat;
  /** Pages of a PDF. */
  pages?: number;
}

export async function readSource(file: string): Promise<SourceText> {
  const format = sourceFormat(file);
  if (format === undefined) throw new IngestError(`not a source document: unkg build reads ${Object.keys(SOURCE_EXTENSIONS).join(', ')} files`, file);
  const bytes = readFileSync(file);
  if (format === 'pdf') {
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new IngestError('not a PDF file (no %PDF- header)', file);
    const pages = await pdfPages(bytes, file);
    return { text: pdfLayoutText(pages), format, pages: pages.length };
  }
  if (format === 'docx') {
    if (bytes.subarray(0, 2).toString('latin1') !== 'PK') throw new IngestError('not a Word .docx file (not a zip archive)', file);
    const mammoth = await import('mammoth');
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    } catch (e) {
      throw new IngestError(`not a readable Word document: ${(e as Error).message}`, file);
    }
    return { text: docxHtmlText(html), format };
  }
  return { text: decodeSource(bytes, file), format: 'text' };
}
