import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeAtomically } from '../writeAtomically';
import type { BuiltDocument } from './buildOneDocument';

/** The record of a build, kept next to its output (`<outDir>/.unkg-build.json`), that lets the
 *  next build skip the documents whose graphs it would write again byte for byte: those whose
 *  source has the same content hash, built with the same fingerprint (base IRI, reference
 *  data, SDG vocabulary and the code of the ingest), whose outputs are still there with the
 *  sizes written. */
export const MANIFEST_FILE = '.unkg-build.json';
const MANIFEST_FORMAT = 1;

/** What the manifest keeps of a built document: what the build reported, and the sha256 of
 *  the source's bytes. */
export interface ManifestEntry extends BuiltDocument {
  source: string;
}

export interface BuildManifest {
  format: number;
  fingerprint: string;
  /** By source path, relative to the output folder. */
  documents: Record<string, ManifestEntry>;
}

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** The fingerprint of everything besides a document that its graph depends on. */
export function buildFingerprint(inputs: { base: string; referenceDir: string; sdgFile?: string }): string {
  const hash = createHash('sha256').update(`format ${MANIFEST_FORMAT}\nbase ${inputs.base}\n`);
  const add = (label: string, path: string) => hash.update(`${label}\n`).update(readFileSync(path)).update('\n');
  for (const name of readdirSync(inputs.referenceDir).filter((n) => n.endsWith('.ttl')).sort()) add(`reference ${name}`, join(inputs.referenceDir, name));
  if (inputs.sdgFile) add('sdg', inputs.sdgFile);
  // The code that turns a document into its graph: a change to it changes every output.
  for (const path of codeFiles()) add(`code ${relative(CODE_ROOT, path)}`, path);
  return hash.digest('hex');
}

/** src/ (or dist/) : the ingest and the build's own writing of a document. */
const CODE_ROOT = resolve(__dirname, '..', '..');
const CODE_PARTS = [join(CODE_ROOT, 'ingest'), join(CODE_ROOT, 'vocab'), join(CODE_ROOT, 'build')];

function codeFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const part of CODE_PARTS) if (existsSync(part)) walk(part);
  return files;
}

/** The manifest of the previous build in `outDir`; an empty one when there is none or it
 *  cannot be read (everything is then built). */
export function readManifest(outDir: string): BuildManifest {
  const empty: BuildManifest = { format: MANIFEST_FORMAT, fingerprint: '', documents: {} };
  try {
    const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), 'utf8')) as BuildManifest;
    return manifest.format === MANIFEST_FORMAT && typeof manifest.documents === 'object' && manifest.documents ? manifest : empty;
  } catch {
    return empty;
  }
}

export function writeManifest(outDir: string, manifest: BuildManifest): void {
  writeAtomically(new Map([[join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`]]));
}

/** The key of a source in the manifest. */
export const manifestKey = (outDir: string, file: string): string => relative(outDir, resolve(file));

/** True when both outputs of `entry` are in `outDir` with the sizes it records. */
export function outputsIntact(outDir: string, entry: ManifestEntry): boolean {
  return ['nq', 'ttl'].every((extension, i) => {
    try {
      return statSync(join(outDir, `${entry.stem}.${extension}`)).size === entry.sizes[i];
    } catch {
      return false;
    }
  });
}
