import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp, type AppDependencies } from './app';
import { loadConfig, type AppConfig } from './config';
import type { GraphStore, StoreLogger } from './graph';
import { openStore } from './openStore';

export interface RunningServer {
  app: FastifyInstance;
  store: GraphStore;
  /** Where the service listens, e.g. http://127.0.0.1:8080/ */
  url: string;
  close(): Promise<void>;
}

/** Store messages before the app's logger exists are kept and replayed to it. */
function deferredLogger(): StoreLogger & { attach(log: FastifyBaseLogger): void } {
  const early: Array<[keyof StoreLogger, string]> = [];
  let sink: FastifyBaseLogger | undefined;
  const at = (level: keyof StoreLogger) => (message: string) => (sink ? sink[level](message) : early.push([level, message]));
  return {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    attach(log) {
      sink = log;
      for (const [level, message] of early.splice(0)) log[level](message);
    },
  };
}

/** Loads the data into a new store, builds the app and listens. */
export async function startServer(config: AppConfig, dependencies: Omit<AppDependencies, 'store'> = {}): Promise<RunningServer> {
  const logger = deferredLogger();
  const started = Date.now();
  const { store, description } = await openStore(config, logger);
  let app: FastifyInstance;
  try {
    app = await buildApp(config, { ...dependencies, store });
  } catch (error) {
    await store.close();
    throw error;
  }
  logger.attach(app.log);
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/`;
  // Counting is informational: a store that refuses to count at start does not stop it.
  const quads = await store.size().catch(() => 'an unknown number of');
  app.log.info(
    `SPARQL endpoint at ${config.publicUrl ?? url}sparql: ${quads} quads, ${description}, ` +
      `ready in ${Date.now() - started} ms; writes ${config.writeToken ? 'enabled' : 'disabled'}`,
  );
  return {
    app,
    store,
    url,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** Entry point: configuration from the environment, graceful shutdown on SIGINT/SIGTERM. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const server = await startServer(loadConfig(env));
  const shutdown = (signal: NodeJS.Signals) => {
    server.app.log.info(`${signal}: closing connections and the store`);
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return server;
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
