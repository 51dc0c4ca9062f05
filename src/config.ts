import { accessSync, constants } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import {
  DEFAULT_CLIENT_QUERY_LIMIT,
  DEFAULT_COMPACT_ENTRIES,
  DEFAULT_OWN_DEFAULT_GRAPH,
  DEFAULT_QUERY_TIMEOUT_MS,
  DEFAULT_QUEUE_LIMIT,
  DEFAULT_REMOTE_CONNECTIONS,
  DEFAULT_REMOTE_FRESHNESS_MS,
  DEFAULT_REMOTE_MAX_ROWS,
  DEFAULT_SPARE_WORKERS,
  DEFAULT_WORKERS,
  type RemoteAuthScheme,
} from './graph';
import { DEFAULT_HTTP_MAX_AGE_SECONDS, DEFAULT_MAX_EVENT_LOOP_DELAY_MS, DEFAULT_RATE_LIMIT, MAX_HTTP_MAX_AGE_SECONDS } from './http';
import { createIriScheme, DEFAULT_BASE, isAbsoluteIri } from './vocab';

/** The service's configuration: built from environment variables once, in loadConfig, and
 *  passed down. Nothing else reads process.env. */
export interface AppConfig {
  /** Base of every IRI the service mints (UNKG_BASE). */
  base: string;
  /** Interface to listen on (UNKG_HOST); loopback unless told otherwise. */
  host: string;
  port: number;
  /** Public root URL of the service, ending in '/' (UNKG_PUBLIC_URL); when absent each
   *  response derives it from the request's Host. */
  publicUrl?: string;
  /** Query worker threads, each holding a copy of the dataset (UNKG_WORKERS). */
  workers: number;
  queryTimeoutMs: number;
  /** Keep serialised query results until the next write (UNKG_RESULT_CACHE=off disables). */
  resultCache: boolean;
  /** `max-age` of the answers that carry an ETag (UNKG_HTTP_MAX_AGE, seconds; 0: revalidate each time). */
  httpMaxAgeSeconds: number;
  /** Enables SPARQL Update and Graph Store writes, for `Authorization: Bearer <token>`. */
  writeToken?: string;
  /** Origins (scheme://host[:port]) whose pages may send the write token cross-origin
   *  (UNKG_CORS_WRITE_ORIGINS, comma-separated); every other origin may only read. */
  corsWriteOrigins?: string[];
  /** Journal of accepted writes (UNKG_JOURNAL; "none" keeps writes in memory only). */
  journalPath?: string;
  /** Reload the graphs of data.graphDir when its files change, without a restart (UNKG_WATCH=off disables). */
  watch: boolean;
  /** Journal entries that trigger a compaction into a snapshot (UNKG_JOURNAL_COMPACT_ENTRIES; 0: never). */
  journalCompactEntries: number;
  /** Loaded workers kept aside to replace a stopped one at once (UNKG_SPARE_WORKERS). */
  spareWorkers: number;
  /** Queries waiting for a worker beyond which new ones get 503 (UNKG_QUEUE_LIMIT). */
  queueLimit: number;
  /** Queries one client may have queued or running beyond which its new ones get 503 (UNKG_CLIENT_QUERIES). */
  clientQueryLimit: number;
  /** Requests per minute per client address beyond which it gets 429 (UNKG_RATE_LIMIT; 0: no limit). */
  rateLimit: number;
  /** Event-loop delay beyond which requests get 503 (UNKG_MAX_EVENT_LOOP_DELAY_MS; 0: no check). */
  maxEventLoopDelayMs: number;
  /** The reverse proxies in front of the service (UNKG_TRUST_PROXY: addresses or CIDR ranges,
   *  comma-separated, or a hop count). A request from one of them is attributed to the client
   *  its X-Forwarded-For names (per-client limits, logs), and its X-Forwarded-Proto and
   *  X-Forwarded-Host make the public URL. Absent: the peer address is the client. */
  trustProxy?: string[] | number;
  data: {
    /** Generated resolution graphs, *.nq (UNKG_GRAPH_DIR). */
    graphDir: string;
    /** Ontology, *.ttl (UNKG_ONTOLOGY_DIR). */
    ontologyDir: string;
    /** Curated reference data, *.ttl (UNKG_REFERENCE_DIR). */
    referenceDir: string;
    /** Named analyst queries, *.rq (UNKG_QUERIES_DIR). */
    queriesDir: string;
  };
  logLevel: LogLevel;
  /** Log lines for a person (pino-pretty: time, level, message, coloured) rather than JSON
   *  (UNKG_LOG_FORMAT: auto, the default, is pretty when standard output is a terminal). */
  logPretty: boolean;
  /** Present when UNKG_STORE=remote: the service serves a remote SPARQL 1.1 store instead of
   *  loading the data into the embedded one. */
  remoteStore?: RemoteStoreConfig;
}

