import { readFileSync } from 'node:fs';

/** A test that is expected to fail, and why. */
export interface KnownFailure {
  test: string;
  reason: string;
}

/** One failing test of a run. */
export interface Failure {
  test: string;
  name: string;
  message: string;
}

export interface Comparison {
  /** Failures that are not in the known list: a change broke them. */
  regressions: Failure[];
  /** Known failures that passed in this run (the list can be shortened). */
  nowPassing: KnownFailure[];
  /** Known failures whose test did not run at all (renamed, removed, or its suite skipped). */
  notRun: KnownFailure[];
}

export function readKnownFailures(path: string): KnownFailure[] {
  const entries = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${path} must hold a JSON array of { "test": IRI, "reason": text }`);
  for (const entry of entries as Partial<KnownFailure>[]) {
    if (typeof entry?.test !== 'string' || typeof entry.reason !== 'string' || !entry.reason.trim()) {
      throw new Error(`${path}: each entry needs a test IRI and a reason; got ${JSON.stringify(entry)}`);
    }
  }
  return entries as KnownFailure[];
}

/** Compares the failures of a run with the known list. `ran` holds the IRI of every test that ran. */
export function compareWithKnownFailures(failures: Failure[], ran: ReadonlySet<string>, known: KnownFailure[]): Comparison {
  const knownIris = new Set(known.map((entry) => entry.test));
  const failing = new Set(failures.map((failure) => failure.test));
  return {
    regressions: failures.filter((failure) => !knownIris.has(failure.test)),
    nowPassing: known.filter((entry) => ran.has(entry.test) && !failing.has(entry.test)),
    notRun: known.filter((entry) => !ran.has(entry.test)),
  };
}
