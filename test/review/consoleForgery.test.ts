/**
 * Forged console requests, through the real application on loopback: a staff member's cookie riding on a
 * form or a script from another site changes nothing; the console's own JSON calls still work.
 */
import { startApp, type RunningApp } from '../support/app';

const ADMIN = { email: 'admin@shop.test', password: 'a long admin passphrase' };
const PARTNER = 'https://console.partner.example';
const EVIL = 'https://evil.example';

describe('the console refuses forged requests', () => {
  let running: RunningApp;
  let cookie: string;

  beforeAll(async () => {
    running = await startApp({ STAFF_ADMIN_EMAIL: ADMIN.email, STAFF_ADMIN_PASSWORD: ADMIN.password, CONSOLE_ALLOWED_ORIGINS: `${PARTNER}, http://localhost:9` });
    const res = await fetch(`${running.url}/api/review/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    expect(res.status).toBe(200);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  });
  afterAll(() => running.app.close());

  function createStaff(headers: Record<string, string>, body: string): Promise<Response> {
    return fetch(`${running.url}/api/review/staff`, { method: 'POST', headers: { cookie, ...headers }, body });
  }
  const form = (email: string) => new URLSearchParams({ email, password: 'a long enough passphrase', role: 'admin' }).toString();
  const json = (email: string) => JSON.stringify({ email, password: 'a long enough passphrase', role: 'admin' });
  const FORM = 'application/x-www-form-urlencoded';

  async function staffEmails(): Promise<string[]> {
    const res = await fetch(`${running.url}/api/review/staff`, { headers: { cookie } });
    return ((await res.json()) as { items: { email: string }[] }).items.map((a) => a.email);
  }

  test('a form or script from another site with a staff cookie is refused (403 or 415) and creates no admin; the console\'s own JSON calls work', async () => {
    const attempts: [string, Record<string, string>, string, number][] = [
      ['cross-site form', { 'content-type': FORM, origin: EVIL, 'sec-fetch-site': 'cross-site' }, form('form1@evil.example'), 403],
      ['form, Origin only', { 'content-type': FORM, origin: EVIL }, form('form2@evil.example'), 403],
      ['form, no browser headers', { 'content-type': FORM }, form('form3@evil.example'), 415],
      ['same-site JSON', { 'content-type': 'application/json', origin: 'https://shop.example', 'sec-fetch-site': 'same-site' }, json('json1@evil.example'), 403],
      ['cross-site JSON', { 'content-type': 'application/json', origin: EVIL }, json('json2@evil.example'), 403],
      ['"null" origin', { 'content-type': 'application/json', origin: 'null' }, json('json3@evil.example'), 403],
      ['JSON as text/plain', { 'content-type': 'text/plain;charset=UTF-8', 'sec-fetch-site': 'same-origin' }, json('text@evil.example'), 415],
    ];
    for (const [what, headers, body, status] of attempts) {
      const res = await createStaff(headers, body);
      const answer = (await res.json()) as { error: string; message: string };
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(answer.error).toBe(status === 403 ? 'forbidden_origin' : 'unsupported_media_type');
      expect(answer.message).toMatch(status === 403 ? /another site/ : /application\/json/);
    }
    expect((await staffEmails()).filter((e) => e.endsWith('evil.example'))).toEqual([]);
    // Signing in and out from another site is refused the same way.
    const crossLogin = await fetch(`${running.url}/api/review/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: EVIL, 'sec-fetch-site': 'cross-site' }, body: JSON.stringify(ADMIN),
    });
    expect(crossLogin.status).toBe(403);

    // JSON from the console itself or a listed origin is still accepted.
    const own = new URL(running.url).origin;
    expect((await createStaff({ 'content-type': 'application/json', origin: own, 'sec-fetch-site': 'same-origin' }, json('own@shop.test'))).status).toBe(201);
    expect((await createStaff({ 'content-type': 'application/json; charset=utf-8', origin: own }, json('own2@shop.test'))).status).toBe(201);
    expect((await createStaff({ 'content-type': 'application/json', origin: PARTNER, 'sec-fetch-site': 'cross-site' }, json('partner@shop.test'))).status).toBe(201);
    // Not a browser (no Origin, no Sec-Fetch-Site): the session alone decides, as for curl.
    expect((await createStaff({ 'content-type': 'application/json' }, json('script@shop.test'))).status).toBe(201);
    expect(await staffEmails()).toEqual(expect.arrayContaining(['own@shop.test', 'own2@shop.test', 'partner@shop.test', 'script@shop.test']));
  });

  test('form and multipart bodies are refused everywhere, not only on the console (415)', async () => {
    const activity = new URLSearchParams({
      type: 'message', text: 'hi', channelId: 'form', deliveryMode: 'expectReplies',
      'conversation[id]': 'form-1', 'from[id]': 'someone', 'recipient[id]': 'bot',
    }).toString();
    const messages = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': FORM }, body: activity });
    expect(messages.status).toBe(415);
    expect(((await messages.json()) as { message: string }).message).toMatch(/application\/json/);
    const multipart = new FormData();
    multipart.set('id', 'x');
    const orders = await fetch(`${running.url}/api/orders`, { method: 'POST', body: multipart });
    expect(orders.status).toBe(415);
    const demo = await fetch(`${running.url}/api/web/demo-identity`, { method: 'POST', headers: { 'content-type': FORM }, body: 'customerId=12347' });
    expect(demo.status).toBe(415);
  });
});
