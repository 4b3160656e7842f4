/**
 * Which browser origins may use the chat: the bot's own pages always, plus the shops listed in ALLOWED_ORIGINS
 * (the chat widget's hosts). One policy for three places: CORS on the chat APIs (this file), the widget frame's
 * `frame-ancestors` (bot/widgetRoutes.ts) and the frame's postMessage target (web/widget/frame.js, which gets
 * its host's origin only after the frame route has checked it here).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Request, Response, Server } from 'restify';

/** The API paths the chat page, the widget frame and a shop's page call from a browser. */
const CHAT_API_PREFIXES = ['/api/messages', '/api/chat/', '/api/web/', '/api/widget/'];
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export class OriginPolicy {
  private readonly listed: ReadonlySet<string>;

  /**
   * @param allowedOrigins ALLOWED_ORIGINS (already validated as http(s) origins)
   * @param publicBaseUrl PUBLIC_BASE_URL, whose origin is the bot's own
   * @param trustProxy TRUST_PROXY: behind a reverse proxy the bot's own host may come in X-Forwarded-Host
   */
  constructor(allowedOrigins: readonly string[], private readonly publicBaseUrl?: string, private readonly trustProxy = false) {
    this.listed = new Set(allowedOrigins.map((o) => new URL(o).origin));
  }

  /** The listed shops' origins, for the frame's `frame-ancestors`. */
  get origins(): string[] {
    return [...this.listed];
  }

  /** Whether `origin` is the bot itself (the request's own host or PUBLIC_BASE_URL) or a listed shop. */
  allows(origin: string, headers: IncomingHttpHeaders): boolean {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    if (this.listed.has(parsed.origin)) return true;
    if (this.publicBaseUrl && new URL(this.publicBaseUrl).origin === parsed.origin) return true;
    // A browser cannot forge Host, so a page whose origin names this host is one of the bot's own pages.
    const forwarded = this.trustProxy ? String(headers['x-forwarded-host'] ?? '').split(',')[0].trim() : '';
    return [headers.host, forwarded].some((host) => typeof host === 'string' && host !== '' && parsed.host === host.toLowerCase());
  }
}

const isChatApi = (path: string): boolean => CHAT_API_PREFIXES.some((p) => path === p || path.startsWith(p));

/**
 * Browser requests to the chat APIs from an origin the policy does not allow get 403 with the reason; allowed
 * cross-origin ones get CORS headers, and their preflights 204. Requests without an Origin header (servers,
 * Bot Framework channels, the Emulator, same-origin GETs) pass untouched.
 */
export function registerChatCors(server: Server, policy: OriginPolicy): void {
  server.pre((req: Request, res: Response, next: (err?: false) => void) => {
    const path = (req.url ?? '/').split('?')[0];
    const origin = req.headers.origin;
    if (!isChatApi(path) || typeof origin !== 'string') return next();
    if (!policy.allows(origin, req.headers)) {
      const body = JSON.stringify({ error: 'forbidden', message: `origin ${origin} is not allowed: add it to ALLOWED_ORIGINS` });
      res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), vary: 'Origin' });
      res.end(body);
      return next(false);
    }
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'content-type, authorization',
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
      });
      res.end();
      return next(false);
    }
    return next();
  });
}
