import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandUsage, parseCommand, UsageError } from '../src/cli';
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
    expect(readdirSync(out).sort()).toEqual(['E-RES-2017-18.nq', 'E-RES-2017-18.ttl']);
  });
});
