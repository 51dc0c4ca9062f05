import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp, type AppDependencies } from './app';
import { loadConfig, type AppConfig } from './config';
import type { GraphStore, StoreLogger } from './graph';
import { openStore } from './openStore';
import { watchGraphDir, type GraphDirWatcher } from './live';

export interface RunningServer {
  app: FastifyInstance;
  store: GraphStore;
  /** Keeps the store equal to the graph folder (absent with UNKG_WATCH=off). */
  watcher?: GraphDirWatcher;
  /** Where the service listens, e.g. http://127.0.0.1:8080/ */
  url: string;
  /** Resolves once the first query worker holds the data (rejects when it cannot be loaded). */
  loaded: Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** false: resolve as soon as the port listens, while the data loads (status().ready is
   *  false until then, and queries wait for it). Default true. */
  waitForData?: boolean;
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

/** Builds the app and listens at once, while the store loads the data: queries are
 *  answered as soon as the first query worker holds it (the others join as they load). */
export async function startServer(config: AppConfig, dependencies: Omit<AppDependencies, 'store'> = {}, options: StartOptions = {}): Promise<RunningServer> {
  const logger = deferredLogger();
  const started = Date.now();
  // Watching starts before the store reads the folder, so a build meanwhile is not missed.
  const watcher = config.watch && !config.remoteStore ? await watchGraphData(config.data.graphDir, logger) : undefined;
  const { store, description, loaded: storeLoaded } = await openStore(config, logger);
  let app: FastifyInstance;
  try {
    app = await buildApp(config, { ...dependencies, store });
    logger.attach(app.log);
    watcher?.attach(store);
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await watcher?.close();
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/`;
  app.log.info(`Listening at ${url} after ${Date.now() - started} ms; loading the data`);
  const loaded = storeLoaded.then(async () => {
    // Counting is informational: a store that refuses to count at start does not stop it.
    const quads = await store.size().catch(() => 'an unknown number of');
    app.log.info(
      `SPARQL endpoint at ${config.publicUrl ?? url}sparql: ${quads} quads, ${description}, ` +
        `answering after ${Date.now() - started} ms; writes ${config.writeToken ? 'enabled' : 'disabled'}`,
    );
  });
  loaded.catch(() => undefined);
  const close = async () => {
    await watcher?.close();
    await app.close();
    await store.close();
  };
  if (options.waitForData !== false) {
    try {
      await loaded;
    } catch (error) {
      await close();
      throw error;
    }
  }
  return { app, store, watcher, url, loaded, close };
}

/** Watches the graph folder (see watchGraphDir); a folder that cannot be watched is a warning. */
async function watchGraphData(dir: string, logger: StoreLogger): Promise<GraphDirWatcher | undefined> {
  try {
    return await watchGraphDir({ dir, logger });
  } catch (error) {
    logger.warn(`Data: ${dir} is not watched (${(error as Error).message}); new graphs need a restart`);
    return undefined;
  }
}

/** Entry point: configuration from the environment, graceful shutdown on SIGINT/SIGTERM. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const server = await startServer(loadConfig(env, { stdoutIsTTY: process.stdout.isTTY === true }), {}, { waitForData: false });
  server.loaded.catch((error: Error) => {
    server.app.log.fatal(`The data could not be loaded: ${error.message}`);
    void server.close().finally(() => process.exit(1));
  });
  const shutdown = (signal: NodeJS.Signals) => {
    server.app.log.info(`${signal}: closing connections and query workers`);
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
