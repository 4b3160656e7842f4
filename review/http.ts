/**
 * Kept for the console's route files: the HTTP plumbing is neutral and lives in http/ (errors.ts, json.ts).
 * `readJson` is the parsed body (the server's one body parser ran before any route).
 */
import type { Request } from 'restify';
import { bodyOf } from '../http/json';

export { HttpError } from '../http/errors';
export { handle, parseBody, parseOr400, queryOf, sendError, sendJson } from '../http/json';

export async function readJson(req: Request): Promise<unknown> {
  return bodyOf(req);
}
