/**
 * Through the real server: what a shopper types to answer a sign-in question never reaches staff (for every
 * role); emails, phones and card numbers are redacted anywhere.
 */
import { startApp, say, type RunningApp } from '../support/app';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';

const ADMIN = { email: 'admin@shop.example', password: 'a-long-admin-password-1' };
let running: RunningApp;
let cookie = '';
beforeAll(async () => {
  running = await startApp({ STAFF_ADMIN_EMAIL: ADMIN.email, STAFF_ADMIN_PASSWORD: ADMIN.password });
  const login = await fetch(`${running.url}/api/review/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: running.url }, body: JSON.stringify(ADMIN),
  });
  expect(login.status).toBe(200);
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
});
afterAll(async () => { await running.app.close(); });

interface Transcript { entries: { direction: string; text: string | null }[] }
async function transcript(conversationId: string): Promise<Transcript> {
  const res = await fetch(`${running.url}/api/review/conversations/${conversationId}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { conversation: Transcript }).conversation;
}

describe('transcripts', () => {
  it('hide every answer to a sign-in question, right or wrong, even from admins', async () => {
    const [alice] = DEMO_CUSTOMERS;
    const conversation = 'transcript-sign-in';
    await say(running.url, conversation, 'sign in');
    await say(running.url, conversation, 'not an email');
    await say(running.url, conversation, alice.email);
    await say(running.url, conversation, 'WRONG 1AB');
    await say(running.url, conversation, 'yes');
    await say(running.url, conversation, alice.email.toUpperCase());
    const done = await say(running.url, conversation, alice.postcode.toLowerCase());
    expect(done[0].text).toMatch(/you're signed in/);

    const incoming = (await transcript(conversation)).entries.filter((e) => e.direction === 'in').map((e) => e.text);
    expect(incoming).toEqual(['sign in', ...Array(3).fill('[sign-in answer hidden]'), 'yes', ...Array(2).fill('[sign-in answer hidden]')]);
    const all = JSON.stringify(await transcript(conversation));
    for (const secret of [alice.postcode, alice.postcode.toLowerCase(), 'WRONG 1AB', 'not an email', alice.email]) expect(all).not.toContain(secret);
  });

  it('redact emails, phone numbers and card numbers anywhere in shopper text', async () => {
    const conversation = 'transcript-free-text';
    await say(running.url, conversation, 'call me on 07700 900123 or mail bob@example.org, card 4111 1111 1111 1111');
    const [entry] = (await transcript(conversation)).entries.filter((e) => e.direction === 'in');
    expect(entry.text).toBe('call me on [phone] or mail [email], card [card]');
  });
});
