/**
 * The chat page's resume token: proves the page was given this conversation (and channel user) by this server,
 * until it expires. Stateless (an HMAC over the ids and the expiry), so it survives restarts when the secret is
 * configured; unguessable, and it scopes the history and the event stream to one conversation.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export interface ChatGrant {
  conversationId: string;
  userId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const GrantSchema = z.object({ c: z.string().min(1).max(200), u: z.string().min(1).max(200), e: z.number().int() }).strict();

export class ResumeTokens {
  private readonly key: Buffer;

  constructor(secret: string, private readonly ttlHours: number, private readonly now: () => Date = () => new Date()) {
    // A key of its own, so a resume token can never pass for an identity token or the other way round.
    this.key = createHmac('sha256', secret).update('chat-resume-token').digest();
  }

  /** A new conversation for a page load that has none. */
  issue(): { grant: ChatGrant; token: string } {
    const grant: ChatGrant = {
      conversationId: `webchat-${randomUUID().replace(/-/g, '')}`,
      userId: `shopper-${randomUUID().replace(/-/g, '')}`,
      expiresAt: Math.floor(this.now().getTime() / 1000) + Math.round(this.ttlHours * 3600),
    };
    return { grant, token: this.sign(grant) };
  }

  /** Slides the expiry forward for a conversation still in use. */
  renew(grant: ChatGrant): { grant: ChatGrant; token: string } {
    const renewed = { ...grant, expiresAt: Math.floor(this.now().getTime() / 1000) + Math.round(this.ttlHours * 3600) };
    return { grant: renewed, token: this.sign(renewed) };
  }

  /** The grant, or null for anything forged, malformed or expired. */
  verify(token: string): ChatGrant | null {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) return null;
    const expected = this.mac(body);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const grant = GrantSchema.safeParse(parsed);
    if (!grant.success || grant.data.e * 1000 <= this.now().getTime()) return null;
    return { conversationId: grant.data.c, userId: grant.data.u, expiresAt: grant.data.e };
  }

  private sign(grant: ChatGrant): string {
    const body = Buffer.from(JSON.stringify({ c: grant.conversationId, u: grant.userId, e: grant.expiresAt })).toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}
