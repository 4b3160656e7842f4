/**
 * The one HTTP error model, shared by every route (bot, shop API, console): an error carries its status, a
 * stable machine code and a message for the caller; every error answer has the body `{ error: code, message }`.
 */

/** The code an error gets when its thrower names none: the status's usual name. */
const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed',
  409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type', 422: 'unprocessable_entity',
  429: 'too_many_requests', 500: 'internal_error', 503: 'unavailable',
};

export function codeForStatus(status: number): string {
  return CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

export interface HttpErrorOptions {
  /** A stable machine-readable code (snake_case); defaults to the status's name, e.g. 404 → not_found. */
  code?: string;
  /** Extra response headers, e.g. WWW-Authenticate or Retry-After. */
  headers?: Record<string, string>;
  /** Extra body fields a client can act on, e.g. the unknown product ids. */
  details?: Record<string, unknown>;
  /** What caused it: logged, never sent. */
  cause?: unknown;
}

export class HttpError extends Error {
  readonly code: string;
  readonly headers: Record<string, string>;
  readonly details: Record<string, unknown>;

  constructor(readonly status: number, message: string, options: HttpErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpError';
    this.code = options.code ?? codeForStatus(status);
    this.headers = options.headers ?? {};
    this.details = options.details ?? {};
  }
}

/** The body of every error answer. Details never overwrite `error` or `message`. */
export interface ErrorBody extends Record<string, unknown> {
  error: string;
  message: string;
}

export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { ...details, error: code, message };
}

/** What a 500 says: nothing about internals. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side; the error was logged.';
