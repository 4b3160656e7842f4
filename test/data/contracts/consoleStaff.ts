/** The StaffRepository contract: accounts (unique by email) and sessions by token hash. */
import type { StaffAccount, StaffSession } from '../../../data/console/schema';
import { actThenCheckConsole, withConsole, type ConsoleFactory } from './consoleHarness';

export function staffAccount(id: string, email: string, role: StaffAccount['role'] = 'agent'): StaffAccount {
  return { id, email, role, passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA', disabled: false, createdAt: '2026-11-16T10:00:00.000Z' };
}

function session(tokenHash: string, staffId: string, expiresAt: string): StaffSession {
  return { tokenHash, staffId, createdAt: '2026-11-16T10:00:00.000Z', expiresAt };
}

export function staffContract(factory: () => ConsoleFactory): void {
  describe('StaffRepository', () => {
    it('adds accounts in order, finds them by id and by email (trimmed, any case) and refuses a second account per email', async () => {
      await actThenCheckConsole(factory(), async ({ staff }) => {
        expect(await staff.hasAdmin()).toBe(false);
        await staff.add(staffAccount('s1', 'ann@shop.test'));
        await staff.add(staffAccount('s2', 'boss@shop.test', 'admin'));
        await expect(staff.add(staffAccount('s3', 'ann@shop.test'))).rejects.toThrow(/exists already/);
      }, async ({ staff }) => {
        expect((await staff.list()).map((s) => s.id)).toEqual(['s1', 's2']);
        expect((await staff.get('s2'))?.role).toBe('admin');
        expect((await staff.findByEmail('  ANN@shop.test '))?.id).toBe('s1');
        expect(await staff.findByEmail('nobody@shop.test')).toBeUndefined();
        expect(await staff.get('s3')).toBeUndefined();
        expect(await staff.hasAdmin()).toBe(true);
      });
    });

    it('disabling ends the account\'s sessions and a disabled admin does not count', async () => {
      await actThenCheckConsole(factory(), async ({ staff }) => {
        await staff.add(staffAccount('s1', 'boss@shop.test', 'admin'));
        await staff.add(staffAccount('s2', 'ann@shop.test'));
        const now = new Date('2026-11-16T10:00:00.000Z');
        await staff.addSession(session('h1', 's1', '2026-11-16T18:00:00.000Z'), now);
        await staff.addSession(session('h2', 's2', '2026-11-16T18:00:00.000Z'), now);
        expect((await staff.setDisabled('s1', true))?.disabled).toBe(true);
        expect(await staff.setDisabled('nope', true)).toBeUndefined();
      }, async ({ staff }) => {
        expect(await staff.hasAdmin()).toBe(false);
        expect(await staff.findSession('h1')).toBeUndefined();
        expect((await staff.findSession('h2'))?.staffId).toBe('s2');
        expect((await staff.get('s1'))?.disabled).toBe(true);
      });
    });

    it('a new session drops the expired ones; sign-out removes one', async () => {
      await actThenCheckConsole(factory(), async ({ staff }) => {
        await staff.add(staffAccount('s1', 'ann@shop.test'));
        await staff.addSession(session('old', 's1', '2026-11-16T09:00:00.000Z'), new Date('2026-11-16T08:00:00.000Z'));
        await staff.addSession(session('gone', 's1', '2026-11-16T18:00:00.000Z'), new Date('2026-11-16T08:00:00.000Z'));
        await staff.addSession(session('new', 's1', '2026-11-16T18:00:00.000Z'), new Date('2026-11-16T10:00:00.000Z'));
        await staff.removeSession('gone');
        await staff.removeSession('never existed');
      }, async ({ staff }) => {
        expect(await staff.findSession('old')).toBeUndefined();
        expect(await staff.findSession('gone')).toBeUndefined();
        expect(await staff.findSession('new')).toEqual(session('new', 's1', '2026-11-16T18:00:00.000Z'));
      });
    });

    it('re-enabling keeps the account', async () => {
      await withConsole(factory(), async ({ staff }) => {
        await staff.add(staffAccount('s1', 'ann@shop.test'));
        await staff.setDisabled('s1', true);
        expect((await staff.setDisabled('s1', false))?.disabled).toBe(false);
      });
    });
  });
}
