/**
 * The demo store keeps its identity key beside the store file: a shopper's resume token still opens their chat after
 * the bot restarts. A configured IDENTITY_SECRET wins; on PostgreSQL nothing is written and the warning says why.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { identitySecret, identitySecretPath } from '../../bot/identitySecret';
import { silentLogger } from '../support/silentLogger';
import { withTempDir } from '../review/support/tempDir';

describe('identity key of the embedded store', () => {
  it('is made once (owner-only file), read back on the next start, and a broken one is replaced', async () => {
    const temp = await withTempDir();
    try {
      const config = loadConfig({ STORE_PATH: join(temp.dir, 'store.json') });
      const first = await identitySecret(config, silentLogger);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      const path = identitySecretPath(config.STORE_PATH);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(await identitySecret(config, silentLogger)).toBe(first);
      await writeFile(path, 'not a key');
      const warnings: string[] = [];
      const replaced = await identitySecret(config, { ...silentLogger, warn: (message: string) => warnings.push(message) });
      expect(replaced).not.toBe(first);
      expect((await readFile(path, 'utf8')).trim()).toBe(replaced);
      expect(warnings).toEqual([expect.stringContaining('not valid')]);
    } finally {
      await temp.cleanup();
    }
  });

  it('a configured IDENTITY_SECRET wins; on PostgreSQL each start draws its own key and warns', async () => {
    const temp = await withTempDir();
    try {
      const storePath = join(temp.dir, 'store.json');
      const configured = 's'.repeat(40);
      expect(await identitySecret(loadConfig({ STORE_PATH: storePath, IDENTITY_SECRET: configured }), silentLogger)).toBe(configured);
      const warnings: string[] = [];
      const pg = loadConfig({ STORE_PATH: storePath, DATABASE_URL: 'postgres://shop@127.0.0.1:1/shop' });
      const logger = { ...silentLogger, warn: (message: string) => warnings.push(message) };
      expect(await identitySecret(pg, logger)).not.toBe(await identitySecret(pg, logger));
      expect(warnings[0]).toMatch(/IDENTITY_SECRET is not set/);
      await expect(stat(identitySecretPath(storePath))).rejects.toThrow();
    } finally {
      await temp.cleanup();
    }
  });

  it('a resume token from before a restart still opens the chat and its history', async () => {
    const temp = await withTempDir();
    const config = loadConfig({ STORE_PATH: join(temp.dir, 'store.json'), DEMO_MODE: 'true', LOG_LEVEL: 'error', CAMPAIGN_INTERVAL_SECONDS: '0' });
    const start = async () => {
      const app = await createApp(config, silentLogger);
      const url = await app.listen(0, '127.0.0.1');
      await app.ready;
      return { app, url };
    };
    try {
      const before = await start();
      const session = (await (await fetch(`${before.url}/api/chat/sessions`, { method: 'POST' })).json()) as { resumeToken: string; conversationId: string };
      await before.app.close();
      const after = await start();
      try {
        const history = await fetch(`${after.url}/api/chat/history`, { headers: { authorization: `Bearer ${session.resumeToken}` } });
        expect(history.status).toBe(200);
        expect(((await history.json()) as { conversationId: string }).conversationId).toBe(session.conversationId);
      } finally {
        await after.app.close();
      }
    } finally {
      await temp.cleanup();
    }
  });
});
