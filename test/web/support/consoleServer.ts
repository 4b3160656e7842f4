/** The console's test server: review API + web routes over the hand-built fixture (real stores on temp files). */
import type { AddressInfo } from 'node:net';
import { createJsonServer } from '../../support/jsonServer';
import { registerReviewRoutes } from '../../../review/reviewRoutes';
import { registerWebRoutes } from '../../../review/webRoutes';
import { createStaffAccount } from '../../../review/staffAccounts';
import { buildFixture } from '../../review/support/fixture';
import { withTempDir } from '../../review/support/tempDir';
import { WEB_ROOT } from './chatServer';

export const STAFF = { email: 'agent@shop.test', password: 'a long agent passphrase' };
export const ADMIN = { email: 'admin@shop.test', password: 'a long admin passphrase' };
const PERSONAS: Record<string, { name: string; description: string }> = {
  win_back: { name: 'Win-back', description: 'Lapsed customers: a warm welcome back and their old favourites.' },
};

export interface ConsoleServer {
  base: string;
  errors: string[];
  close(): Promise<void>;
}

export async function startConsoleServer(): Promise<ConsoleServer> {
  const temp = await withTempDir();
  const fixture = await buildFixture(temp.dir);
  await createStaffAccount(fixture.console.staff, { ...STAFF, role: 'agent' }, new Date());
  await createStaffAccount(fixture.console.staff, { ...ADMIN, role: 'admin' }, new Date());
  const server = createJsonServer();
  const errors: string[] = [];
  const logger = { warn: () => {}, error: (msg: string, fields?: Record<string, unknown>) => errors.push(`${msg} ${String(fields?.error)}`) };
  const repos = fixture.commerce.repositories;
  registerReviewRoutes(server, {
    consoleData: fixture.console, customers: repos.customers, feedback: repos.feedback, suggestionEvents: repos.suggestionEvents,
    audit: repos.audit, logger, describePersona: (id) => PERSONAS[id],
  });
  registerWebRoutes(server, { webRoot: WEB_ROOT, demoMode: false, logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    errors,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fixture.close();
      await temp.cleanup();
    },
  };
}