/** The remote store's endpoints and how to reach them (UNKG_REMOTE_*). The credentials stay
 *  in their file: only its path is kept here, and it is read when the store is opened. */
export interface RemoteStoreConfig {
  queryUrl: string;
  updateUrl: string;
  gspUrl: string;
  auth: RemoteAuthScheme;
  credentialsFile?: string;
  connections: number;
  maxRows: number;
  freshnessMs: number;
  defaultGraph: string;
}

export const STORE_BACKENDS = ['embedded', 'remote'] as const;
export const REMOTE_AUTH_SCHEMES: readonly RemoteAuthScheme[] = ['none', 'basic', 'digest', 'bearer'];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A write token shorter than this is refused: it would be guessable. */
export const MIN_WRITE_TOKEN_LENGTH = 16;
export const MAX_WORKERS = 32;

/** UNKG_TRUST_PROXY: a hop count, or addresses and CIDR ranges (IPv4 or IPv6). Trusting every
 *  peer is not offered: any client could then choose its own address. */
function trustedProxies(raw: string | undefined, problems: string[]): string[] | number | undefined {
  if (raw === undefined || raw.toLowerCase() === 'off') return undefined;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops >= 1 && hops <= 16) return hops;
  }
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const wrong = entries.filter((entry) => {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (!family || rest.length) return true;
    return prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  if (!entries.length || wrong.length) {
    problems.push(
      `UNKG_TRUST_PROXY must be a hop count from 1 to 16 or addresses and CIDR ranges such as 127.0.0.1,10.0.0.0/8; got ${JSON.stringify(wrong[0] ?? raw)}`,
    );
    return undefined;
  }
  return entries;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/** The project root (the folder holding src/ or dist/). */
const PROJECT_ROOT = resolve(__dirname, '..');

/** Reads and validates the configuration. Relative paths are resolved against UNKG_ROOT,
 *  by default the project folder. Every problem is reported at once. `terminal` says whether
 *  standard output is a terminal (for UNKG_LOG_FORMAT=auto); by default it is not. */
export function loadConfig(env: Env, terminal: { stdoutIsTTY?: boolean } = {}): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
      return fallback;
    }
    return value;
  };
  const root = resolve(text('UNKG_ROOT') ?? PROJECT_ROOT);
  const path = (name: string, fallback: string) => {
    const value = text(name) ?? fallback;
    return isAbsolute(value) ? value : resolve(root, value);
  };

  const base = text('UNKG_BASE') ?? DEFAULT_BASE;
  try {
    createIriScheme(base);
  } catch (error) {
    problems.push(`UNKG_BASE: ${(error as Error).message}`);
  }
  const host = text('UNKG_HOST') ?? '127.0.0.1';
  const port = integer('UNKG_PORT', 8080, 0, 65535);

  let publicUrl = text('UNKG_PUBLIC_URL');
  if (publicUrl !== undefined) {
    if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(publicUrl))
      problems.push(`UNKG_PUBLIC_URL must be an http(s) URL without query or fragment; got ${JSON.stringify(publicUrl)}`);
    else if (!publicUrl.endsWith('/')) publicUrl += '/';
  }

  const workers = integer('UNKG_WORKERS', DEFAULT_WORKERS, 1, MAX_WORKERS);
  const queryTimeoutMs = integer('UNKG_QUERY_TIMEOUT_MS', DEFAULT_QUERY_TIMEOUT_MS, 1, 24 * 60 * 60 * 1000);
  const cacheSetting = text('UNKG_RESULT_CACHE')?.toLowerCase() ?? 'on';
  if (!['on', 'off'].includes(cacheSetting)) problems.push(`UNKG_RESULT_CACHE must be on or off; got ${JSON.stringify(cacheSetting)}`);

  const httpMaxAgeSeconds = integer('UNKG_HTTP_MAX_AGE', DEFAULT_HTTP_MAX_AGE_SECONDS, 0, MAX_HTTP_MAX_AGE_SECONDS);

  const writeToken = text('UNKG_WRITE_TOKEN');
  if (writeToken !== undefined && (writeToken.length < MIN_WRITE_TOKEN_LENGTH || /\s/.test(writeToken))) {
    problems.push(`UNKG_WRITE_TOKEN must be at least ${MIN_WRITE_TOKEN_LENGTH} characters without spaces`);
  }
  const corsWriteOrigins = (text('UNKG_CORS_WRITE_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsWriteOrigins) {
    if (!/^https?:\/\/[^\s/?#*]+$/.test(origin))
      problems.push(`UNKG_CORS_WRITE_ORIGINS must list origins such as https://editor.example.org (no path, no wildcard); got ${JSON.stringify(origin)}`);
  }
  const journal = text('UNKG_JOURNAL');
  const watchSetting = text('UNKG_WATCH')?.toLowerCase() ?? 'on';
  if (!['on', 'off'].includes(watchSetting)) problems.push(`UNKG_WATCH must be on or off; got ${JSON.stringify(watchSetting)}`);
  const journalCompactEntries = integer('UNKG_JOURNAL_COMPACT_ENTRIES', DEFAULT_COMPACT_ENTRIES, 0, 10_000_000);
  const spareWorkers = integer('UNKG_SPARE_WORKERS', DEFAULT_SPARE_WORKERS, 0, MAX_WORKERS);
  const queueLimit = integer('UNKG_QUEUE_LIMIT', DEFAULT_QUEUE_LIMIT, 1, 100_000);
  const clientQueryLimit = integer('UNKG_CLIENT_QUERIES', DEFAULT_CLIENT_QUERY_LIMIT, 1, 100_000);
  const rateLimit = integer('UNKG_RATE_LIMIT', DEFAULT_RATE_LIMIT, 0, 100_000_000);
  const maxEventLoopDelayMs = integer('UNKG_MAX_EVENT_LOOP_DELAY_MS', DEFAULT_MAX_EVENT_LOOP_DELAY_MS, 0, 600_000);
  const trustProxy = trustedProxies(text('UNKG_TRUST_PROXY'), problems);

  const logFormat = text('UNKG_LOG_FORMAT')?.toLowerCase() ?? 'auto';
  if (!['auto', 'pretty', 'json'].includes(logFormat)) problems.push(`UNKG_LOG_FORMAT must be auto, pretty or json; got ${JSON.stringify(logFormat)}`);
  const logLevel = (text('UNKG_LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`UNKG_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(logLevel)}`);

  const remoteStore = remoteStoreConfig(text, integer, path, problems);

  const config: AppConfig = {
    base,
    host,
    port,
    ...(publicUrl ? { publicUrl } : {}),
    workers,
    queryTimeoutMs,
    resultCache: cacheSetting !== 'off',
    httpMaxAgeSeconds,
    ...(writeToken ? { writeToken } : {}),
    ...(corsWriteOrigins.length ? { corsWriteOrigins } : {}),
    ...(journal === 'none' ? {} : { journalPath: path('UNKG_JOURNAL', 'var/journal.jsonl') }),
    watch: watchSetting !== 'off',
    journalCompactEntries,
    spareWorkers,
    queueLimit,
    clientQueryLimit,
    rateLimit,
    maxEventLoopDelayMs,
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    data: {
      graphDir: path('UNKG_GRAPH_DIR', 'data/graph'),
      ontologyDir: path('UNKG_ONTOLOGY_DIR', 'ontology'),
      referenceDir: path('UNKG_REFERENCE_DIR', 'data/reference'),
      queriesDir: path('UNKG_QUERIES_DIR', 'queries'),
    },
    logLevel,
    logPretty: logFormat === 'pretty' || (logFormat === 'auto' && terminal.stdoutIsTTY === true),
    ...(remoteStore ? { remoteStore } : {}),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function remoteStoreConfig(
  text: (name: string) => string | undefined,
  integer: (name: string, fallback: number, min: number, max: number) => number,
  path: (name: string, fallback: string) => string,
  problems: string[],
): RemoteStoreConfig | undefined {
  const backend = text('UNKG_STORE')?.toLowerCase() ?? 'embedded';
  if (!(STORE_BACKENDS as readonly string[]).includes(backend)) {
    problems.push(`UNKG_STORE must be one of ${STORE_BACKENDS.join(', ')}; got ${JSON.stringify(backend)}`);
    return undefined;
  }
  if (backend !== 'remote') return undefined;
  const url = (name: string, fallback?: string): string => {
    const value = text(name) ?? fallback;
    if (value === undefined) problems.push(`${name} is required with UNKG_STORE=remote`);
    else if (!/^https?:\/\/[^\s/?#]+(\/[^\s#]*)?$/.test(value)) problems.push(`${name} must be an http(s) URL; got ${JSON.stringify(value)}`);
    return value ?? '';
  };
  const queryUrl = url('UNKG_REMOTE_QUERY_URL');
  const updateUrl = url('UNKG_REMOTE_UPDATE_URL', text('UNKG_REMOTE_QUERY_URL'));
  const gspUrl = url('UNKG_REMOTE_GSP_URL');
  const auth = (text('UNKG_REMOTE_AUTH')?.toLowerCase() ?? 'none') as RemoteAuthScheme;
  if (!REMOTE_AUTH_SCHEMES.includes(auth)) problems.push(`UNKG_REMOTE_AUTH must be one of ${REMOTE_AUTH_SCHEMES.join(', ')}; got ${JSON.stringify(auth)}`);
  let credentialsFile: string | undefined;
  if (auth !== 'none') {
    if (text('UNKG_REMOTE_CREDENTIALS_FILE') === undefined) problems.push(`UNKG_REMOTE_CREDENTIALS_FILE is required with UNKG_REMOTE_AUTH=${auth}`);
    else {
      credentialsFile = path('UNKG_REMOTE_CREDENTIALS_FILE', '');
      try {
        accessSync(credentialsFile, constants.R_OK);
      } catch {
        problems.push(`UNKG_REMOTE_CREDENTIALS_FILE: ${credentialsFile} cannot be read`);
      }
    }
  }
  const defaultGraph = text('UNKG_REMOTE_DEFAULT_GRAPH') ?? DEFAULT_OWN_DEFAULT_GRAPH;
  if (!isAbsoluteIri(defaultGraph) || /\s/.test(defaultGraph))
    problems.push(`UNKG_REMOTE_DEFAULT_GRAPH must be an absolute IRI; got ${JSON.stringify(defaultGraph)}`);
  return {
    queryUrl,
    updateUrl,
    gspUrl,
    auth,
    ...(credentialsFile ? { credentialsFile } : {}),
    connections: integer('UNKG_REMOTE_CONNECTIONS', DEFAULT_REMOTE_CONNECTIONS, 1, 1024),
    maxRows: integer('UNKG_REMOTE_MAX_ROWS', DEFAULT_REMOTE_MAX_ROWS, 2, 1_000_000_000),
    freshnessMs: integer('UNKG_REMOTE_FRESHNESS_MS', DEFAULT_REMOTE_FRESHNESS_MS, 1, 24 * 60 * 60 * 1000),
    defaultGraph,
  };
}
