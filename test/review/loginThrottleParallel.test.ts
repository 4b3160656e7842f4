/** Staff sign-in throttling under parallel guesses, through the real review server on loopback. */
import { buildFixture, type Fixture } from './support/fixture';
import { ADMIN, AGENT, startReviewServer, type ReviewServer } from './support/reviewServer';
import { withTempDir } from './support/tempDir';
import { DEFAULT_THROTTLE } from '../../review/loginThrottle';

function login(base: string, email: string, password: string, fromIp: string): Promise<Response> {
  return fetch(`${base}/api/review/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': fromIp },
    body: JSON.stringify({ email, password }),
  });
}

function count(statuses: number[], status: number): number {
  return statuses.filter((s) => s === status).length;
}

describe('login throttle under parallel requests', () => {
  let fixture: Fixture;
  let server: ReviewServer;
  let cleanup: () => Promise<void>;

  async function start(throttle?: { maxFailuresPerAccount: number; maxFailuresPerIp: number }): Promise<void> {
    const temp = await withTempDir();
    cleanup = temp.cleanup;
    fixture = await buildFixture(temp.dir);
    server = await startReviewServer(fixture, { trustProxy: true, ...(throttle ? { throttle } : {}) });
  }
  afterEach(async () => {
    await server.close();
    await fixture.close();
    await cleanup();
  });

  test('20 parallel wrong passwords for one account: at most 5 get 401, the rest 429; the right one is then refused; successes do not use up the budget', async () => {
    await start();
    const limit = DEFAULT_THROTTLE.maxFailuresPerAccount;
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => login(server.base, AGENT.email, `wrong guess ${i}`, '198.51.100.7')));
    const statuses = responses.map((r) => r.status);
    expect(count(statuses, 401)).toBeGreaterThan(0);
    expect(count(statuses, 401)).toBeLessThanOrEqual(limit);
    expect(count(statuses, 429)).toBe(20 - count(statuses, 401));
    // Locked: the right password from another address is refused too.
    const right = await login(server.base, AGENT.email, AGENT.password, '203.0.113.50');
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);

    // Successes, also next to failures in flight, keep no reservation and forgive the account's failures.
    const ip = '198.51.100.9';
    const mixed = await Promise.all([login(server.base, ADMIN.email, 'wrong one', ip), login(server.base, ADMIN.email, ADMIN.password, ip)]);
    expect(mixed.map((r) => r.status).sort()).toEqual([200, 401]);
    // The failure may settle after the success (their hashes race): one more sign-in forgives it either way.
    expect((await login(server.base, ADMIN.email, ADMIN.password, ip)).status).toBe(200);
    for (let round = 0; round < 3; round += 1) {
      const burst = await Promise.all(Array.from({ length: limit }, () => login(server.base, ADMIN.email, ADMIN.password, ip)));
      expect(burst.map((r) => r.status)).toEqual(Array.from({ length: limit }, () => 200));
    }
    const after: number[] = [];
    for (let i = 0; i <= limit; i += 1) after.push((await login(server.base, ADMIN.email, `wrong ${i}`, ip)).status);
    expect(after).toEqual([...Array.from({ length: limit }, () => 401), 429]);
    expect(server.errors).toEqual([]);
  });

  test('20 parallel guesses over many accounts from one address: at most the per-address limit get 401', async () => {
    await start({ maxFailuresPerAccount: 5, maxFailuresPerIp: 8 });
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => login(server.base, `nobody${i}@shop.test`, 'whatever you say', '198.51.100.8')));
    const statuses = responses.map((r) => r.status);
    expect(count(statuses, 401)).toBeLessThanOrEqual(8);
    expect(count(statuses, 429)).toBe(20 - count(statuses, 401));
    expect((await login(server.base, ADMIN.email, ADMIN.password, '198.51.100.8')).status).toBe(429);
  });
});
