import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser, Store } from 'n3';

/** ontology/shapes.ttl, found from this module both as TypeScript source (src/validate) and
 *  compiled (dist/validate): both sit two levels below the project root. */
export const SHAPES_FILE = path.resolve(__dirname, '..', '..', 'ontology', 'shapes.ttl');

/** Parse the SHACL shapes (ontology/shapes.ttl unless another file is given) into a store. */
export async function loadShapes(file: string = SHAPES_FILE): Promise<Store> {
  const turtle = await readFile(file, 'utf8');
  return new Store(new Parser({ baseIRI: `file://${file}` }).parse(turtle));
}
