import { buildFixture, EMAILS, type Fixture } from './support/fixture';
import { ADMIN, AGENT, signIn, startReviewServer, type ReviewServer } from './support/reviewServer';
import { withTempDir } from './support/tempDir';

const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/;

describe('review API', () => {
  let fixture: Fixture;
  let server: ReviewServer;
  let cleanup: () => Promise<void>;
  let agent: Awaited<ReturnType<typeof signIn>>;
  let admin: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    const temp = await withTempDir();
    cleanup = temp.cleanup;
    fixture = await buildFixture(temp.dir);
    server = await startReviewServer(fixture);
    [agent, admin] = await Promise.all([signIn(server.base, AGENT), signIn(server.base, ADMIN)]);
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await fixture.close();
    await cleanup();
  });

  const protectedEndpoints: [string, string][] = [
    ['GET', '/api/review/conversations'],
    ['GET', '/api/review/conversations/c1'],
    ['PUT', '/api/review/conversations/c1/tags'],
    ['POST', '/api/review/conversations/c1/notes'],
    ['POST', '/api/review/conversations/c1/reviewed'],
    ['GET', '/api/review/segments'],
    ['GET', '/api/review/handoffs'],
    ['POST', '/api/review/handoffs/00000000-0000-4000-8000-000000000000/claim'],
    ['POST', '/api/review/handoffs/00000000-0000-4000-8000-000000000000/close'],
    ['GET', '/api/review/kpis'],
    ['GET', '/api/review/export/conversations.csv'],
    ['GET', '/api/review/export/kpis.csv'],
    ['GET', '/api/review/staff'],
    ['POST', '/api/review/staff'],
    ['POST', '/api/review/staff/00000000-0000-4000-8000-000000000000/disable'],
  ];

  test.each(protectedEndpoints)('%s %s without a session is 401', async (method, path) => {
    const res = await fetch(`${server.base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthorized', message: 'Sign in first.' });
  });

  test('a forged session cookie is 401 too', async () => {
    const res = await fetch(`${server.base}/api/review/kpis`, { headers: { cookie: 'sa_staff_session=forged' } });
    expect(res.status).toBe(401);
  });

  test('an agent never sees an email, anywhere', async () => {
    const conversationIds = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const paths = ['/api/review/conversations', '/api/review/export/conversations.csv', '/api/review/handoffs?status=all',
      '/api/review/kpis', ...conversationIds.map((id) => `/api/review/conversations/${id}`)];
    for (const path of paths) {
      const res = await agent(path);
      expect(res.status).toBe(200);
      expect(await res.text()).not.toMatch(EMAIL_PATTERN);
    }
    const detail = await (await agent('/api/review/conversations/c1')).json();
    expect(detail.customer).toMatchObject({ id: 'A', contactMasked: true });
  });

  test('an admin sees the contact details unmasked', async () => {
    const detail = await (await admin('/api/review/conversations/c1')).json();
    expect(detail.customer).toMatchObject({ id: 'A', email: EMAILS[0], contactMasked: false });
  });

  test('opening a transcript is written to the audit log', async () => {
    const before = (await fixture.commerce.repositories.audit.list()).filter((e) => e.action === 'staff_access').length;
    await agent('/api/review/conversations/c2');
    const access = (await fixture.commerce.repositories.audit.list()).filter((e) => e.action === 'staff_access');
    expect(access).toHaveLength(before + 1);
    expect(access[access.length - 1]).toMatchObject({ subject: 'B', details: { conversationId: 'c2', role: 'agent' } });
  });

  test.each([
    ['segment', '?segment=at_risk', ['c2', 'c1', 'c5']],
    ['date range', '?from=2026-11-16&to=2026-11-18', ['c3', 'c2', 'c1']],
    ['channel', '?channel=directlinespeech', ['c3']],
    ['CSAT range', '?csatMin=4', ['c3', 'c2']],
    ['NPS range', '?npsMax=6', ['c2', 'c1', 'c5']],
    ['opted out', '?optedOut=true', ['c1']],
    ['handoff', '?handoff=true', ['c4', 'c1']],
    ['guest segment', '?segment=guest', ['c4']],
    ['text search', '?q=LANTERN', ['c2']],
    ['paging', '?pageSize=2&page=2', ['c2', 'c1']],
  ])('filters the list by %s', async (_name, query, expected) => {
    const body = await (await agent(`/api/review/conversations${query}`)).json();
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(expected);
  });

  test.each([
    ['?pageSize=1000', 'pageSize'],
    ['?from=16/11/2026', 'from'],
    ['?csatMin=5&csatMax=2', 'csatMin'],
    ['?reviewed=maybe', 'reviewed'],
    ['?colour=blue', 'colour'],
  ])('rejects %s with a 400 naming the parameter', async (query, parameter) => {
    const res = await agent(`/api/review/conversations${query}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'bad_request', message: expect.stringContaining(parameter) });
  });

  test('tags, notes and the reviewed mark are kept, and filter by reviewed', async () => {
    await agent('/api/review/conversations/c3/tags', { method: 'PUT', body: JSON.stringify({ tags: ['vip', 'vip', 'candles'] }) });
    const note = await agent('/api/review/conversations/c3/notes', { method: 'POST', body: JSON.stringify({ text: 'Call back on 07700 900123' }) });
    expect((await note.json()).text).toBe('Call back on [phone]');
    await agent('/api/review/conversations/c3/reviewed', { method: 'POST', body: JSON.stringify({ reviewed: true }) });
    const reviewed = await (await agent('/api/review/conversations?reviewed=true')).json();
    expect(reviewed.items.map((i: { id: string; tags: string[] }) => [i.id, i.tags])).toEqual([['c3', ['vip', 'candles']]]);
    const bad = await agent('/api/review/conversations/c3/reviewed', { method: 'POST', body: JSON.stringify({ reviewed: 'yes' }) });
    expect(bad.status).toBe(400);
  });

  test('the handoff queue lists open handoffs oldest first and can be claimed', async () => {
    const open = await (await agent('/api/review/handoffs')).json();
    expect(open.items.map((h: { conversationId: string; segment: string }) => [h.conversationId, h.segment])).toEqual([['c1', 'at_risk'], ['c4', 'guest']]);
    const claimed = await agent(`/api/review/handoffs/${open.items[1].id}/claim`, { method: 'POST', body: '{}' });
    expect((await claimed.json()).status).toBe('claimed');
    const stillOpen = await (await agent('/api/review/handoffs')).json();
    expect(stillOpen.items).toHaveLength(1);
  });

  test('the conversation CSV is quoted and guarded against formulas', async () => {
    await fixture.console.transcripts.append('c6', 'webchat', [{
      at: '2026-11-20T09:00:00Z', direction: 'in', type: 'message', text: '=HYPERLINK("http://evil","click"), ok', cards: [],
      customerId: null, segment: null, intent: null, intentScore: null, reasons: [], voice: false,
    }]);
    const res = await agent('/api/review/export/conversations.csv?q=hyperlink');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('id,channelId,customerId,customerName,segment,persona,startedAt,lastActivityAt,messages,csat,nps,optedOut,handoff,reviewed,tags,preview');
    expect(lines[1].endsWith(',"\'=HYPERLINK(""http://evil"",""click""), ok"')).toBe(true);
  });
});
