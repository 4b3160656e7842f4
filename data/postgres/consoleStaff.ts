/** PostgreSQL: staff accounts (unique by email) and sessions (looked up by token hash only). */
import type { Pool } from 'pg';
import { validRecord } from '../records';
import type { StaffRepository } from '../consolePorts';
import { StaffAccountSchema, StaffSessionSchema, type StaffAccount, type StaffSession } from '../console/schema';
import { violates } from './pgErrors';
import { inTransaction, jsonb, storable } from './pool';

const emailKey = (email: string) => storable(email.trim().toLowerCase());

export class PostgresStaffRepository implements StaffRepository {
  constructor(private readonly pool: Pool) {}

  async list(): Promise<StaffAccount[]> {
    const { rows } = await this.pool.query<{ doc: StaffAccount }>('SELECT doc FROM staff_accounts ORDER BY seq');
    return rows.map((r) => StaffAccountSchema.parse(r.doc));
  }

  get(id: string): Promise<StaffAccount | undefined> {
    return this.one('SELECT doc FROM staff_accounts WHERE id = $1', [storable(id)]);
  }

  findByEmail(email: string): Promise<StaffAccount | undefined> {
    return this.one('SELECT doc FROM staff_accounts WHERE email_key = $1', [emailKey(email)]);
  }

  async hasAdmin(): Promise<boolean> {
    const { rows } = await this.pool.query<{ exists: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM staff_accounts WHERE doc->>'role' = 'admin' AND doc->>'disabled' = 'false') AS exists`);
    return rows[0]?.exists === true;
  }

  async add(account: StaffAccount): Promise<void> {
    const valid = validRecord(StaffAccountSchema, account, 'staff account');
    try {
      await this.pool.query('INSERT INTO staff_accounts (id, email_key, doc) VALUES ($1, $2, $3::jsonb)',
        [storable(valid.id), emailKey(valid.email), jsonb(valid)]);
    } catch (error) {
      if (violates(error, 'staff_accounts_email_key_key')) throw new Error(`A staff account with the email ${valid.email} exists already`);
      throw error;
    }
  }

  setDisabled(id: string, disabled: boolean): Promise<StaffAccount | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ doc: StaffAccount }>(
        `UPDATE staff_accounts SET doc = jsonb_set(doc, '{disabled}', to_jsonb($2::boolean)) WHERE id = $1 RETURNING doc`, [storable(id), disabled]);
      if (!rows[0]) return undefined;
      if (disabled) await client.query('DELETE FROM staff_sessions WHERE staff_id = $1', [storable(id)]);
      return StaffAccountSchema.parse(rows[0].doc);
    });
  }

  async addSession(session: StaffSession, now: Date): Promise<void> {
    const valid = validRecord(StaffSessionSchema, session, 'staff session');
    await this.pool.query(
      `WITH expired AS (DELETE FROM staff_sessions WHERE expires_at <= $5)
       INSERT INTO staff_sessions (token_hash, staff_id, expires_at, doc) VALUES ($1, $2, $3, $4::jsonb)`,
      [storable(valid.tokenHash), storable(valid.staffId), valid.expiresAt, jsonb(valid), now]);
  }

  async findSession(tokenHash: string): Promise<StaffSession | undefined> {
    const { rows } = await this.pool.query<{ doc: StaffSession }>('SELECT doc FROM staff_sessions WHERE token_hash = $1', [storable(tokenHash)]);
    return rows[0] && StaffSessionSchema.parse(rows[0].doc);
  }

  async removeSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM staff_sessions WHERE token_hash = $1', [storable(tokenHash)]);
  }

  private async one(sql: string, params: unknown[]): Promise<StaffAccount | undefined> {
    const { rows } = await this.pool.query<{ doc: StaffAccount }>(sql, params);
    return rows[0] && StaffAccountSchema.parse(rows[0].doc);
  }
}
