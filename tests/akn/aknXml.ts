/** Reads Akoma Ntoso XML back for the tests: a strict parse (any well-formedness error
 *  throws), the paragraphs with their numbers and texts, the notes, refs and eIds. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { AKN_NAMESPACE } from '../../src/akn';

export function parseXml(xml: string): Document {
  return new DOMParser({
    // Warnings (a U+FFFD in the text, say) are not well-formedness errors.
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'application/xml');
}

/** Debian's libxml2 xmllint, as an independent referee: its complaints, empty when well-formed. */
export function xmllintErrors(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'unkg-akn-')), 'document.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return r.stderr + (r.status === 0 ? '' : `exit ${r.status}`);
}

export const elements = (root: Document | Element, name: string): Element[] => Array.from(root.getElementsByTagNameNS(AKN_NAMESPACE, name));

const children = (e: Element, name?: string): Element[] =>
  Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1 && (name === undefined || (n as Element).localName === name));
const child = (e: Element, name: string): Element | undefined => children(e, name)[0];

/** Text of an inline element without the footnotes inside it. */
export function ownText(e: Node): string {
  let out = '';
  for (const n of Array.from(e.childNodes)) {
    if (n.nodeType === 3) out += n.nodeValue;
    else if (n.nodeType === 1 && !['authorialNote', 'noteRef'].includes((n as Element).localName ?? '')) out += ownText(n);
  }
  return out;
}

export interface ReadParagraph {
  eId: string;
  number: string;
  text: string;
  subparagraphs: ReadParagraph[];
}

/** A preambular <container>, or an <item> of its <blockList>. */
function readBlock(e: Element, number: string): ReadParagraph {
  const list = child(e, 'blockList');
  return {
    eId: e.getAttribute('eId') ?? '',
    number,
    text: ownText(list ? child(list, 'listIntroduction')! : child(e, 'p')!),
    subparagraphs: list ? children(list, 'item').map((i) => readBlock(i, ownText(child(i, 'num')!))) : [],
  };
}

/** An operative <paragraph>, or a <point> of its <list>. */
function readHier(e: Element): ReadParagraph {
  const list = child(e, 'list');
  return {
    eId: e.getAttribute('eId') ?? '',
    number: ownText(child(e, 'num')!),
    text: ownText(list ? child(child(list, 'intro')!, 'p')! : child(child(e, 'content')!, 'p')!),
    subparagraphs: list ? children(list, 'point').map(readHier) : [],
  };
}

export function paragraphsOf(doc: Document): { formula: string; preambular: ReadParagraph[]; operative: ReadParagraph[] } {
  const preamble = elements(doc, 'preamble')[0];
  const formula = child(preamble, 'formula');
  return {
    formula: formula ? ownText(child(formula, 'p')!) : '',
    preambular: children(preamble, 'container').map((c, i) => readBlock(c, String(i + 1))),
    operative: children(elements(doc, 'mainBody')[0], 'paragraph').map(readHier),
  };
}

export const attr = (e: Element, name: string): string => e.getAttribute(name) ?? '';
