/**
 * The suites start the bot hundreds of times over the same few data sets: one folder of kept fits for the whole jest
 * run (created by the global setup, removed by the teardown, TEST_MODEL_CACHE_DIR) holds the trained intent model and
 * the recommender's fits (domain/modelCache.ts), restored bit for bit, so every start still answers exactly as a fresh
 * fit would. A cold run (a fresh clone's first run) fits each once.
 */
import { silentLogger } from './silentLogger';
import { ModelCacheFolder } from '../../data/modelCacheFolder';

export const MODEL_CACHE_DIR_ENV = 'TEST_MODEL_CACHE_DIR';

/** The run's folder as the bot's MODEL_CACHE_DIR setting (none outside jest's global setup). */
export function runModelCacheSetting(): { MODEL_CACHE_DIR?: string } {
  const dir = process.env[MODEL_CACHE_DIR_ENV];
  return dir ? { MODEL_CACHE_DIR: dir } : {};
}

export function runModelCache(): ModelCacheFolder | undefined {
  const dir = process.env[MODEL_CACHE_DIR_ENV];
  return dir ? new ModelCacheFolder(dir, silentLogger) : undefined;
}
