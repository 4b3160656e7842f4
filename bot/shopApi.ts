/**
 * What the routes the shop pushes to (order intake, catalogue updates) share: the shop API key (config ORDERS_API_KEY;
 * off when unset: 404; callers send `Authorization: Bearer <key>`). Errors are HttpErrors (http/errors.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';
import { HttpError } from '../http/errors';

/**
 * Returns a check for each request: it passes when the request presents the key, and otherwise throws a 404 (no
 * key set, `disabledMessage` says how to turn the route on) or a 401 with `WWW-Authenticate: Bearer`.
 */
export function shopApiGuard(apiKey: string | undefined, disabledMessage: string): (req: Request) => void {
  const expected = apiKey === undefined ? null : digest(apiKey);
  return (req) => {
    if (!expected) throw new HttpError(404, disabledMessage, { code: 'intake_disabled' });
    const presented = bearerToken(req.header('authorization'));
    if (presented === null || !timingSafeEqual(digest(presented), expected)) {
      throw new HttpError(401, 'Send the shop API key as "Authorization: Bearer <key>".', { headers: { 'www-authenticate': 'Bearer' } });
    }
  };
}

/** SHA-256 first, so both sides of timingSafeEqual have the same length whatever was presented. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}
