import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../src/config';
import { DEFAULT_BASE } from '../src/vocab';

const ROOT = resolve(__dirname, '..');

describe('loadConfig', () => {
  it('has safe defaults: loopback, port 8080, read-only, two workers, 30 s', () => {
    expect(loadConfig({})).toEqual({
      base: DEFAULT_BASE,
      host: '127.0.0.1',
      port: 8080,
      workers: 2,
      queryTimeoutMs: 30_000,
      resultCache: true,
      httpMaxAgeSeconds: 60,
      journalPath: resolve(ROOT, 'var/journal.jsonl'),
      watch: true,
      journalCompactEntries: 1_000,
      spareWorkers: 1,
      queueLimit: 128,
      clientQueryLimit: 16,
      rateLimit: 6_000,
      maxEventLoopDelayMs: 1_000,
      data: {
        graphDir: resolve(ROOT, 'data/graph'),
        ontologyDir: resolve(ROOT, 'ontology'),
        referenceDir: resolve(ROOT, 'data/reference'),
        queriesDir: resolve(ROOT, 'queries'),
      },
      logLevel: 'info',
      logPretty: false,
    });
  });

  it('reads every setting from UNKG_ variables', () => {
    const config = loadConfig({
      UNKG_BASE: 'https://kg.example.org/',
      UNKG_HOST: '0.0.0.0',
      UNKG_PORT: '9000',
      UNKG_PUBLIC_URL: 'https://kg.example.org/service',
      UNKG_WORKERS: '4',
      UNKG_QUERY_TIMEOUT_MS: '5000',
      UNKG_WRITE_TOKEN: 'a-long-enough-write-token',
      UNKG_JOURNAL: '/srv/unkg/journal.jsonl',
      UNKG_ROOT: '/srv/unkg',
      UNKG_GRAPH_DIR: 'graphs',
      UNKG_LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      base: 'https://kg.example.org/',
      host: '0.0.0.0',
      port: 9000,
      publicUrl: 'https://kg.example.org/service/',
      workers: 4,
      queryTimeoutMs: 5000,
      writeToken: 'a-long-enough-write-token',
      journalPath: '/srv/unkg/journal.jsonl',
      data: { graphDir: '/srv/unkg/graphs', ontologyDir: '/srv/unkg/ontology', referenceDir: '/srv/unkg/data/reference', queriesDir: '/srv/unkg/queries' },
      logLevel: 'warn',
    });
  });

  it('reads the admission limits, where 0 turns the rate limit, the pressure check and compaction off', () => {
    expect(
      loadConfig({
        UNKG_SPARE_WORKERS: '0',
        UNKG_QUEUE_LIMIT: '10',
        UNKG_CLIENT_QUERIES: '3',
        UNKG_RATE_LIMIT: '0',
        UNKG_MAX_EVENT_LOOP_DELAY_MS: '0',
        UNKG_JOURNAL_COMPACT_ENTRIES: '0',
      }),
    ).toMatchObject({ spareWorkers: 0, queueLimit: 10, clientQueryLimit: 3, rateLimit: 0, maxEventLoopDelayMs: 0, journalCompactEntries: 0 });
    expect(() => loadConfig({ UNKG_QUEUE_LIMIT: '0' })).toThrow('UNKG_QUEUE_LIMIT must be an integer from 1 to 100000; got "0"');
  });

  it('keeps writes in memory with UNKG_JOURNAL=none', () => {
    expect(loadConfig({ UNKG_JOURNAL: 'none' }).journalPath).toBeUndefined();
  });

  it('reports every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        UNKG_BASE: 'https://kg.example.org/no-slash',
        UNKG_PORT: '80000',
        UNKG_WORKERS: 'two',
        UNKG_PUBLIC_URL: 'ftp://x',
        UNKG_WRITE_TOKEN: 'short',
        UNKG_LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      "UNKG_BASE: base IRI must be an http(s) IRI ending in '/': https://kg.example.org/no-slash",
      'UNKG_PORT must be an integer from 0 to 65535; got "80000"',
      'UNKG_PUBLIC_URL must be an http(s) URL without query or fragment; got "ftp://x"',
      'UNKG_WORKERS must be an integer from 1 to 32; got "two"',
      'UNKG_WRITE_TOKEN must be at least 16 characters without spaces',
      'UNKG_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "loud"',
    ]);
  });
});

describe('UNKG_RESULT_CACHE', () => {
  it('keeps query results until the next write unless turned off', () => {
    expect(loadConfig({}).resultCache).toBe(true);
    expect(loadConfig({ UNKG_RESULT_CACHE: 'off' }).resultCache).toBe(false);
    expect(() => loadConfig({ UNKG_RESULT_CACHE: 'maybe' })).toThrow(/UNKG_RESULT_CACHE must be on or off/);
  });
});

describe('UNKG_CORS_WRITE_ORIGINS', () => {
  it('names no origin by default, and reads a comma-separated list', () => {
    expect(loadConfig({}).corsWriteOrigins).toBeUndefined();
    expect(loadConfig({ UNKG_CORS_WRITE_ORIGINS: ' https://editor.example.org, http://localhost:3000 ' }).corsWriteOrigins).toEqual([
      'https://editor.example.org',
      'http://localhost:3000',
    ]);
  });

  it.each(['*', 'https://editor.example.org/app', 'editor.example.org'])('refuses %j, which is not an origin', (origin) => {
    expect(() => loadConfig({ UNKG_CORS_WRITE_ORIGINS: origin })).toThrow(/UNKG_CORS_WRITE_ORIGINS must list origins/);
  });
});

