/** Staff sessions: a random token in an HttpOnly, SameSite=Strict cookie; only its hash is stored. */
import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'restify';
import type { StaffRepository } from '../data/consolePorts';
import type { StaffAccount } from '../data/console/schema';
import { HttpError } from '../http/errors';

export const SESSION_COOKIE = 'sa_staff_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * True when the client reached us over https, directly or through a proxy that says so. Trusting
 * X-Forwarded-Proto here is safe: a client that fakes it only gets a cookie its own http connection drops.
 */
export function isHttps(req: Request): boolean {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  return encrypted || String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() === 'https';
}

/** X-Forwarded-For is honoured only behind a trusted proxy: otherwise any client could dodge the per-IP throttle. */
export function clientIp(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export class StaffSessions {
  constructor(private readonly staff: StaffRepository, private readonly ttlMs: number, private readonly now: () => Date) {}

  async start(staffId: string): Promise<{ token: string; maxAgeSeconds: number }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.staff.addSession({
      tokenHash: hashToken(token), staffId, createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.ttlMs).toISOString(),
    }, now);
    return { token, maxAgeSeconds: Math.floor(this.ttlMs / 1000) };
  }

  /** The signed-in, enabled staff member, or null. */
  async current(req: Request): Promise<StaffAccount | null> {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return null;
    const session = await this.staff.findSession(hashToken(token));
    if (!session || Date.parse(session.expiresAt) <= this.now().getTime()) return null;
    const account = await this.staff.get(session.staffId);
    return account && !account.disabled ? account : null;
  }

  /** Agents and admins: conversations, handoffs, KPIs. A marketer may use campaigns only (requireRole). */
  async require(req: Request): Promise<StaffAccount> {
    const account = await this.requireSignedIn(req);
    if (account.role === 'marketer') throw new HttpError(403, 'A marketer account can use campaigns only.');
    return account;
  }

  async requireSignedIn(req: Request): Promise<StaffAccount> {
    const account = await this.current(req);
    if (!account) throw new HttpError(401, 'Sign in first.');
    return account;
  }

  async requireRole(req: Request, roles: readonly StaffAccount['role'][], refusal = `Only ${roles.join(' or ')} accounts can do this.`): Promise<StaffAccount> {
    const account = await this.requireSignedIn(req);
    if (!roles.includes(account.role)) throw new HttpError(403, refusal);
    return account;
  }

  async requireAdmin(req: Request): Promise<StaffAccount> {
    const account = await this.requireSignedIn(req);
    if (account.role !== 'admin') throw new HttpError(403, 'Only an admin can do this.');
    return account;
  }

  async end(req: Request): Promise<void> {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) await this.staff.removeSession(hashToken(token));
  }
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
