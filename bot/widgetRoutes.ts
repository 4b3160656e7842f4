/**
 * The embeddable chat widget (README "Put the chat on your shop's site"):
 * - GET /widget.js: the small loader a shop puts on its pages, with the WIDGET_* theme baked in as defaults,
 *   served from memory with an ETag (a revalidation costs a 304) and compressed when the browser accepts it;
 * - GET /widget/frame.html (+ its script and style): the chat itself, framed by the loader. Only the bot's own
 *   pages and ALLOWED_ORIGINS may frame it (`frame-ancestors`), and the `host` it is told to talk to must be one
 *   of them, else 403;
 * - the demo shop (bot/widgetDemoShop.ts) in demo mode.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { handle, sendJson } from '../http/json';
import type { ErrorLogger } from '../logging/logger';
import { chooseEncoding, CompressedFiles, getAndHead, safeResolve, sendFile } from '../review/staticFiles';
import type { OriginPolicy } from './cors';

export interface WidgetTheme {
  color: string;
  name: string;
  avatar?: string;
  greeting?: string;
}

export interface WidgetRouteOptions {
  webRoot: string;
  policy: OriginPolicy;
  theme: WidgetTheme;
  logger: ErrorLogger;
}

/** Shops cache the loader for a day; the ETag makes the daily check a 304. */
const LOADER_CACHE = 'public, max-age=86400';
const DEFAULTS_MARKER = '/*__WIDGET_DEFAULTS__*/{}';

/** The frame page's policy: Web Chat injects its styles; images may come from the shop's avatar URL. */
export function frameCsp(ancestors: readonly string[]): string {
  return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; "
    + `media-src 'self' blob: data:; connect-src 'self'; frame-ancestors 'self' ${ancestors.join(' ')}; base-uri 'none'; form-action 'self'`;
}

interface LoaderBody { raw: Buffer; gzip: Buffer; br: Buffer; etag: string }

/** The loader with the server's theme as its defaults, compressed once at start (it is a few kilobytes). */
export function buildLoader(source: string, theme: WidgetTheme): LoaderBody {
  if (!source.includes(DEFAULTS_MARKER)) throw new Error(`widget.js lacks the ${DEFAULTS_MARKER} marker`);
  const raw = Buffer.from(source.replace(DEFAULTS_MARKER, JSON.stringify(theme)));
  return {
    raw, gzip: gzipSync(raw, { level: 9 }), br: brotliCompressSync(raw),
    etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
  };
}

export function registerWidgetRoutes(server: Server, options: WidgetRouteOptions): void {
  const { policy, logger } = options;
  const widgetRoot = join(options.webRoot, 'widget');
  const loader = buildLoader(readFileSync(join(widgetRoot, 'widget.js'), 'utf8'), options.theme);
  const compressed = new CompressedFiles();

  server.get('/widget.js', handle(logger, async (req, res) => sendLoader(req, res, loader)));

  getAndHead(server, '/widget/*', handle(logger, async (req, res) => {
    const relative = String(req.params['*'] ?? '');
    const headers: Record<string, string> = { 'cache-control': 'no-cache', 'content-security-policy': frameCsp(policy.origins) };
    if (relative === 'frame.html') {
      const host = new URL(req.url ?? '/', 'http://localhost').searchParams.get('host') ?? '';
      if (!policy.allows(host, req.headers)) {
        res.writeHead(403, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
        res.end(`This site (${host || 'unknown origin'}) may not embed the chat: the bot's ALLOWED_ORIGINS setting must list it.`);
        return;
      }
    }
    const sent = await sendFile(req, res, safeResolve(widgetRoot, relative), headers, compressed);
    if (!sent) sendJson(res, 404, { error: 'Not found.' });
  }));
}

function sendLoader(req: Request, res: Response, loader: LoaderBody): void {
  const encoding = chooseEncoding(req.headers['accept-encoding'], loader);
  const etag = loader.etag.replace(/"$/, `${encoding ? `-${encoding}` : ''}"`);
  const headers = {
    'content-type': 'text/javascript; charset=utf-8', 'cache-control': LOADER_CACHE, etag, vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'cross-origin',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = encoding ? loader[encoding] : loader.raw;
  res.writeHead(200, { ...headers, 'content-length': String(body.length), ...(encoding ? { 'content-encoding': encoding } : {}) });
  res.end(body);
}
