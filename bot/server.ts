/**
 * The HTTP edge: restify routes for the bot (/api/messages and the websocket upgrade used by Direct Line
 * Speech), /healthz and /api/alexa. The composition root registers the other routes on the returned server (bot/routes.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { INodeSocket } from 'botframework-streaming';
import type { Logger } from '../logging/logger';
import { checkActivity } from './activityRequest';
import { jsonBodies } from '../http/jsonBodies';
import { codeForStatus, errorBody, INTERNAL_ERROR_MESSAGE } from '../http/errors';
import { sendJson } from '../http/json';
import type { ServiceUrlCheck } from './anonymousReplies';
import { registerAlexaRoute, type AlexaRouteOptions } from './alexa/alexaRoute';

export interface ServerOptions {
  adapter: CloudAdapter;
  /** A fresh adapter per websocket connection, as in Bot Framework's own samples. */
  createStreamingAdapter: () => CloudAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  maxBodyBytes: number;
  health: () => Promise<Record<string, unknown> & { database?: { ok: boolean } }>;
  log: Logger;
  /** The reason an activity's serviceUrl is refused (anonymous mode), or null. */
  checkServiceUrl?: ServiceUrlCheck;
  /** The Alexa skill endpoint POST /api/alexa (bot/alexa). */
  alexa?: AlexaRouteOptions;
}

export function createServer(options: ServerOptions): restify.Server {
  const { adapter, runTurn, log } = options;
  const server = restify.createServer({ name: 'shopping-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(jsonBodies(options.maxBodyBytes));

  server.post('/api/messages', async (req, res) => {
    const check = checkActivity(req.body);
    const refusal = check.ok ? options.checkServiceUrl?.(check.activity) : check.reason;
    if (!check.ok || refusal) {
      sendJson(res, 400, errorBody('bad_request', refusal ?? 'invalid activity'));
      return;
    }
    // The validated shape goes on (nulls dropped). expectReplies never calls back; the adapter still wants a
    // URL to build its (unused) client.
    req.body = { ...check.activity, serviceUrl: check.activity.serviceUrl ?? 'http://localhost/expect-replies' };
    await adapter.process(req, res, runTurn);
  });

  if (options.alexa) registerAlexaRoute(server, { ...options.alexa, adapter, runTurn, log });

  server.get('/healthz', async (_req, res) => {
    try {
      const report = await options.health();
      // An unreachable database makes this instance useless: a load balancer should route around it.
      const databaseDown = report.database?.ok === false;
      if (databaseDown) sendJson(res, 503, errorBody('unavailable', 'The database is unreachable.', { status: 'unavailable', ...report }));
      else sendJson(res, 200, { status: 'ok', ...report });
    } catch (error) {
      log.error('health check failed', { error });
      sendJson(res, 503, errorBody('unavailable', 'The health check failed; the error was logged.', { status: 'unavailable' }));
    }
  });

  server.on('upgrade', async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      const streaming = options.createStreamingAdapter();
      await streaming.process(req as restify.Request, socket as unknown as INodeSocket, head, runTurn);
    } catch (error) {
      // Answer the upgrade with a status instead of hanging up, so the caller learns why.
      const message = error instanceof Error ? error.message : String(error);
      const unauthorized = /unauthori[sz]ed/i.test(message);
      if (unauthorized) log.warn('websocket upgrade refused', { reason: message });
      else log.error('websocket connection failed', { error: error as Error });
      if (socket.writable) socket.end(`HTTP/1.1 ${unauthorized ? '401 Unauthorized' : '500 Internal Server Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      else socket.destroy();
    }
  });

  // Never leak internals: log the error, answer with its public status and a plain message.
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, next: (e?: unknown) => void) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) log.error('request failed', { error: err, path: req.path() });
    err.toJSON = () => errorBody(codeForStatus(status), status >= 500 ? INTERNAL_ERROR_MESSAGE : err.message);
    res.status(status);
    next();
  });

  return server;
}
