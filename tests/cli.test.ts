import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandUsage, parseCommand, UsageError } from '../src/cli';
import { MANIFEST_FILE } from '../src/commands';
import { EN_FIXTURE, FR_GA_FIXTURE, ROOT } from './ingest/fixtures';
import { SEED_REFERENCE, SEED_SOURCE } from './seedData';
import { unkg } from './unkgCommand';

describe('the command line is parsed strictly', () => {
  it.each([
    ['build', ['--bogus'], 'unknown option --bogus'],
    ['build', ['-z'], 'unknown option -z'],
    ['build', ['--out'], 'option --out needs a value'],
    ['build', ['--out', '--no-clauses'], "option --out needs a value (write --out=VALUE for a value starting with '-')"],
    ['stats', ['--json=yes'], 'option --json takes no value'],
    ['validate', ['data/graph'], 'validate takes no arguments; got "data/graph"'],
    ['query', [], 'query needs SPARQL'],
    ['query', ['ASK {}', 'ASK {}'], 'query takes at most 1 argument(s); got "ASK {}" "ASK {}"'],
  ])('%s %j is refused: %s', (command, argv, message) => {
    expect(() => parseCommand(command, argv)).toThrow(new UsageError(message));
  });

  it('a boolean flag takes no value: build --no-clauses x.md builds x.md', () => {
    expect(parseCommand('build', ['--no-clauses', 'x.md'])).toEqual({ values: { 'no-clauses': true }, positionals: ['x.md'] });
    expect(parseCommand('build', ['--out=-odd', 'x.md']).values.out).toBe('-odd');
  });

  it.each(['build', 'validate', 'stats', 'query', 'serve'])('%s --help lists every option of the command', (command) => {
    expect(parseCommand(command, ['--help']).values.help).toBe(true);
    expect(commandUsage(command)).toMatch(new RegExp(`^usage: unkg ${command}`));
    expect(commandUsage(command)).toContain('--help');
  });
});

describe('the unkg command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unkg-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('build --help prints the usage, exits 0 and builds nothing', () => {
    const out = join(dir, 'help');
    const r = unkg(['build', SEED_SOURCE, '--out', out, '--no-clauses', '--help']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('--no-clauses');
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown flag exits 2 with the message and the command usage on stderr, and builds nothing', () => {
    const out = join(dir, 'bogus');
    const r = unkg(['build', SEED_SOURCE, '--out', out, '--no-clause']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^unkg build: unknown option --no-clause\n\nusage: unkg build/);
    expect(existsSync(out)).toBe(false);
  });

  it('build --no-clauses FILE builds FILE', () => {
    const out = join(dir, 'built');
    const r = unkg(['build', '--no-clauses', SEED_SOURCE, '--out', out, '--reference', SEED_REFERENCE]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, 'E-RES-2017-18.nq', 'E-RES-2017-18.ttl']);
  });

  it('build says how many documents it built and how many were unchanged since the last build', () => {
    const out = join(dir, 'again');
    const files = [
      SEED_SOURCE,
      EN_FIXTURE,
      FR_GA_FIXTURE,
      join(ROOT, 'tests/fixtures/ingest/E-RES-2016-25.en.md'),
      join(ROOT, 'tests/fixtures/documents/E-RES-2019-41.en.md'),
      join(ROOT, 'tests/fixtures/documents/E-RES-2019-41.fr.md'),
    ];
    const args = ['build', '--no-clauses', ...files, '--out', out, '--reference', SEED_REFERENCE, '--jobs', '2'];
    const first = unkg(args);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^5 built on 2 worker threads, 0 unchanged since the last build$/m);
    expect(first.stdout).toMatch(/^E\/RES\/2019\/41 {2}en\+fr {2}\d+ quads/m);
    const second = unkg(args);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/^0 built, 5 unchanged since the last build$/m);
    // Every document is listed and summarised all the same.
    expect(second.stdout).toBe(first.stdout);
    expect(unkg([...args, '--full']).stderr).toMatch(/^5 built on 2 worker threads, 0 unchanged since the last build$/m);
  });

  it('build --jobs takes a whole number of worker threads from 1, and --help documents it', () => {
    const out = join(dir, 'jobs');
    const r = unkg(['build', SEED_SOURCE, '--out', out, '--no-clauses', '--jobs', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--jobs must be a whole number of worker threads, at least 1; got 0');
    expect(existsSync(out)).toBe(false);
    expect(commandUsage('build')).toMatch(/--jobs N +worker threads the documents are spread over .*\(default \d+, one per core\)/);
    expect(commandUsage('build')).toContain(`(the build's record is ${MANIFEST_FILE} in the output folder)`);
  });
});
