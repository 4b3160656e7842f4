/**
 * The key that signs resume tokens and demo identities. A configured IDENTITY_SECRET always wins. Without one
 * (demo mode only, config.ts refuses it otherwise) the embedded store keeps a generated key in a file beside it,
 * readable by its owner only, so a restart does not end every shopper's chat on their next reload. On PostgreSQL
 * there is no shared file: each start draws its own key and says why tokens will not outlive it.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Logger } from '../logging/logger';
import type { Config } from './config';

const KEY = /^[0-9a-f]{64}$/;

export function identitySecretPath(storePath: string): string {
  return `${storePath}.identity-secret`;
}

export async function identitySecret(config: Config, log: Logger): Promise<string> {
  if (config.IDENTITY_SECRET) return config.IDENTITY_SECRET;
  if (config.DATABASE_URL) {
    log.warn('IDENTITY_SECRET is not set: chat resume and demo sign-in tokens last until this instance restarts and are not accepted by other instances');
    return randomBytes(32).toString('hex');
  }
  return keptInFile(identitySecretPath(config.STORE_PATH), log);
}

async function keptInFile(path: string, log: Logger): Promise<string> {
  const existing = await readFile(path, 'utf8').then((text) => text.trim(), () => null);
  if (existing !== null && KEY.test(existing)) return existing;
  if (existing !== null) log.warn('the kept identity key is not valid; a new one replaces it (open chats must start again)', { path });
  const key = randomBytes(32).toString('hex');
  try {
    // 'wx' first: two processes starting on one new store agree on the key the first one wrote.
    await writeFile(path, `${key}\n`, { mode: 0o600, flag: existing === null ? 'wx' : 'w' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return keptInFile(path, log);
    log.warn('the identity key could not be kept beside the store; chats will not survive a restart', { path, error: error as Error });
    return key;
  }
}
