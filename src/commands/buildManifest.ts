/** The record `unkg build` keeps next to its output (`<out>/.unkg-build.json`), which lets the
 *  next build skip the resolutions whose graphs it would write again byte for byte: each
 *  source's content hash with the symbol and language read from it, each resolution's sources,
 *  outputs and report, and a fingerprint of everything else a graph depends on (the base IRI,
 *  the reference data, the SDG vocabulary, the code of the ingest and the packages that read
 *  PDF and Word files). A resolution's graph depends on no other resolution. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { DocumentReport } from './buildReport';
import { writeAtomically } from './writeAtomically';

export const MANIFEST_FILE = '.unkg-build.json';
const MANIFEST_FORMAT = 1;

export interface SourceEntry {
  /** The source's path relative to the output folder. */
  key: string;
  sha256: string;
  symbol: string;
  language: string;
}

export interface DocumentEntry {
  symbol: string;
  stem: string;
  /** Keys of its sources, in the order the build read them. */
  sources: string[];
  /** Bytes of its N-Quads and Turtle files. */
  sizes: [number, number];
  report: DocumentReport;
}

export interface BuildManifest {
  fingerprint: string;
  sources: Map<string, SourceEntry>;
  documents: Map<string, DocumentEntry>;
}

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** The code that turns a source into its graph: src/ (or dist/) ingest, vocab and commands. */
const CODE_ROOT = resolve(__dirname, '..');
const CODE_PARTS = ['ingest', 'vocab', 'commands'];
const PACKAGES = ['n3', 'unpdf', 'mammoth'];

function codeFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return codeFiles(path);
      return /\.(ts|js|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
    });
}

/** The version of an installed package ('' when it cannot be found). */
function packageVersion(name: string): string {
  try {
    let dir = dirname(require.resolve(name));
    while (dir !== dirname(dir)) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (json.name === name) return json.version ?? '';
      }
      dir = dirname(dir);
    }
  } catch {
    // not installed: its part of the fingerprint is empty
  }
  return '';
}

/** The fingerprint of everything besides its sources that a resolution's graph depends on. */
export function buildFingerprint(inputs: { base: string; referenceDir: string; sdgFile?: string }): string {
  const hash = createHash('sha256').update(`format ${MANIFEST_FORMAT}\nbase ${inputs.base}\n`);
  const add = (label: string, path: string) => {
    const bytes = readFileSync(path);
    hash.update(`${label} ${bytes.length}\n`).update(bytes).update('\n');
  };
  for (const name of readdirSync(inputs.referenceDir)
    .filter((n) => n.endsWith('.ttl'))
    .sort()) {
    add(`reference ${name}`, join(inputs.referenceDir, name));
  }
  if (inputs.sdgFile) add('sdg', inputs.sdgFile);
  for (const part of CODE_PARTS) for (const path of codeFiles(join(CODE_ROOT, part))) add(`code ${relative(CODE_ROOT, path)}`, path);
  for (const name of PACKAGES) hash.update(`package ${name} ${packageVersion(name)}\n`);
  return hash.digest('hex');
}

/** The key of a source in the manifest: its path relative to the output folder. */
export const sourceKey = (outDir: string, file: string): string => relative(resolve(outDir), resolve(file));

/** The manifest of the previous build in `outDir`; an empty one when there is none, or it
 *  cannot be read (everything is then built). */
export function readManifest(outDir: string): BuildManifest {
  const empty: BuildManifest = { fingerprint: '', sources: new Map(), documents: new Map() };
  try {
    const json = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), 'utf8')) as {
      format: number;
      fingerprint: string;
      sources: SourceEntry[];
      documents: DocumentEntry[];
    };
    if (json.format !== MANIFEST_FORMAT || !Array.isArray(json.sources) || !Array.isArray(json.documents)) return empty;
    return {
      fingerprint: json.fingerprint,
      sources: new Map(json.sources.map((s) => [s.key, s])),
      documents: new Map(json.documents.map((d) => [d.symbol, d])),
    };
  } catch {
    return empty;
  }
}

export function writeManifest(outDir: string, manifest: BuildManifest): void {
  const json = {
    format: MANIFEST_FORMAT,
    fingerprint: manifest.fingerprint,
    sources: [...manifest.sources.values()],
    documents: [...manifest.documents.values()],
  };
  const path = join(outDir, MANIFEST_FILE);
  const text = `${JSON.stringify(json)}\n`;
  // A build that changed nothing leaves the record as it was.
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeAtomically(new Map([[path, text]]));
}

/** True when a resolution's two outputs are in `outDir` with the sizes last written. */
export function outputsIntact(outDir: string, entry: DocumentEntry): boolean {
  return ['nq', 'ttl'].every((extension, i) => {
    try {
      return statSync(join(outDir, `${entry.stem}.${extension}`)).size === entry.sizes[i];
    } catch {
      return false;
    }
  });
}
