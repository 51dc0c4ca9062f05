import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The SDL files live beside this module in src/; a compiled build (dist/) reads them from src/. */
function schemaDirectory(): string {
  const candidates = [__dirname, resolve(__dirname, '../../../src/graphql/schema')];
  const found = candidates.find((dir) => existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.graphql')));
  if (!found) throw new Error(`No *.graphql schema files in ${candidates.join(' or ')}`);
  return found;
}

export const SCHEMA_DIRECTORY = schemaDirectory();

/** The schema's SDL: every *.graphql file of the schema folder, in name order. */
export const typeDefs: string[] = readdirSync(SCHEMA_DIRECTORY)
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => readFileSync(join(SCHEMA_DIRECTORY, name), 'utf8'));
