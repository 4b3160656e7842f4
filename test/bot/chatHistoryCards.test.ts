/**
 * A reloaded chat shows its product cards again: the page's history carries the cards as they were shown
 * (name, price, reason, the same buttons), not a text list; older transcript entries still read as a list.
 */
import { historyActivities } from '../../bot/chatHistory';
import type { TranscriptEntry } from '../../data/console/schema';
import { startApp, say, type RunningApp, type ReplyActivity } from '../support/app';
import { newChat } from './support/liveChat';

let running: RunningApp;
beforeAll(async () => { running = await startApp({ LOG_LEVEL: 'error' }); });
afterAll(async () => { await running.app.close(); });

interface HistoryBody { activities: { text: string; from: { role: string }; attachments?: ReplyActivity['attachments']; attachmentLayout?: string }[] }

const productIdsOf = (attachments: ReplyActivity['attachments'] = []): string[] => attachments.map((a) => {
  const actions = (a.content as { actions: { data?: { productId?: string } }[] }).actions;
  return actions.find((action) => action.data?.productId)?.data?.productId ?? '';
});

async function historyOf(token: string, until: (body: HistoryBody) => boolean): Promise<HistoryBody> {
  // The transcript is written after the turn's reply: wait for it briefly.
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${running.url}/api/chat/history`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as HistoryBody;
    if (until(body) || attempt === 50) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('chat history after a reload', () => {
  it('replays the suggestion carousel as the same cards, in the same order', async () => {
    const chat = await newChat(running.url);
    const replies = await say(running.url, chat.conversationId, 'show me candles', { from: { id: chat.userId } });
    const carousel = replies.find((r) => (r.attachments?.length ?? 0) > 0);
    expect(carousel).toBeDefined();
    const shownIds = productIdsOf(carousel?.attachments);

    const body = await historyOf(chat.resumeToken, (b) => b.activities.some((a) => (a.attachments?.length ?? 0) > 0));
    const replayed = body.activities.find((a) => (a.attachments?.length ?? 0) > 0);
    expect(replayed).toMatchObject({ text: carousel?.text, attachmentLayout: 'carousel', from: { role: 'bot' } });
    expect(productIdsOf(replayed?.attachments)).toEqual(shownIds);
    // The card itself: same content type, and the name and price the shopper saw.
    expect(replayed?.attachments?.[0]).toMatchObject({ contentType: carousel?.attachments?.[0].contentType });
    const bodyText = (card: unknown) => JSON.stringify((card as { content: { body: unknown } }).content.body);
    expect(bodyText(replayed?.attachments?.[0])).toBe(bodyText(carousel?.attachments?.[0]));
    expect(replayed?.text).not.toMatch(/•/);
  });
});

describe('historyActivities', () => {
  const entry = (over: Partial<TranscriptEntry>): TranscriptEntry => ({
    at: '2026-12-06T10:00:00.000Z', direction: 'out', type: 'message', text: 'Here are some ideas.', cards: ['Lantern · £4.95'],
    customerId: null, segment: null, intent: null, intentScore: null, reasons: [], voice: false, ...over,
  });

  it('an entry stored before cards were kept reads as a list of the cards\' text', () => {
    const [activity] = historyActivities([entry({})], 'u1');
    expect(activity.text).toBe('Here are some ideas.\n\n• Lantern · £4.95');
    expect(activity.attachments).toBeUndefined();
  });

  it('an entry with its products becomes cards with the stored price and reason', () => {
    const products = [{ productId: 'p1', name: 'Lantern', price: 4.95, currency: 'GBP', reason: 'Popular this month' }];
    const [activity] = historyActivities([entry({ products })], 'u1');
    expect(activity.text).toBe('Here are some ideas.');
    expect(activity.attachments).toHaveLength(1);
    const card = JSON.stringify(activity.attachments?.[0].content);
    expect(card).toContain('£4.95');
    expect(card).toContain('Popular this month');
    expect(card).toContain('"productId":"p1"');
  });
});
