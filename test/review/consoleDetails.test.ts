/** The console shows products by name, marks voice conversations, and names note authors to every role. */
import type { Product } from '../../domain/model';
import { buildFixture, entry, type Fixture } from './support/fixture';
import { ADMIN, AGENT, signIn, startReviewServer, type ReviewServer } from './support/reviewServer';
import { withTempDir } from './support/tempDir';

const candle: Product = { id: 'P0', name: 'White Hanging Heart T-Light Holder', category: 'candles_lighting', price: 2.95, currency: 'GBP', tags: [], inStock: true };

describe('console details', () => {
  let fixture: Fixture;
  let server: ReviewServer;
  let cleanup: () => Promise<void>;
  let agent: Awaited<ReturnType<typeof signIn>>;
  let admin: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    const temp = await withTempDir();
    cleanup = temp.cleanup;
    fixture = await buildFixture(temp.dir);
    server = await startReviewServer(fixture, { catalog: { get: async (id) => (id === candle.id ? candle : undefined) } });
    [agent, admin] = await Promise.all([signIn(server.base, AGENT), signIn(server.base, ADMIN)]);
    const spoken = { ...entry('2026-11-20T10:00:00Z', 'in', 'gift ideas for my mum', null, null), voice: true };
    const reply = { ...entry('2026-11-20T10:00:01Z', 'out', 'Here are some ideas.', null, null), reasons: [{ productId: 'P0', reason: 'Popular' }, { productId: 'gone', reason: 'New in' }] };
    await fixture.console.transcripts.append('voice-1', 'webchat', [spoken, reply]);
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await fixture.close();
    await cleanup();
  });

  test('suggestion tables and reasons name the product; an unknown id stays an id', async () => {
    const detail = await (await agent('/api/review/conversations/c1')).json();
    const names = detail.suggestions.map((s: { productId: string; productName: string | null }) => [s.productId, s.productName]);
    expect(names).toContainEqual(['P0', candle.name]);
    expect(names).toContainEqual(['P1', null]);
    const voice = await (await agent('/api/review/conversations/voice-1')).json();
    expect(voice.conversation.entries[1].reasons).toEqual([
      { productId: 'P0', reason: 'Popular', productName: candle.name }, { productId: 'gone', reason: 'New in', productName: null },
    ]);
  });

  test('conversations that came by microphone are marked as voice in the list', async () => {
    const list = await (await agent('/api/review/conversations')).json();
    const flags = new Map(list.items.map((i: { id: string; voice: boolean }) => [i.id, i.voice]));
    expect(flags.get('voice-1')).toBe(true);
    expect(flags.get('c1')).toBe(false);
  });

  test('note authors are shown to every role: admins by email, agents by name without the address', async () => {
    await admin('/api/review/conversations/c2/notes', { method: 'POST', body: JSON.stringify({ text: 'Offered a refund' }) });
    const forAgent = await (await agent('/api/review/conversations/c2')).json();
    expect(forAgent.conversation.notes.map((n: { author: string }) => n.author)).toEqual([ADMIN.email.split('@')[0]]);
    const forAdmin = await (await admin('/api/review/conversations/c2')).json();
    expect(forAdmin.conversation.notes.map((n: { author: string }) => n.author)).toEqual([ADMIN.email]);
  });
});
