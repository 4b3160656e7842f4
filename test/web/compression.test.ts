/** Static files: compressed when accepted (brotli, else gzip), revalidated by ETag, and a planted cache never served. */
import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import restify from 'restify';
import { createJsonServer } from '../support/jsonServer';
import { CompressedFiles, chooseEncoding, sendFile } from '../../review/staticFiles';
import { registerWebRoutes } from '../../review/webRoutes';
import { WEB_ROOT } from './support/chatServer';

const WEBCHAT = join(__dirname, '..', '..', 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');

function request(url: string, headers: Record<string, string> = {}): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

async function serveWith(register: (server: restify.Server) => void): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createJsonServer();
  register(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('static files', () => {
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => ({ base, close } = await serveWith((s) => registerWebRoutes(s, { webRoot: WEB_ROOT, demoMode: false }))));
  afterAll(async () => close());
  const raw = readFileSync(WEBCHAT);

  it('sends the Web Chat bundle as brotli when accepted, with caching headers', async () => {
    const { res, body } = await request(`${base}/vendor/webchat.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(res.headers.etag).toMatch(/^".+-br"$/);
    expect(Number(res.headers['content-length'])).toBe(body.length);
    expect(body.length).toBeLessThan(raw.length / 4);
    expect(brotliDecompressSync(body).equals(raw)).toBe(true);
    process.stdout.write(`webchat.js served: ${raw.length} bytes raw, ${body.length} bytes brotli\n`);
  });

  it('sends gzip to a client without brotli, and the raw file to one that accepts neither', async () => {
    const gz = await request(`${base}/vendor/webchat.js`, { 'accept-encoding': 'gzip' });
    expect(gz.res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(raw)).toBe(true);
    const plain = await request(`${base}/vendor/webchat.js`, { 'accept-encoding': 'identity' });
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);
  });

  it('answers a revalidation with the same ETag by 304 and no body', async () => {
    const first = await request(`${base}/chat/chat.js`, { 'accept-encoding': 'br' });
    const again = await request(`${base}/chat/chat.js`, { 'accept-encoding': 'br', 'if-none-match': String(first.res.headers.etag) });
    expect(again.res.statusCode).toBe(304);
    expect(again.body.length).toBe(0);
    const otherEncoding = await request(`${base}/chat/chat.js`, { 'accept-encoding': 'identity', 'if-none-match': String(first.res.headers.etag) });
    expect(otherEncoding.res.statusCode).toBe(200);
  });

  it.each([
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['gzip;q=0, br;q=0', null],
    ['', null],
  ])('chooses an encoding for "%s"', (header, expected) => {
    expect(chooseEncoding(header, { raw: Buffer.alloc(0), gzip: Buffer.alloc(1), br: Buffer.alloc(1) })).toBe(expected);
  });

  it('never serves from a cache folder that others can write to', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'static-cache-')), 'shared');
    const target = join(mkdtempSync(join(tmpdir(), 'static-src-')), 'app.js');
    writeFileSync(target, 'console.log("the real file");'.repeat(100));
    // A first instance fills a private cache; then the folder is opened to everyone and a file is planted in it.
    const warmed = new CompressedFiles(dir);
    const served = await serveWith((s) => s.get('/app.js', async (req: restify.Request, res: restify.Response) => { await sendFile(req, res, target, {}, warmed); }));
    await request(`${served.base}/app.js`, { 'accept-encoding': 'br' });
    await served.close();
    const [cached] = readdirSync(dir).filter((f) => f.endsWith('.br'));
    expect(cached).toBeDefined();
    chmodSync(dir, 0o777);
    writeFileSync(join(dir, cached), Buffer.from('planted'));
    const fresh = new CompressedFiles(dir);
    const again = await serveWith((s) => s.get('/app.js', async (req: restify.Request, res: restify.Response) => { await sendFile(req, res, target, {}, fresh); }));
    const { body } = await request(`${again.base}/app.js`, { 'accept-encoding': 'br' });
    await again.close();
    expect(brotliDecompressSync(body).toString()).toBe(readFileSync(target, 'utf8'));
  });
});
