/** Sign-in, sign-out, session status and (admin only) staff account management. */
import type { Server } from 'restify';
import { z } from 'zod';
import type { StaffAccount } from '../data/console/schema';
import type { ReviewContext } from './deps';
import { HttpError } from '../http/errors';
import { handle, parseOr400, sendJson, parseBody } from '../http/json';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { clearedSessionCookie, clientIp, isHttps, sessionCookie } from './sessions';
import { createStaffAccount, HOW_TO_CREATE_ADMIN, NewStaffSchema, StaffAccountError } from './staffAccounts';

const LoginSchema = z.object({ email: z.string().trim().toLowerCase().min(1).max(320), password: z.string().min(1).max(200) });
const StaffIdSchema = z.object({ id: z.string().uuid('unknown staff id') });

function publicAccount(a: StaffAccount): { id: string; email: string; role: string; disabled: boolean; createdAt: string } {
  return { id: a.id, email: a.email, role: a.role, disabled: a.disabled, createdAt: a.createdAt };
}

export function registerAuthRoutes(server: Server, ctx: ReviewContext): void {
  const { logger, consoleData: store } = ctx.deps;

  server.post('/api/review/auth/login', handle(logger, async (req, res) => {
    const { email, password } = parseBody(req, LoginSchema);
    const ip = clientIp(req, ctx.trustProxy);
    const now = ctx.now().getTime();
    // Reserved before the hash is checked: parallel guesses each take one of the allowed attempts.
    const reservation = await ctx.throttle.reserve(email, ip, now);
    if (!reservation.allowed) {
      throw new HttpError(429, 'Too many failed sign-ins. Wait a while and try again.', { headers: { 'retry-after': String(reservation.retryAfterSeconds) } });
    }
    const account = await store.staff.findByEmail(email);
    // Verify even for unknown accounts, so timing does not reveal which emails have accounts.
    const matches = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH).catch(async (error: unknown) => {
      await reservation.attempt.failed();
      throw error;
    });
    if (!account || !matches || account.disabled) {
      await reservation.attempt.failed();
      await ctx.audit({ action: 'staff_login', subject: account?.id ?? 'unknown', actor: account?.id ?? 'unknown', details: { outcome: 'failed' } });
      throw new HttpError(401, 'That email and password do not match an active account.');
    }
    await reservation.attempt.succeeded();
    const session = await ctx.sessions.start(account.id);
    await ctx.audit({ action: 'staff_login', subject: account.id, actor: account.id, details: { outcome: 'signed_in' } });
    sendJson(res, 200, { email: account.email, role: account.role }, {
      'set-cookie': sessionCookie(session.token, session.maxAgeSeconds, isHttps(req)),
    });
  }));

  server.post('/api/review/auth/logout', handle(logger, async (req, res) => {
    await ctx.sessions.end(req);
    sendJson(res, 200, { signedOut: true }, { 'set-cookie': clearedSessionCookie(isHttps(req)) });
  }));

  // Public on purpose: the sign-in page needs to know whether anyone can sign in yet.
  server.get('/api/review/auth/status', handle(logger, async (req, res) => {
    const account = await ctx.sessions.current(req);
    const adminConfigured = await store.staff.hasAdmin();
    sendJson(res, 200, {
      signedIn: account !== null,
      ...(account ? { email: account.email, role: account.role } : {}),
      adminConfigured,
      ...(adminConfigured ? {} : { howToCreateAdmin: HOW_TO_CREATE_ADMIN }),
    });
  }));

  server.get('/api/review/staff', handle(logger, async (req, res) => {
    await ctx.sessions.requireAdmin(req);
    sendJson(res, 200, { items: (await store.staff.list()).map(publicAccount) });
  }));

  server.post('/api/review/staff', handle(logger, async (req, res) => {
    const admin = await ctx.sessions.requireAdmin(req);
    const input = parseBody(req, NewStaffSchema);
    let account: StaffAccount;
    try {
      account = await createStaffAccount(store.staff, input, ctx.now());
    } catch (error) {
      if (error instanceof StaffAccountError) throw new HttpError(409, error.message);
      throw error;
    }
    await ctx.audit({ action: 'staff_account', subject: account.id, actor: admin.id, details: { change: 'created', role: account.role } });
    sendJson(res, 201, publicAccount(account));
  }));

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    server.post(`/api/review/staff/:id/${path}`, handle(logger, async (req, res) => {
      const admin = await ctx.sessions.requireAdmin(req);
      const { id } = parseOr400(StaffIdSchema, req.params);
      if (id === admin.id && disabled) throw new HttpError(400, 'You cannot disable your own account.');
      const account = await store.staff.setDisabled(id, disabled);
      if (!account) throw new HttpError(404, 'No such staff account.');
      await ctx.audit({ action: 'staff_account', subject: id, actor: admin.id, details: { change: path } });
      sendJson(res, 200, publicAccount(account));
    }));
  }
}
