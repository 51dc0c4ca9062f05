import { rmSync } from 'node:fs';
import { SEED_BUILD_ENV } from './seedData';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env[SEED_BUILD_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
