import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The Dockerfile and docker-compose.yml, checked as files (no Docker engine here): the
 *  settings a real deployment relies on. The same topology runs without Docker in
 *  replicas.test.ts. */

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Service {
  build?: string | { context: string; dockerfile?: string };
  image?: string;
  profiles?: string[];
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  secrets?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  secrets: Record<string, { file: string }>;
};

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function instructions(text: string): Array<{ op: string; args: string }> {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => ({ op: line.split(/\s+/)[0].toUpperCase(), args: line.slice(line.split(/\s+/)[0].length).trim() }));
}

describe('the service image (Dockerfile)', () => {
  const steps = instructions(read('Dockerfile'));
  const stages = steps.filter((s) => s.op === 'FROM');
  const runtime = steps.slice(steps.lastIndexOf(stages[stages.length - 1]));
  const nodeImage = /ARG NODE_IMAGE=(\S+)/.exec(read('Dockerfile'))?.[1] ?? '';

  it('starts from a Node LTS image pinned to one release', () => {
    expect(nodeImage).toMatch(/^node:(\d+)\.\d+\.\d+-/);
    expect(Number(/^node:(\d+)/.exec(nodeImage)![1]) % 2).toBe(0); // even major lines are the LTS ones
  });

  it('installs, compiles and collects production dependencies in separate stages', () => {
    expect(stages.map((s) => s.args.split(/\s+AS\s+/i)[1])).toEqual(['deps', 'build', 'prod-deps', 'runtime']);
    expect(steps.some((s) => s.op === 'RUN' && /npm ci --omit=dev/.test(s.args))).toBe(true);
    expect(runtime.filter((s) => s.op === 'COPY' && s.args.startsWith('--from')).map((s) => s.args)).toEqual([
      '--from=prod-deps /app/node_modules ./node_modules',
      '--from=build /app/dist ./dist',
    ]);
    expect(runtime.some((s) => s.op === 'RUN' && /npm (ci|install)(?!.*--omit=dev)/.test(s.args))).toBe(false);
  });

  it('runs as a non-root user, the server itself as PID 1', () => {
    const user = runtime.filter((s) => s.op === 'USER').pop();
    expect(user?.args).toBe('node');
    const cmd = runtime.filter((s) => s.op === 'CMD').pop()!;
    expect(JSON.parse(cmd.args)).toEqual(['node', 'dist/server.js']); // exec form: signals reach node
    expect(runtime.some((s) => s.op === 'ENTRYPOINT')).toBe(false);
    expect(read('src/server.ts')).toMatch(/process\.once\('SIGTERM'/);
  });

  it('checks readiness, with a start period for loading the data', () => {
    const check = runtime.find((s) => s.op === 'HEALTHCHECK')!;
    expect(check.args).toMatch(/--start-period=\d+s/);
    expect(check.args).toContain('/health/ready');
  });

  it('leaves dependencies, build output and local state out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'var', '.git']));
  });
});

describe('docker-compose.yml', () => {
  const { services } = compose;

  it('starts the embedded service by default, with one command and no profile', () => {
    const defaults = Object.entries(services).filter(([, s]) => !s.profiles);
    expect(defaults.map(([name]) => name)).toEqual(['unkg']);
    expect(services.unkg.build).toBe('.');
    expect(services.unkg.environment?.UNKG_STORE).toBeUndefined();
    expect(services.unkg.ports).toEqual(['127.0.0.1:8080:8080']);
  });

  it('has a scaled profile: Virtuoso with a volume, a publishing job, app replicas and nginx', () => {
    const scaled = Object.entries(services).filter(([, s]) => s.profiles?.includes('scaled'));
    expect(scaled.map(([name]) => name).sort()).toEqual(['app', 'nginx', 'publish', 'virtuoso']);
    expect(services.virtuoso.volumes).toContain('virtuoso-db:/database');
    expect(existsSync(join(ROOT, (services.virtuoso.build as { dockerfile: string }).dockerfile))).toBe(true);
    expect(services.publish.command).toEqual(['node', 'dist/cli.js', 'publish']);
    expect(services.publish.depends_on?.virtuoso.condition).toBe('service_healthy');
    expect(services.app.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.app.depends_on?.publish.condition).toBe('service_completed_successfully');
    expect(services.nginx.depends_on?.app.condition).toBe('service_healthy');
  });

  it('points the app and the job at the remote store with credentials from a secret file', () => {
    for (const name of ['app', 'publish']) {
      const env = services[name].environment!;
      expect(env.UNKG_STORE).toBe('remote');
      expect(env.UNKG_REMOTE_AUTH).toBe('digest');
      expect(env.UNKG_REMOTE_CREDENTIALS_FILE).toBe('/run/secrets/unkg-remote-credentials');
      expect(services[name].secrets).toContain('unkg-remote-credentials');
      expect(Object.values(env).join(' ')).not.toMatch(/password/i);
    }
  });

  it('defines every volume and secret it uses', () => {
    const used = Object.values(services).flatMap((s) => (s.volumes ?? []).map((v) => v.split(':')[0]).filter((v) => !v.startsWith('.')));
    for (const volume of used) expect(compose.volumes).toHaveProperty(volume);
    for (const secret of Object.values(services).flatMap((s) => s.secrets ?? [])) expect(compose.secrets).toHaveProperty(secret);
    expect(read('.gitignore')).toContain('deploy/secrets/');
  });

  it('has nginx send a failed GET to another replica', () => {
    const mounted = services.nginx.volumes!.find((v) => v.endsWith(':/etc/nginx/nginx.conf:ro'))!;
    const conf = read(mounted.split(':')[0]);
    expect(conf).toMatch(/proxy_next_upstream error timeout http_502 http_503 http_504;/);
    expect(conf).toMatch(/server app:8080/);
    expect(services.nginx.image).toMatch(/^nginx:\d+\.\d+\.\d+/);
  });
});
