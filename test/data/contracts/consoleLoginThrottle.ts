/** The LoginThrottleStore contract: a sliding window per key, reserved atomically, settled or released. */
import { withConsole, type ConsoleFactory } from './consoleHarness';

const WINDOW = 60_000;
const keys = (account: string, ip = 'ip:1', max = 2) => [{ key: `account:${account}`, max }, { key: ip, max: 100 }];

export function loginThrottleContract(factory: () => ConsoleFactory): void {
  describe('LoginThrottleStore', () => {
    it('counts failures in the window and says how long until the oldest leaves it', async () => {
      await withConsole(factory(), async ({ loginThrottle }) => {
        expect(await loginThrottle.reserve(keys('a'), 'r1', 0, WINDOW)).toBe(0);
        await loginThrottle.settle('r1');
        expect(await loginThrottle.reserve(keys('a'), 'r2', 10_000, WINDOW)).toBe(0);
        await loginThrottle.settle('r2');
        expect(await loginThrottle.reserve(keys('a'), 'r3', 20_000, WINDOW)).toBe(40_000);
        // Another account from the same address is not held back by a's failures.
        expect(await loginThrottle.reserve(keys('b'), 'r4', 20_000, WINDOW)).toBe(0);
        expect(await loginThrottle.reserve(keys('a'), 'r5', 60_001, WINDOW)).toBe(0);
      });
    });

    it('a success removes its own mark and forgives settled failures, but attempts still in flight stay counted', async () => {
      await withConsole(factory(), async ({ loginThrottle }) => {
        expect(await loginThrottle.reserve(keys('a', 'ip:1', 3), 'failed', 0, WINDOW)).toBe(0);
        await loginThrottle.settle('failed');
        expect(await loginThrottle.reserve(keys('a', 'ip:1', 3), 'in-flight', 1, WINDOW)).toBe(0);
        expect(await loginThrottle.reserve(keys('a', 'ip:1', 3), 'ok', 2, WINDOW)).toBe(0);
        await loginThrottle.release('ok', 'account:a');
        // Left: the one in flight. Two more fit under 3; the third does not.
        expect(await loginThrottle.reserve(keys('a', 'ip:1', 3), 'x1', 3, WINDOW)).toBe(0);
        expect(await loginThrottle.reserve(keys('a', 'ip:1', 3), 'x2', 4, WINDOW)).toBe(0);
        expect(await loginThrottle.reserve(keys('a', 'ip:1', 3), 'x3', 5, WINDOW)).toBeGreaterThan(0);
      });
    });

    it('parallel reservations for one key: exactly `max` get through', async () => {
      await withConsole(factory(), async ({ loginThrottle }) => {
        const waits = await Promise.all(Array.from({ length: 12 }, (_, i) => loginThrottle.reserve(keys('a', `ip:${i}`, 5), `p${i}`, 1000, WINDOW)));
        expect(waits.filter((w) => w === 0)).toHaveLength(5);
        expect(waits.filter((w) => w === WINDOW)).toHaveLength(7);
      });
    });
  });
}
