/**
 * Composition root: read and validate the config, build the app, listen, and shut down cleanly on
 * SIGINT/SIGTERM (stop accepting requests, flush the store, exit).
 */
import { authMode, ConfigError, loadConfig, loadDotEnv } from './config';
import { createApp } from './app';
import { createLogger } from '../logging/logger';
import { StoreFileError } from '../data/lowdb/durableJsonFile';
import { DatabaseUnavailableError } from '../data/postgres/openPostgresStore';
import { MigrationError } from '../data/postgres/migrator';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  const started = Date.now();
  const app = await createApp(config, log);
  const url = await app.listen(config.PORT, config.HOST);
  const mode = authMode(config);
  log.info(`shopping assistant listening on ${url}`, {
    auth: mode === 'anonymous' ? 'anonymous local mode: no MicrosoftAppId, any caller accepted (local use only)' : 'Bot Framework authentication',
    demoMode: config.DEMO_MODE,
    // The database URL may hold a password: only its kind is logged.
    store: config.DATABASE_URL ? 'postgresql' : config.STORE_PATH,
    startupMs: Date.now() - started,
  });

  // A crash in one turn is handled by the adapter; anything else that escapes is logged, never fatal.
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { error: reason instanceof Error ? reason : String(reason) }));

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info('shutting down', { signal });
    app.close().then(() => process.exit(0), (error: unknown) => {
      log.error('shutdown failed', { error: error instanceof Error ? error : String(error) });
      process.exit(1);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // Startup problems are the operator's to fix: say what and where, without a stack trace for known ones.
  const known = error instanceof ConfigError || error instanceof StoreFileError || error instanceof DatabaseUnavailableError || error instanceof MigrationError;
  process.stderr.write(`Cannot start the shopping assistant.\n${known ? (error as Error).message : (error instanceof Error ? error.stack : String(error))}\n`);
  process.exit(1);
});
