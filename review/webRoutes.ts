/**
 * The shoppers' chat page at /, the staff console at /console/, the vendor bundles they load from
 * node_modules (never committed), and the demo sign-in used by the chat page in demo mode only.
 */
import { dirname, join, sep } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { HttpError } from '../http/errors';
import { handle, sendJson, parseBody } from '../http/json';
import type { ErrorLogger } from '../logging/logger';
import { CompressedFiles, getAndHead, safeResolve, sendFile } from './staticFiles';

export interface WebRouteOptions {
  webRoot: string;
  demoMode: boolean;
  signDemoIdentity?: (customerId: string) => string;
  demoCustomers?: { id: string; displayName: string }[];
  logger?: ErrorLogger;
}

const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
  + "media-src 'self' blob: data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const PAGE_HEADERS = { 'cache-control': 'no-cache', 'content-security-policy': PAGE_CSP, 'x-frame-options': 'DENY' };
const VENDOR_HEADERS = { 'cache-control': 'public, max-age=86400' };

/** The folder of an installed package, found from its main entry (their exports maps hide dist/). */
function packageRoot(name: string): string {
  let dir = dirname(require.resolve(name));
  while (!dir.endsWith(`${sep}node_modules${sep}${name}`)) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot locate the installed package ${name}.`);
    dir = parent;
  }
  return dir;
}

const DemoIdentityBody = z.object({ customerId: z.string().min(1).max(100) });
const quietLogger: ErrorLogger = { warn: () => {}, error: () => {} };

export function registerWebRoutes(server: Server, options: WebRouteOptions): void {
  const logger = options.logger ?? quietLogger;
  const vendor: Record<string, string> = {
    'webchat.js': join(packageRoot('botframework-webchat'), 'dist', 'webchat.js'),
    'chart.umd.js': join(packageRoot('chart.js'), 'dist', 'chart.umd.js'),
  };
  const compressed = new CompressedFiles();
  // Compressed in the background at start, so the first shopper does not wait for 3.9 MB to be squeezed.
  void compressed.warm(Object.values(vendor));
  const serve = (req: Request, res: Response, path: string | null, headers: Record<string, string>) =>
    sendFile(req, res, path, headers, compressed).then((sent) => {
      if (!sent) throw new HttpError(404, 'Not found.');
    });

  getAndHead(server, '/', handle(logger, (req, res) => serve(req, res, join(options.webRoot, 'index.html'), PAGE_HEADERS)));
  getAndHead(server, '/chat/*', handle(logger, (req, res) => serve(req, res, safeResolve(join(options.webRoot, 'chat'), String(req.params['*'] ?? '')), PAGE_HEADERS)));
  server.get('/console', handle(logger, async (_req, res) => {
    res.writeHead(302, { location: '/console/' });
    res.end();
  }));
  getAndHead(server, '/console/*', handle(logger, (req, res) => {
    const relative = String(req.params['*'] ?? '') || 'index.html';
    return serve(req, res, safeResolve(join(options.webRoot, 'console'), relative), PAGE_HEADERS);
  }));
  getAndHead(server, '/vendor/:file', handle(logger, (req, res) => serve(req, res, vendor[String(req.params.file)] ?? null, VENDOR_HEADERS)));

  server.get('/api/web/config', handle(logger, async (_req, res) => {
    sendJson(res, 200, {
      demoMode: options.demoMode,
      demoCustomers: options.demoMode && options.signDemoIdentity ? options.demoCustomers ?? [] : [],
    });
  }));

  server.post('/api/web/demo-identity', handle(logger, async (req, res) => {
    if (!options.demoMode || !options.signDemoIdentity) throw new HttpError(404, 'Demo sign-in is only available in demo mode.');
    const { customerId } = parseBody(req, DemoIdentityBody);
    if (!(options.demoCustomers ?? []).some((c) => c.id === customerId)) throw new HttpError(400, 'customerId: not one of the demo customers');
    sendJson(res, 200, { token: options.signDemoIdentity(customerId) });
  }));
}
