import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** The registry of persisted operations: one named operation per *.graphql file of this
 *  folder, keyed by the SHA-256 of the file's text (hex), as Apollo's automatic persisted
 *  queries send it: `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<hash>"}}}`.
 *  Front ends send the hash instead of the text; the manifest (GET /graphql/operations) lists
 *  every name with its hash and text. */
export interface PersistedOperation {
  name: string;
  sha256Hash: string;
  document: string;
}

function operationsDirectory(): string {
  const candidates = [__dirname, resolve(__dirname, '../../../src/graphql/persisted')];
  return candidates.find((dir) => existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.graphql'))) ?? __dirname;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const PERSISTED_OPERATIONS: readonly PersistedOperation[] = readdirSync(operationsDirectory())
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => {
    const document = readFileSync(join(operationsDirectory(), name), 'utf8');
    return { name: basename(name, '.graphql'), sha256Hash: sha256(document), document };
  });

const BY_HASH = new Map(PERSISTED_OPERATIONS.map((operation) => [operation.sha256Hash, operation]));

export const persistedOperation = (hash: string): PersistedOperation | undefined => BY_HASH.get(hash);

export const persistedOperationNamed = (name: string): PersistedOperation | undefined => PERSISTED_OPERATIONS.find((operation) => operation.name === name);
