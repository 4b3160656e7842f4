/** The one error model on a real restify server: every error answer is `{ error: code, message }`. */
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { HttpError } from '../../http/errors';
import { handle, parseBody, sendJson } from '../../http/json';
import { createJsonServer } from '../support/jsonServer';

describe('handle', () => {
  const logged: string[] = [];
  const logger = { warn: () => {}, error: (msg: string, fields?: Record<string, unknown>) => logged.push(`${msg} ${String(fields?.error)}`) };
  const server = createJsonServer();
  const Body = z.object({ quantity: z.number().int('must be a whole number') });
  server.post('/parse', handle(logger, async (req, res) => sendJson(res, 200, parseBody(req, Body))));
  server.get('/refused', handle(logger, async () => {
    throw new HttpError(429, 'Wait a minute.', { code: 'slow_down', headers: { 'retry-after': '60' }, details: { retryAfterSeconds: 60 } });
  }));
  server.get('/broken', handle(logger, async () => { throw new Error('disk full at /secret/path'); }, { log: 'broken route failed', message: 'Try later.' }));
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('an HttpError answers its status, headers, code, message and details', async () => {
    const res = await fetch(`${base}/refused`);
    expect([res.status, res.headers.get('retry-after')]).toEqual([429, '60']);
    expect(await res.json()).toEqual({ error: 'slow_down', message: 'Wait a minute.', retryAfterSeconds: 60 });
  });

  test('an unexpected error is logged with the route wording and answered 500 without internals', async () => {
    const res = await fetch(`${base}/broken`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal_error', message: 'Try later.' });
    expect(logged).toEqual(['broken route failed Error: disk full at /secret/path']);
  });

  test.each([
    ['{"quantity": 1.5}', 400, { error: 'bad_request', message: 'quantity: must be a whole number' }],
    ['{"quantity": 2}', 200, { quantity: 2 }],
  ])('the parsed body %s is checked once, naming the first bad field', async (body, status, answer) => {
    const res = await fetch(`${base}/parse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect([res.status, await res.json()]).toEqual([status, answer]);
  });

  test('a form body is refused by the one body parser with the same error shape', async () => {
    const res = await fetch(`${base}/parse`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'quantity=1' });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: 'unsupported_media_type', message: expect.stringMatching(/application\/json/) });
  });
});

test('an HttpError without a code takes the name of its status, and keeps its cause', () => {
  const cause = new Error('db down');
  const error = new HttpError(503, 'Later.', { cause });
  expect([error.code, error.cause]).toEqual(['unavailable', cause]);
  expect(new HttpError(404, 'No such thing.').code).toBe('not_found');
});
