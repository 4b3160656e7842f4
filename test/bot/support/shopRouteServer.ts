/** A restify server on loopback with the bot server's JSON body parser, for the shop routes' edge tests. */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { jsonBodies } from '../../../http/jsonBodies';

export interface ShopRouteServer {
  base: string;
  close(): Promise<void>;
}

export async function listenWithRoutes(register: (server: restify.Server) => void, maxBodySize: number): Promise<ShopRouteServer> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(jsonBodies(maxBodySize));
  register(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
