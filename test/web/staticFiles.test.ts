/**
 * Static files over real HTTP on loopback (RFC 9110): HEAD, byte ranges of the uncompressed file, ETag and
 * Last-Modified revalidation, and no way out of the web folder through `..` (encoded or not) or a symlink.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { parseRange } from '../../review/staticConditionals';
import { registerWebRoutes } from '../../review/webRoutes';
import { createJsonServer } from '../support/jsonServer';

interface Answer { status: number; headers: IncomingHttpHeaders; body: Buffer }

/** A raw request: the path is sent exactly as given (fetch would normalise "%2e%2e" away before sending). */
function send(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** What curl sends with `curl -r 0-99 URL` (plus the encodings a browser accepts, to show ranges ignore them). */
const CURL = { 'user-agent': 'curl/8.5.0', accept: '*/*', 'accept-encoding': 'gzip, deflate, br' };

describe('static files over HTTP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'static-'));
  const webRoot = join(dir, 'web');
  const script = Buffer.from(Array.from({ length: 400 }, (_, i) => `console.log("line ${i}");\n`).join(''));
  const image = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
  let base: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    mkdirSync(join(webRoot, 'chat'), { recursive: true });
    mkdirSync(join(webRoot, 'console'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>chat</title>');
    writeFileSync(join(webRoot, 'chat', 'app.js'), script);
    writeFileSync(join(webRoot, 'chat', 'logo.png'), image);
    writeFileSync(join(dir, 'secret.json'), '{"secret":"do not serve"}');
    symlinkSync(join(dir, 'secret.json'), join(webRoot, 'chat', 'escape.json'));
    symlinkSync(join(webRoot, 'chat', 'app.js'), join(webRoot, 'chat', 'alias.js'));
    const server = createJsonServer();
    registerWebRoutes(server, { webRoot, demoMode: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => close());

  it('answers HEAD with the headers of GET and no body', async () => {
    for (const path of ['/chat/app.js', '/chat/logo.png', '/']) {
      const get = await send(base, path, CURL);
      const head = await send(base, path, CURL, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const name of ['content-length', 'content-type', 'content-encoding', 'etag', 'last-modified', 'vary', 'cache-control', 'accept-ranges']) {
        expect([path, name, head.headers[name]]).toEqual([path, name, get.headers[name]]);
      }
    }
    expect((await send(base, '/chat/missing.js', {}, 'HEAD')).status).toBe(404);
  });

  it('serves a byte range of the uncompressed file, even to a client that accepts brotli', async () => {
    const first = await send(base, '/chat/app.js', { ...CURL, range: 'bytes=0-99' });
    expect(first.status).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-99/${script.length}`);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.headers['content-length']).toBe('100');
    expect(first.body.equals(script.subarray(0, 100))).toBe(true);
    const suffix = await send(base, '/chat/app.js', { ...CURL, range: 'bytes=-10' });
    expect(suffix.body.equals(script.subarray(script.length - 10))).toBe(true);
    const open = await send(base, '/chat/app.js', { ...CURL, range: `bytes=${script.length - 5}-` });
    expect(open.headers['content-range']).toBe(`bytes ${script.length - 5}-${script.length - 1}/${script.length}`);
    const past = await send(base, '/chat/app.js', { ...CURL, range: `bytes=10-${script.length * 2}` });
    expect(past.body.equals(script.subarray(10))).toBe(true);
  });

  it('streams ranges of files it does not compress', async () => {
    const part = await send(base, '/chat/logo.png', { range: 'bytes=1000-1999' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${image.length}`);
    expect(part.body.equals(image.subarray(1000, 2000))).toBe(true);
  });

  it('answers 416 to a range past the end, and ignores ranges it does not serve', async () => {
    const beyond = await send(base, '/chat/app.js', { ...CURL, range: `bytes=${script.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${script.length}`);
    expect(beyond.body.length).toBe(0);
    for (const range of ['items=0-5', 'bytes=5-1', 'bytes=0-1,5-9', 'bytes=abc']) {
      const full = await send(base, '/chat/app.js', { range, 'accept-encoding': 'identity' });
      expect([range, full.status, full.body.length]).toEqual([range, 200, script.length]);
    }
    const headRange = await send(base, '/chat/app.js', { range: 'bytes=0-9' }, 'HEAD');
    expect([headRange.status, headRange.headers['content-length']]).toEqual([200, String(script.length)]);
  });

  it('honours a range only while If-Range still names this version', async () => {
    const plain = await send(base, '/chat/app.js', { 'accept-encoding': 'identity' });
    const etag = String(plain.headers.etag);
    const current = await send(base, '/chat/app.js', { ...CURL, range: 'bytes=0-9', 'if-range': etag });
    expect(current.status).toBe(206);
    const byDate = await send(base, '/chat/app.js', { ...CURL, range: 'bytes=0-9', 'if-range': String(plain.headers['last-modified']) });
    expect(byDate.status).toBe(206);
    const stale = await send(base, '/chat/app.js', { ...CURL, range: 'bytes=0-9', 'if-range': '"an-older-version"' });
    expect(stale.status).toBe(200);
    expect(stale.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(stale.body).equals(script)).toBe(true);
  });

  it('revalidates by ETag (lists, weak tags, *) and by Last-Modified, with the caching headers on the 304', async () => {
    const first = await send(base, '/chat/app.js', CURL);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect(new Date(lastModified).getTime()).toBe(Math.floor(statSync(join(webRoot, 'chat', 'app.js')).mtimeMs / 1000) * 1000);
    for (const condition of [etag, `"other", W/${etag}`, '*']) {
      const again = await send(base, '/chat/app.js', { ...CURL, 'if-none-match': condition });
      expect([condition, again.status, again.body.length]).toEqual([condition, 304, 0]);
      expect(again.headers.etag).toBe(etag);
      expect(again.headers.vary).toBe('Accept-Encoding');
      expect(again.headers['cache-control']).toBe('no-cache');
      expect(again.headers['content-type']).toBeUndefined();
    }
    expect((await send(base, '/chat/app.js', { ...CURL, 'if-modified-since': lastModified })).status).toBe(304);
    expect((await send(base, '/chat/app.js', { ...CURL, 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(200);
    expect((await send(base, '/chat/app.js', { ...CURL, 'if-modified-since': 'not a date' })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
    expect((await send(base, '/chat/app.js', { ...CURL, 'if-none-match': '"other"', 'if-modified-since': lastModified })).status).toBe(200);
    expect((await send(base, '/chat/logo.png', { 'if-none-match': String((await send(base, '/chat/logo.png')).headers.etag) })).status).toBe(304);
  });

  it('refuses to leave the web folder through encoded dots or a symlink', async () => {
    for (const path of [
      '/chat/../../secret.json', '/chat/..%2f..%2fsecret.json', '/chat/%2e%2e/%2e%2e/secret.json', '/chat/%2e%2e%2f%2e%2e%2fsecret.json',
      '/chat/%252e%252e%252f%252e%252e%252fsecret.json', '/chat/..%5c..%5csecret.json', '/chat/escape.json', '/chat/%00app.js',
    ]) {
      const answer = await send(base, path);
      expect([path, answer.status >= 400 && answer.status < 500]).toEqual([path, true]);
      expect(answer.body.toString()).not.toContain('do not serve');
    }
    expect(readFileSync(join(webRoot, 'chat', 'escape.json'), 'utf8')).toContain('do not serve');
    const alias = await send(base, '/chat/alias.js', { 'accept-encoding': 'identity' });
    expect([alias.status, alias.body.equals(script)]).toEqual([200, true]);
  });
});

describe('Range header parsing', () => {
  it.each([
    [undefined, 100, { kind: 'full' }],
    ['bytes=0-0', 100, { kind: 'partial', start: 0, end: 0 }],
    ['BYTES = 5 - 9', 100, { kind: 'partial', start: 5, end: 9 }],
    ['bytes=-200', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=-', 100, { kind: 'full' }],
    ['bytes=99999999999999999999-', 100, { kind: 'unsatisfiable' }],
  ])('"%s" of %d bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
