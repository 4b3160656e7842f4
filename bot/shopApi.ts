/**
 * What the routes the shop pushes to (order intake, catalogue updates) share: the shop API key (config ORDERS_API_KEY;
 * off when unset: 404; callers send `Authorization: Bearer <key>`) and answers of the form `{ error, message }`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { Logger } from '../services/logger';
import { sendJson } from '../review/http';

/** Sends the `{ error, message }` body every shop route answers with. */
export function sendError(res: Response, status: number, error: string, message: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}): void {
  sendJson(res, status, { error, message, ...extra }, headers);
}

/** Runs the route's work; if it throws, logs `failure` with the error and answers 500 with `message`, no internals. */
export async function answerOr500(res: Response, log: Logger, failure: string, message: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.error(failure, { error });
    sendError(res, 500, 'internal_error', message);
  }
}

/**
 * Returns a check for each request: true when it presents the key; otherwise it has answered 404 (no key set,
 * `disabledMessage` says how to turn the route on) or 401 with `WWW-Authenticate: Bearer`, and returns false.
 */
export function shopApiGuard(apiKey: string | undefined, disabledMessage: string): (req: Request, res: Response) => boolean {
  const expected = apiKey === undefined ? null : digest(apiKey);
  return (req, res) => {
    if (!expected) {
      sendError(res, 404, 'intake_disabled', disabledMessage);
      return false;
    }
    const presented = bearerToken(req.header('authorization'));
    if (presented === null || !timingSafeEqual(digest(presented), expected)) {
      sendError(res, 401, 'unauthorized', 'Send the shop API key as "Authorization: Bearer <key>".', { 'www-authenticate': 'Bearer' });
      return false;
    }
    return true;
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
