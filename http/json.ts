/** JSON in and out for every route: answers (success and error), the parsed body, the query, zod at the edge. */
import type { Request, RequestHandler, Response } from 'restify';
import type { z } from 'zod';
import { firstIssue } from '../domain/zodIssues';
import type { ErrorLogger } from '../logging/logger';
import { errorBody, HttpError, INTERNAL_ERROR_MESSAGE } from './errors';

export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** Answers `{ error: code, message, ...details }` with the error's status and headers. */
export function sendError(res: Response, error: HttpError): void {
  sendJson(res, error.status, errorBody(error.code, error.message, error.details), error.headers);
}

/** What a route says when its work fails unexpectedly: the log line, and the public 500 message. */
export interface FailureWording {
  log: string;
  message: string;
}

const GENERIC_FAILURE: FailureWording = { log: 'request failed', message: INTERNAL_ERROR_MESSAGE };

/**
 * Wraps an async handler: an HttpError becomes its status and body; anything else is logged (with the route)
 * and answered with a 500 that leaks nothing.
 */
export function handle(logger: ErrorLogger, handler: (req: Request, res: Response) => Promise<void>, failure = GENERIC_FAILURE): RequestHandler {
  return (req, res, next) => {
    handler(req, res).then(() => next(), (error: unknown) => {
      if (error instanceof HttpError && error.status < 500) {
        sendError(res, error);
      } else {
        logger.error(failure.log, { path: req.path(), error });
        sendError(res, error instanceof HttpError ? error : new HttpError(500, failure.message));
      }
      next();
    });
  };
}

export function queryOf(req: Request): Record<string, string> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  return Object.fromEntries(params.entries());
}

/** The value, or a 400 naming its first problem ("lines.0.quantity: must be a whole number"). */
export function parseOr400<T>(schema: z.ZodType<T>, input: unknown, code = 'bad_request'): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new HttpError(400, firstIssue(parsed.error, 'input'), { code });
}

/**
 * The request's JSON body, as the server's one body parser (jsonBodies) left it: routes never read the
 * stream themselves. No body reads as `{}`, so a schema names the missing field.
 */
export function bodyOf(req: Request): unknown {
  const body: unknown = (req as { body?: unknown }).body;
  return body === undefined || body === null || body === '' ? {} : body;
}

/** The parsed body checked against `schema` (a 400 naming the first problem otherwise). */
export function parseBody<T>(req: Request, schema: z.ZodType<T>, code = 'bad_request'): T {
  return parseOr400(schema, bodyOf(req), code);
}
