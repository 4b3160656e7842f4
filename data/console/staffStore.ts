/** Staff accounts and their sign-in sessions (sessions are stored by token hash only). */
import type { ConsoleDb } from './consoleStore';
import type { StaffAccount, StaffSession } from './schema';

export class StaffStore {
  constructor(private readonly db: ConsoleDb) {}

  list(): readonly StaffAccount[] {
    return this.db.data.staff;
  }

  get(id: string): StaffAccount | undefined {
    return this.db.data.staff.find((s) => s.id === id);
  }

  findByEmail(email: string): StaffAccount | undefined {
    const wanted = email.trim().toLowerCase();
    return this.db.data.staff.find((s) => s.email === wanted);
  }

  hasAdmin(): boolean {
    return this.db.data.staff.some((s) => s.role === 'admin' && !s.disabled);
  }

  async add(account: StaffAccount): Promise<void> {
    this.db.data.staff.push(account);
    await this.db.save();
  }

  /** Disabling also ends the account's sessions. */
  async setDisabled(id: string, disabled: boolean): Promise<StaffAccount | undefined> {
    const account = this.get(id);
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

  findSession(tokenHash: string): StaffSession | undefined {
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
