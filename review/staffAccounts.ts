/** Creating staff accounts, and the first admin from settings on first start. */
import { firstIssue } from '../domain/zodIssues';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { StaffRepository } from '../data/consolePorts';
import type { StaffAccount, StaffRole } from '../data/console/schema';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords';

export const NewStaffSchema = z.object({
  email: z.string().trim().toLowerCase().email('a valid email address is needed'),
  password: z.string().min(MIN_PASSWORD_LENGTH, `the password needs at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
  role: z.enum(['agent', 'admin', 'marketer']).default('agent'),
});
export type NewStaff = z.input<typeof NewStaffSchema>;

export class StaffAccountError extends Error {}

export async function createStaffAccount(store: StaffRepository, input: NewStaff, now: Date): Promise<StaffAccount> {
  const parsed = NewStaffSchema.safeParse(input);
  if (!parsed.success) throw new StaffAccountError(firstIssue(parsed.error));
  const { email, password, role } = parsed.data;
  if (await store.findByEmail(email)) throw new StaffAccountError('an account with this email already exists');
  const account: StaffAccount = {
    id: randomUUID(), email, role: role satisfies StaffRole, passwordHash: await hashPassword(password),
    disabled: false, createdAt: now.toISOString(),
  };
  await store.add(account);
  return account;
}

export const HOW_TO_CREATE_ADMIN =
  'No staff admin exists yet. Set STAFF_ADMIN_EMAIL and STAFF_ADMIN_PASSWORD (at least ' +
  `${MIN_PASSWORD_LENGTH} characters) in the environment and restart the server; the first admin is created on start.`;

export type FirstAdminOutcome = 'created' | 'admin_exists' | 'not_configured';

/**
 * Call at startup. Creates the admin from settings only when no admin exists; there is no default
 * password, so without both settings nobody can sign in until they are given.
 */
export async function ensureFirstAdmin(
  store: StaffRepository, settings: { email?: string; password?: string }, now = new Date(),
): Promise<FirstAdminOutcome> {
  if (await store.hasAdmin()) return 'admin_exists';
  if (!settings.email || !settings.password) return 'not_configured';
  await createStaffAccount(store, { email: settings.email, password: settings.password, role: 'admin' }, now);
  return 'created';
}
