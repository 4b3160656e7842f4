/**
 * The widget's HTTP side on the real application: the loader (theme baked in, ETag, compression), the frame
 * (frame-ancestors, host check), CORS on the chat APIs for ALLOWED_ORIGINS only, the demo shop in demo mode only,
 * and the setting's validation.
 */
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadConfig, ConfigError } from '../../bot/config';
import { startWidgetBot, type WidgetBot } from './support/widgetBot';

const SHOP = 'https://shop.example';
const STRANGER = 'https://stranger.example';

describe('widget routes', () => {
  let bot: WidgetBot;

  beforeAll(async () => {
    bot = await startWidgetBot({ ALLOWED_ORIGINS: `${SHOP}, https://other.example:8443`, WIDGET_COLOR: '#123abc', WIDGET_GREETING: 'Welcome to the shop' });
  }, 120_000);
  afterAll(async () => bot?.close());

  test('the loader carries the server theme, is cached with an ETag and sent compressed', async () => {
    const raw = await fetch(`${bot.base}/widget.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('cache-control')).toMatch(/max-age=\d{5,}/);
    const source = await raw.text();
    expect(source).toContain('"color":"#123abc"');
    expect(source).toContain('"greeting":"Welcome to the shop"');
    const etag = raw.headers.get('etag') ?? '';
    const again = await fetch(`${bot.base}/widget.js`, { headers: { 'accept-encoding': 'identity', 'if-none-match': etag } });
    expect(again.status).toBe(304);

    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      // undici would decode for us; read the bytes through a raw request instead.
      const response = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        get(`${bot.base}/widget.js`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.body.length).toBeLessThan(Buffer.byteLength(source) / 2);
      expect(decode(response.body).toString()).toBe(source);
    }
  });

  test('the frame may be embedded only by listed origins and the bot itself', async () => {
    const allowed = await fetch(`${bot.base}/widget/frame.html?host=${encodeURIComponent(SHOP)}`);
    expect(allowed.status).toBe(200);
    const csp = allowed.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors 'self' ${SHOP} https://other.example:8443;`);
    expect(csp).not.toContain(STRANGER);

    const refused = await fetch(`${bot.base}/widget/frame.html?host=${encodeURIComponent(STRANGER)}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/ALLOWED_ORIGINS/);
    expect((await fetch(`${bot.base}/widget/frame.html`)).status).toBe(403);
    expect((await fetch(`${bot.base}/widget/frame.html?host=${encodeURIComponent(bot.base)}`)).status).toBe(200);
  });

  test('CORS: a listed origin is answered with its own origin, a stranger gets 403 naming the setting', async () => {
    const preflight = await fetch(`${bot.base}/api/chat/sessions`, {
      method: 'OPTIONS', headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');

    const created = await fetch(`${bot.base}/api/chat/sessions`, { method: 'POST', headers: { origin: SHOP, 'content-type': 'application/json' }, body: '{}' });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(SHOP);

    for (const method of ['OPTIONS', 'POST']) {
      const refused = await fetch(`${bot.base}/api/messages`, { method, headers: { origin: STRANGER, 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(await refused.json()).toMatchObject({ message: expect.stringContaining('ALLOWED_ORIGINS') });
    }
    // The bot's own pages (Origin = its host) and callers without an Origin (channels, servers) pass as before.
    const own = await fetch(`${bot.base}/api/chat/sessions`, { method: 'POST', headers: { origin: bot.base, 'content-type': 'application/json' }, body: '{}' });
    expect(own.status).toBe(201);
    expect((await fetch(`${bot.base}/api/web/config`)).status).toBe(200);
    // Other routes are not the chat's: unchanged.
    expect((await fetch(`${bot.base}/healthz`, { headers: { origin: STRANGER } })).status).toBe(200);
  });

  test('the demo shop and its products are served in demo mode', async () => {
    const page = await fetch(`${bot.base}/demo-shop/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(await page.text()).toContain('src="/widget.js"');
    const { products } = (await (await fetch(`${bot.base}/api/widget/demo-products`)).json()) as { products: { id: string; category: string }[] };
    expect(products.length).toBeGreaterThan(3);
    expect(new Set(products.map((p) => p.category)).size).toBeGreaterThan(1);
    const one = await fetch(`${bot.base}/api/widget/demo-products/${encodeURIComponent(products[0].id)}`);
    expect(await one.json()).toMatchObject({ product: { id: products[0].id } });
    expect((await fetch(`${bot.base}/api/widget/demo-products/no-such-thing`)).status).toBe(404);
  });
});

describe('outside demo mode', () => {
  let bot: WidgetBot;
  beforeAll(async () => {
    bot = await startWidgetBot({ DEMO_MODE: 'false', ALLOW_ANONYMOUS: 'true' });
  }, 120_000);
  afterAll(async () => bot?.close());

  test('there is no demo shop, and the loader is still served', async () => {
    expect((await fetch(`${bot.base}/demo-shop/`)).status).toBe(404);
    expect((await fetch(`${bot.base}/api/widget/demo-products`)).status).toBe(404);
    expect((await fetch(`${bot.base}/widget.js`)).status).toBe(200);
  });
});

describe('ALLOWED_ORIGINS and WIDGET_* validation', () => {
  test.each([
    ['ALLOWED_ORIGINS', 'https://shop.example/path'],
    ['ALLOWED_ORIGINS', '*'],
    ['ALLOWED_ORIGINS', 'ftp://shop.example'],
    ['WIDGET_COLOR', 'red; background: url(x)'],
    ['WIDGET_AVATAR_URL', 'javascript:alert(1)'],
  ])('%s=%s stops startup naming the setting', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(key));
  });

  test('a list of origins is accepted', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.example, http://localhost:8080' }).ALLOWED_ORIGINS).toEqual(['https://a.example', 'http://localhost:8080']);
  });
});