describe('UNKG_TRUST_PROXY', () => {
  it('trusts no proxy by default, and reads addresses, CIDR ranges or a hop count', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ UNKG_TRUST_PROXY: 'off' }).trustProxy).toBeUndefined();
    expect(loadConfig({ UNKG_TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8 ,::1, fd00::/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    expect(loadConfig({ UNKG_TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it.each(['true', '*', '10.0.0.0/33', 'proxy.example.org', '0', '127.0.0.1/8/1', ','])('refuses %j', (value) => {
    expect(() => loadConfig({ UNKG_TRUST_PROXY: value })).toThrow(/UNKG_TRUST_PROXY must be a hop count from 1 to 16 or addresses and CIDR ranges/);
  });
});

describe('UNKG_WATCH', () => {
  it('reloads the graph folder on change unless turned off', () => {
    expect(loadConfig({}).watch).toBe(true);
    expect(loadConfig({ UNKG_WATCH: 'off' }).watch).toBe(false);
    expect(() => loadConfig({ UNKG_WATCH: 'sometimes' })).toThrow(/UNKG_WATCH must be on or off; got "sometimes"/);
  });
});

describe('UNKG_LOG_FORMAT', () => {
  it('writes log lines for a person when standard output is a terminal, JSON otherwise', () => {
    expect(loadConfig({}).logPretty).toBe(false);
    expect(loadConfig({}, { stdoutIsTTY: true }).logPretty).toBe(true);
    expect(loadConfig({ UNKG_LOG_FORMAT: 'json' }, { stdoutIsTTY: true }).logPretty).toBe(false);
    expect(loadConfig({ UNKG_LOG_FORMAT: 'pretty' }).logPretty).toBe(true);
    expect(() => loadConfig({ UNKG_LOG_FORMAT: 'colour' })).toThrow(/UNKG_LOG_FORMAT must be auto, pretty or json; got "colour"/);
  });
});

describe('loadConfig for a remote store', () => {
  const credentials = join(mkdtempSync(join(tmpdir(), 'unkg-config-')), 'credentials');
  writeFileSync(credentials, 'writer:secret\n');

  it('reads the remote store of UNKG_STORE=remote, keeping only the path of the credentials', () => {
    const config = loadConfig({
      UNKG_STORE: 'remote',
      UNKG_REMOTE_QUERY_URL: 'http://127.0.0.1:8890/sparql-auth',
      UNKG_REMOTE_GSP_URL: 'http://127.0.0.1:8890/sparql-graph-crud-auth',
      UNKG_REMOTE_AUTH: 'digest',
      UNKG_REMOTE_CREDENTIALS_FILE: credentials,
      UNKG_REMOTE_FRESHNESS_MS: '500',
    });
    expect(config.remoteStore).toEqual({
      queryUrl: 'http://127.0.0.1:8890/sparql-auth',
      updateUrl: 'http://127.0.0.1:8890/sparql-auth',
      gspUrl: 'http://127.0.0.1:8890/sparql-graph-crud-auth',
      auth: 'digest',
      credentialsFile: credentials,
      connections: 16,
      maxRows: 10_000,
      freshnessMs: 500,
      defaultGraph: 'urn:x-unkg:default-graph',
    });
    expect(JSON.stringify(config)).not.toContain('secret');
  });

  it('reports every missing or wrong remote setting at once', () => {
    expect(() => loadConfig({ UNKG_STORE: 'remote', UNKG_REMOTE_AUTH: 'kerberos', UNKG_REMOTE_GSP_URL: 'ftp://x' })).toThrow(
      expect.objectContaining({
        problems: [
          'UNKG_REMOTE_QUERY_URL is required with UNKG_STORE=remote',
          'UNKG_REMOTE_UPDATE_URL is required with UNKG_STORE=remote',
          'UNKG_REMOTE_GSP_URL must be an http(s) URL; got "ftp://x"',
          'UNKG_REMOTE_AUTH must be one of none, basic, digest, bearer; got "kerberos"',
          'UNKG_REMOTE_CREDENTIALS_FILE is required with UNKG_REMOTE_AUTH=kerberos',
        ],
      }),
    );
    expect(() => loadConfig({ UNKG_STORE: 'cloud' })).toThrow(/UNKG_STORE must be one of embedded, remote; got "cloud"/);
  });

  it('refuses a credentials file it cannot read', () => {
    expect(() =>
      loadConfig({
        UNKG_STORE: 'remote',
        UNKG_REMOTE_QUERY_URL: 'http://h/q',
        UNKG_REMOTE_GSP_URL: 'http://h/g',
        UNKG_REMOTE_AUTH: 'basic',
        UNKG_REMOTE_CREDENTIALS_FILE: '/nonexistent/credentials',
      }),
    ).toThrow(/UNKG_REMOTE_CREDENTIALS_FILE: \/nonexistent\/credentials cannot be read/);
  });
});
