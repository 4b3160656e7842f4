/** Small HTTP helpers for the review API: one error type carrying the status, JSON in and out, zod at the edge. */
import type { Request, RequestHandler, Response } from 'restify';
import type { z } from 'zod';
import type { ReviewLogger } from './logger';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** Wraps an async handler: HttpErrors become their status with the message; anything else a generic 500. */
export function handle(logger: ReviewLogger, handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res, next) => {
    handler(req, res).then(() => next(), (error: unknown) => {
      if (error instanceof HttpError) {
        sendJson(res, error.status, { error: error.message }, error.headers);
      } else {
        logger.error('review request failed', { path: req.path(), error });
        sendJson(res, 500, { error: 'Something went wrong on our side; the error was logged.' });
      }
      next();
    });
  };
}

export function queryOf(req: Request): Record<string, string> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  return Object.fromEntries(params.entries());
}

export function parseOr400<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new HttpError(400, `${where}${issue?.message ?? 'invalid input'}`);
}

const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body, whether or not a global body parser already ran. */
export async function readJson(req: Request): Promise<unknown> {
  const parsedBefore: unknown = (req as { body?: unknown }).body;
  if (parsedBefore !== undefined && parsedBefore !== null && typeof parsedBefore === 'object' && !Buffer.isBuffer(parsedBefore)) {
    return parsedBefore;
  }
  let text: string;
  if (typeof parsedBefore === 'string') text = parsedBefore;
  else if (Buffer.isBuffer(parsedBefore)) text = parsedBefore.toString('utf8');
  else text = await readStream(req);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'The body must be JSON.');
  }
}

async function readStream(req: Request): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The body is too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
