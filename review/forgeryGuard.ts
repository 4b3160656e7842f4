/**
 * Refuses forged console requests (CSRF). Every state-changing request under /api/review must carry a JSON
 * body and come from the console's own origin (or one listed in CONSOLE_ALLOWED_ORIGINS). The session
 * cookie's SameSite=Strict stays, but it is no longer the only guard: a form posted from another site is
 * refused here before any handler runs.
 *
 * Browsers send Sec-Fetch-Site and/or Origin with every cross-origin POST, so a request with neither comes
 * from a non-browser client (curl, a script), which cannot ride on a staff member's cookie: it is let
 * through to the normal session checks.
 */
import type { Request, RequestHandler } from 'restify';
import { errorBody } from '../http/errors';
import { sendJson } from '../http/json';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const GUARDED_PREFIX = '/api/review';

export interface ForgeryGuardOptions {
  /** Extra origins (scheme://host[:port]) allowed to call the console API, e.g. a separate console host. */
  allowedOrigins: readonly string[];
  /** Behind a trusted reverse proxy, X-Forwarded-Host names the host the browser used. */
  trustProxy: boolean;
}

/** A restify `pre` handler: runs before routing and body parsing. */
export function consoleForgeryGuard(options: ForgeryGuardOptions): RequestHandler {
  const allowed = new Set(options.allowedOrigins.map(normalOrigin).filter((o): o is string => o !== null));
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method ?? 'GET') || !isConsoleApiPath(req.url ?? '/')) return next();
    const refusal = originRefusal(req, allowed, options.trustProxy);
    if (refusal) {
      sendJson(res, 403, errorBody('forbidden_origin', refusal));
      return next(false);
    }
    if (!isJson(req.headers['content-type'])) {
      sendJson(res, 415, errorBody('unsupported_media_type',
        `The console API accepts only application/json request bodies (got ${req.headers['content-type'] ?? 'no content type'}).`));
      return next(false);
    }
    return next();
  };
}

/** Normalised generously (case, encoded characters, repeated slashes), so no spelling of the path slips past. */
function isConsoleApiPath(url: string): boolean {
  let path = url.split('?')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    // Keep the raw path: a malformed escape cannot route anywhere either.
  }
  path = path.replace(/\/{2,}/g, '/').toLowerCase();
  return path === GUARDED_PREFIX || path.startsWith(`${GUARDED_PREFIX}/`);
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

function originRefusal(req: Request, allowed: Set<string>, trustProxy: boolean): string | null {
  const origin = header(req, 'origin');
  const site = header(req, 'sec-fetch-site');
  if (origin && allowed.has(normalOrigin(origin) ?? '')) return null;
  const notAllowed = `This request came from another site (${origin ? `Origin ${origin}` : `Sec-Fetch-Site ${site}`}); `
    + 'the console only accepts changes from its own pages (or an origin listed in CONSOLE_ALLOWED_ORIGINS).';
  if (site) return site === 'same-origin' || site === 'none' ? null : notAllowed;
  if (origin) return sameHost(origin, hostsOf(req, trustProxy)) ? null : notAllowed;
  return null;
}

function hostsOf(req: Request, trustProxy: boolean): string[] {
  const hosts = [header(req, 'host')];
  if (trustProxy) hosts.push(header(req, 'x-forwarded-host')?.split(',')[0].trim());
  return hosts.filter((h): h is string => Boolean(h));
}

function sameHost(origin: string, hosts: string[]): boolean {
  try {
    const url = new URL(origin);
    // The Host header as the browser would have written it for that scheme (default ports dropped).
    return hosts.some((host) => new URL(`${url.protocol}//${host}`).host === url.host);
  } catch {
    return false; // "null" (sandboxed frames, file pages) and other non-URLs
  }
}

function normalOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
