/** The real application on 127.0.0.1 with its store in a temp folder, listing the given shop origins. */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { silentLogger } from '../../support/silentLogger';
import { runModelCacheSetting } from '../../support/runModelCache';
import { TEST_IDENTITY_SECRET } from '../../support/app';
import { withTempDir } from '../../review/support/tempDir';

export interface WidgetBot {
  base: string;
  close(): Promise<void>;
}

export async function startWidgetBot(env: Record<string, string>): Promise<WidgetBot> {
  const temp = await withTempDir();
  const config = loadConfig({ STORE_PATH: `${temp.dir}/store.json`, IDENTITY_SECRET: TEST_IDENTITY_SECRET, LOG_LEVEL: 'error', ...runModelCacheSetting(), ...env });
  const app = await createApp(config, silentLogger);
  await app.listen(0, '127.0.0.1');
  await app.ready;
  const { port } = app.server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await temp.cleanup();
    },
  };
}
