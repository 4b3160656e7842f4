/** A real restify server on loopback with the review routes, an admin and an agent, and a cookie-keeping client. */
import type { AddressInfo } from 'node:net';
import { createJsonServer } from '../../support/jsonServer';
import { registerReviewRoutes, type ReviewDeps } from '../../../review/reviewRoutes';
import { createStaffAccount } from '../../../review/staffAccounts';
import type { Fixture } from './fixture';

export const ADMIN = { email: 'admin@shop.test', password: 'correct horse battery' };
export const AGENT = { email: 'agent@shop.test', password: 'another long passphrase' };

export interface ReviewServer {
  base: string;
  /** Errors the routes logged (expected to stay empty). */
  errors: string[];
  close(): Promise<void>;
}

export async function startReviewServer(fixture: Fixture, overrides: Partial<ReviewDeps> = {}): Promise<ReviewServer> {
  const now = new Date('2026-11-22T12:00:00Z');
  await createStaffAccount(fixture.console.staff, { ...ADMIN, role: 'admin' }, now);
  await createStaffAccount(fixture.console.staff, { ...AGENT, role: 'agent' }, now);
  const server = createJsonServer();
  const repos = fixture.commerce.repositories;
  const errors: string[] = [];
  registerReviewRoutes(server, {
    consoleData: fixture.console, customers: repos.customers, feedback: repos.feedback,
    suggestionEvents: repos.suggestionEvents, audit: repos.audit,
    logger: { warn: () => {}, error: (msg, fields) => errors.push(`${msg} ${String(fields?.error)}`) },
    ...overrides,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, errors, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Signs in and returns a fetch that carries the session cookie. */
export async function signIn(base: string, who: { email: string; password: string }): Promise<(path: string, init?: RequestInit) => Promise<Response>> {
  const res = await fetch(`${base}/api/review/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return (path, init = {}) => fetch(`${base}${path}`, { ...init, headers: { ...(init.headers ?? {}), cookie, 'content-type': 'application/json' } });
}
