import { buildFixture, type Fixture } from './support/fixture';
import { ADMIN, AGENT, signIn, startReviewServer, type ReviewServer } from './support/reviewServer';
import { withTempDir } from './support/tempDir';
import { ensureFirstAdmin, HOW_TO_CREATE_ADMIN } from '../../review/staffAccounts';
import { hashPassword, verifyPassword } from '../../review/passwords';
import { LoginThrottle } from '../../review/loginThrottle';
import { MemoryLoginThrottle } from '../../data/console/memoryLoginThrottle';

function login(base: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/review/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }),
  });
}

describe('staff sign-in', () => {
  let fixture: Fixture;
  let server: ReviewServer;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const temp = await withTempDir();
    cleanup = temp.cleanup;
    fixture = await buildFixture(temp.dir);
    server = await startReviewServer(fixture, { trustProxy: true, throttle: { maxFailuresPerAccount: 3, maxFailuresPerIp: 6 } });
  });
  afterEach(async () => {
    await server.close();
    await fixture.close();
    await cleanup();
  });

  test('the session cookie is HttpOnly, SameSite=Strict and expiring; Secure only behind https', async () => {
    const plain = (await login(server.base, ADMIN.email, ADMIN.password)).headers.get('set-cookie') ?? '';
    expect(plain).toMatch(/HttpOnly/);
    expect(plain).toMatch(/SameSite=Strict/);
    expect(plain).toMatch(/Max-Age=28800/);
    expect(plain).not.toMatch(/Secure/);
    const proxied = await login(server.base, ADMIN.email, ADMIN.password, { 'x-forwarded-proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  test('repeated failures on one account get 429, even with the right password afterwards', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await login(server.base, AGENT.email, `wrong guess ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const right = await login(server.base, AGENT.email, AGENT.password);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from another address is unaffected.
    expect((await login(server.base, ADMIN.email, ADMIN.password, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
  });

  test('one address trying many accounts gets 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await login(server.base, `nobody${i}@shop.test`, 'whatever you say')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    expect((await login(server.base, ADMIN.email, ADMIN.password)).status).toBe(429);
  });

  test('an agent cannot manage accounts; an admin creates and disables one, which ends its session', async () => {
    const agent = await signIn(server.base, AGENT);
    expect((await agent('/api/review/staff')).status).toBe(403);
    const admin = await signIn(server.base, ADMIN);
    const weak = await admin('/api/review/staff', { method: 'POST', body: JSON.stringify({ email: 'new@shop.test', password: 'short' }) });
    expect(weak.status).toBe(400);
    const created = await admin('/api/review/staff', { method: 'POST', body: JSON.stringify({ email: 'New@Shop.test', password: 'a long enough passphrase' }) });
    expect(created.status).toBe(201);
    const account = await created.json();
    expect(account).toMatchObject({ email: 'new@shop.test', role: 'agent', disabled: false });
    expect(account.passwordHash).toBeUndefined();
    const duplicate = await admin('/api/review/staff', { method: 'POST', body: JSON.stringify({ email: 'new@shop.test', password: 'a long enough passphrase' }) });
    expect(duplicate.status).toBe(409);
    const newcomer = await signIn(server.base, { email: 'new@shop.test', password: 'a long enough passphrase' });
    expect((await newcomer('/api/review/kpis')).status).toBe(200);
    await admin(`/api/review/staff/${account.id}/disable`, { method: 'POST', body: '{}' });
    expect((await newcomer('/api/review/kpis')).status).toBe(401);
    expect((await login(server.base, 'new@shop.test', 'a long enough passphrase')).status).toBe(401);
  });

  test('signing out ends the session', async () => {
    const agent = await signIn(server.base, AGENT);
    expect((await agent('/api/review/auth/status').then((r) => r.json())).signedIn).toBe(true);
    await agent('/api/review/auth/logout', { method: 'POST', body: '{}' });
    expect((await agent('/api/review/kpis')).status).toBe(401);
  });

  test('sign-ins are audited without the email', async () => {
    await login(server.base, AGENT.email, 'not the password');
    await login(server.base, AGENT.email, AGENT.password);
    const entries = (await fixture.commerce.repositories.audit.list()).filter((e) => e.action === 'staff_login');
    expect(entries.map((e) => e.details.outcome)).toEqual(['failed', 'signed_in']);
    expect(JSON.stringify(entries)).not.toContain(AGENT.email);
  });
});

describe('first admin', () => {
  test('is created from settings only, once, and never with a default password', async () => {
    const temp = await withTempDir();
    const fixture = await buildFixture(temp.dir);
    const staff = fixture.console.staff;
    expect(await ensureFirstAdmin(staff, {})).toBe('not_configured');
    expect(await ensureFirstAdmin(staff, { email: 'boss@shop.test' })).toBe('not_configured');
    expect(await staff.list()).toEqual([]);
    expect(HOW_TO_CREATE_ADMIN).toContain('STAFF_ADMIN_PASSWORD');
    await expect(ensureFirstAdmin(staff, { email: 'boss@shop.test', password: 'short' })).rejects.toThrow(/at least 12/);
    expect(await ensureFirstAdmin(staff, { email: 'boss@shop.test', password: 'a proper passphrase' })).toBe('created');
    expect(await ensureFirstAdmin(staff, { email: 'other@shop.test', password: 'a proper passphrase' })).toBe('admin_exists');
    expect((await staff.list()).map((s) => [s.email, s.role])).toEqual([['boss@shop.test', 'admin']]);
    await fixture.close();
    await temp.cleanup();
  });
});

describe('password hashing', () => {
  test('uses a per-user salt and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('same password here', a)).toBe(true);
    expect(await verifyPassword('same password herE', a)).toBe(false);
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  });
});

describe('LoginThrottle', () => {
  test('lets an account try again once the oldest failure leaves the window', async () => {
    const throttle = new LoginThrottle(new MemoryLoginThrottle(), { maxFailuresPerAccount: 2, maxFailuresPerIp: 100, windowMs: 60_000 });
    for (const at of [0, 10_000]) {
      const reservation = await throttle.reserve('a', 'ip', at);
      if (reservation.allowed) await reservation.attempt.failed();
    }
    expect(await throttle.reserve('a', 'ip', 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(await throttle.reserve('a', 'ip', 60_001)).toMatchObject({ allowed: true });
  });
});
