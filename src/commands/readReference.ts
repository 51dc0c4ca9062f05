/** Curated reference data (data/reference/*.ttl), read and moved to the configured base. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFactory, Parser } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { rebaseIri } from '../vocab';

export function parseTurtleFile(path: string, base?: string): Quad[] {
  const text = readFileSync(path, 'utf8');
  try {
    const quads = new Parser({ baseIRI: 'file://' + path }).parse(text);
    return base ? quads.map((q) => rebaseQuad(q, base)) : quads;
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`, { cause: e });
  }
}

function rebaseTerm<T extends Term>(t: T, base: string): T {
  return (t.termType === 'NamedNode' ? DataFactory.namedNode(rebaseIri(t.value, base)) : t) as T;
}

export function rebaseQuad(q: Quad, base: string): Quad {
  return DataFactory.quad(rebaseTerm(q.subject, base), rebaseTerm(q.predicate, base), rebaseTerm(q.object, base), rebaseTerm(q.graph, base));
}

export function turtleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ttl'))
    .sort()
    .map((f) => join(dir, f));
}

export function readReference(dir: string, base?: string): Quad[] {
  return turtleFiles(dir).flatMap((f) => parseTurtleFile(f, base));
}
