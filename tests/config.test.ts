import { resolve } from 'node:path';
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
      data: {
        graphDir: resolve(ROOT, 'data/graph'),
        ontologyDir: resolve(ROOT, 'ontology'),
        referenceDir: resolve(ROOT, 'data/reference'),
        queriesDir: resolve(ROOT, 'queries'),
      },
      logLevel: 'info',
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
