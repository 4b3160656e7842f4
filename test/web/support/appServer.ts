/** The real application (bot, review API, pages) on a fresh store made from the committed seed, on loopback. */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { silentLogger } from '../../support/silentLogger';
import { runModelCacheSetting } from '../../support/runModelCache';
import { withTempDir } from '../../review/support/tempDir';
import type { ChatServerFactory } from './chatServer';

export const APP_ADMIN = { email: 'admin@shop.test', password: 'a long admin passphrase' };

export const realAppServer: ChatServerFactory = async () => {
  const temp = await withTempDir();
  const config = loadConfig({
    STORE_PATH: `${temp.dir}/store.json`, DEMO_MODE: 'true', LOG_LEVEL: 'error',
    STAFF_ADMIN_EMAIL: APP_ADMIN.email, STAFF_ADMIN_PASSWORD: APP_ADMIN.password, ...runModelCacheSetting(),
  });
  const app = await createApp(config, silentLogger);
  await app.listen(0, '127.0.0.1');
  await app.ready;
  const { port } = app.server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received: [],
    close: async () => {
      await app.close();
      await temp.cleanup();
    },
  };
};
