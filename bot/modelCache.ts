/**
 * Where fitted models are kept across restarts (domain/modelCache.ts): MODEL_CACHE_DIR, or `off`. Unset, the embedded
 * store keeps them in a folder beside its file; on PostgreSQL the instances' disks are their own, so nothing is kept
 * unless a folder is set (a shared volume, or each instance's own).
 */
import type { Config } from './config';
import type { ModelCache } from '../domain/modelCache';
import type { Logger } from '../logging/logger';
import { ModelCacheFolder } from '../data/modelCacheFolder';

export function modelCacheDir(config: Pick<Config, 'MODEL_CACHE_DIR' | 'DATABASE_URL' | 'STORE_PATH'>): string | null {
  if (config.MODEL_CACHE_DIR !== undefined) return config.MODEL_CACHE_DIR.toLowerCase() === 'off' ? null : config.MODEL_CACHE_DIR;
  return config.DATABASE_URL ? null : `${config.STORE_PATH}.models`;
}

export function openModelCache(config: Config, log: Logger): ModelCache | undefined {
  const dir = modelCacheDir(config);
  return dir === null ? undefined : new ModelCacheFolder(dir, log);
}
