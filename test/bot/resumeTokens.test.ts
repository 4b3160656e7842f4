import { ResumeTokens } from '../../bot/resumeTokens';

const SECRET = 'a-test-secret-that-is-long-enough-000';

describe('chat resume tokens', () => {
  let now = new Date('2026-12-06T10:00:00Z');
  const tokens = new ResumeTokens(SECRET, 24, () => now);

  it('holds for CHAT_RESUME_HOURS, and renewing slides the window', () => {
    now = new Date('2026-12-06T10:00:00Z');
    const { grant, token } = tokens.issue();
    expect(grant.conversationId).toMatch(/^webchat-[0-9a-f]{32}$/);
    now = new Date('2026-12-07T09:59:00Z');
    expect(tokens.verify(token)).toEqual(grant);
    const renewed = tokens.renew(grant);
    now = new Date('2026-12-07T10:00:00Z');
    expect(tokens.verify(token)).toBeNull();
    expect(tokens.verify(renewed.token)).toMatchObject({ conversationId: grant.conversationId, userId: grant.userId });
  });

  it('refuses a token signed with another secret, and an identity-style token', () => {
    now = new Date('2026-12-06T10:00:00Z');
    const other = new ResumeTokens('another-secret-that-is-long-enough-11', 24, () => now).issue().token;
    expect(tokens.verify(other)).toBeNull();
    expect(tokens.verify('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln')).toBeNull();
    expect(tokens.verify('')).toBeNull();
  });

  it('gives every page load its own unguessable ids', () => {
    const a = tokens.issue().grant;
    const b = tokens.issue().grant;
    expect(a.conversationId).not.toBe(b.conversationId);
    expect(a.userId).not.toBe(b.userId);
  });
});
