/** A bare restify server with the app's one JSON body parser, as bot/server.ts installs it, for route tests. */
import restify from 'restify';
import { jsonBodies } from '../../http/jsonBodies';

export function createJsonServer(maxBodyBytes = 256 * 1024): restify.Server {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(jsonBodies(maxBodyBytes));
  return server;
}
