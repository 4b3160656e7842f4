/** lowdb: staff accounts and their sign-in sessions (sessions are stored by token hash only). */
import type { ConsoleDb } from './consoleStore';
import type { StaffRepository } from '../consolePorts';
import type { StaffAccount, StaffSession } from './schema';

export class StaffStore implements StaffRepository {
  constructor(private readonly db: ConsoleDb) {}

  async list(): Promise<StaffAccount[]> {
    return [...this.db.data.staff];
  }

  async get(id: string): Promise<StaffAccount | undefined> {
    return this.db.data.staff.find((s) => s.id === id);
  }

  async findByEmail(email: string): Promise<StaffAccount | undefined> {
    const wanted = email.trim().toLowerCase();
    return this.db.data.staff.find((s) => s.email.toLowerCase() === wanted);
  }

  async hasAdmin(): Promise<boolean> {
    return this.db.data.staff.some((s) => s.role === 'admin' && !s.disabled);
  }

  async add(account: StaffAccount): Promise<void> {
    if (await this.findByEmail(account.email)) throw new Error(`A staff account with the email ${account.email} exists already`);
    this.db.data.staff.push(account);
    await this.db.save();
  }

  async setDisabled(id: string, disabled: boolean): Promise<StaffAccount | undefined> {
    const account = await this.get(id);
    if (!account) return undefined;
    account.disabled = disabled;
    if (disabled) this.dropSessionsWhere((s) => s.staffId === id);
    await this.db.save();
    return account;
  }

  async addSession(session: StaffSession, now: Date): Promise<void> {
    this.dropSessionsWhere((s) => Date.parse(s.expiresAt) <= now.getTime());
    this.db.data.sessions.push(session);
    await this.db.save();
  }

  async findSession(tokenHash: string): Promise<StaffSession | undefined> {
    return this.db.data.sessions.find((s) => s.tokenHash === tokenHash);
  }

  async removeSession(tokenHash: string): Promise<void> {
    this.dropSessionsWhere((s) => s.tokenHash === tokenHash);
    await this.db.save();
  }

  private dropSessionsWhere(predicate: (s: StaffSession) => boolean): void {
    const keep = this.db.data.sessions.filter((s) => !predicate(s));
    this.db.data.sessions.splice(0, this.db.data.sessions.length, ...keep);
  }
}
