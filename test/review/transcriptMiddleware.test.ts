import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CardFactory, MessageFactory, TestAdapter, type TurnContext } from 'botbuilder';
import { TranscriptMiddleware } from '../../bot/transcriptMiddleware';
import { openConsoleStore } from '../../data/console/consoleStore';
import type { OpenedConsoleStore as ConsoleStore } from '../../data/consolePorts';
import { TURN_ANNOTATIONS, type TurnAnnotations } from '../../dialogs/turn';
import { withTempDir } from './support/tempDir';

const identified = new Set<string>();
const atRisk = { primary: 'at_risk', rfmLabel: 'at_risk', persona: 'win_back' };

/**
 * A bot that identifies the customer on "I am ...", then shows a card with a reason. Like the real
 * dialogs, every turn of an identified conversation annotates the customer and segment.
 */
async function shoppingTurn(context: TurnContext): Promise<void> {
  const annotations: TurnAnnotations = {};
  context.turnState.set(TURN_ANNOTATIONS, annotations);
  const identifying = context.activity.text?.startsWith('I am') ?? false;
  if (identifying || identified.has(context.activity.conversation.id)) {
    identified.add(context.activity.conversation.id);
    annotations.customerId = 'c-17850';
    annotations.segment = atRisk;
  }
  if (identifying) {
    annotations.intent = 'identify';
    await context.sendActivity('Welcome back! I sent a note to jane@example.com.');
    return;
  }
  annotations.intent = 'gift_ideas';
  annotations.intentScore = 0.91;
  annotations.reasons = [{ productId: '85123A', reason: 'Often bought with your lanterns' }];
  await context.sendActivity(MessageFactory.attachment(CardFactory.heroCard('White Hanging Heart T-Light Holder', '£2.95')));
}

describe('TranscriptMiddleware', () => {
  let store: ConsoleStore;
  let path: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const temp = await withTempDir();
    cleanup = temp.cleanup;
    path = join(temp.dir, 'console.json');
    store = await openConsoleStore(path);
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  async function converse(): Promise<void> {
    const errors: unknown[] = [];
    const adapter = new TestAdapter(shoppingTurn).use(new TranscriptMiddleware(store.transcripts, {
      logger: { warn: () => {}, error: (_m, f) => errors.push(f) },
    }));
    await adapter.send('I am jane@example.com, phone 07700 900123').assertReply((a) => expect(a.text).toContain('Welcome'))
      .send('gift ideas please').assertReply((a) => expect(a.attachments).toHaveLength(1));
    await store.flush();
    expect(errors).toEqual([]);
  }

  test('records both directions, redacted, with segment, intent and reasons', async () => {
    await converse();
    const [conversation] = await store.transcripts.list();
    expect(conversation.customerId).toBe('c-17850');
    expect(conversation.segment).toEqual(atRisk);
    expect(conversation.entries.map((e) => [e.direction, e.intent])).toEqual([
      ['in', 'identify'], ['out', null], ['in', 'gift_ideas'], ['out', null],
    ]);
    expect(conversation.entries[0].text).toBe('I am [email], phone [phone]');
    expect(conversation.entries[1].text).toBe('Welcome back! I sent a note to [email].');
    expect(conversation.entries[2].reasons).toEqual([{ productId: '85123A', reason: 'Often bought with your lanterns' }]);
    expect(conversation.entries[3].cards).toEqual(['White Hanging Heart T-Light Holder · £2.95']);
    expect(conversation.entries[3].segment).toEqual(atRisk);
  });

  test('nothing personal reaches the files, and it reloads', async () => {
    await converse();
    const text = await readFile(`${path}.journal`, 'utf8');
    expect(text).toContain('[email]');
    expect(text).not.toMatch(/@example\.com|07700/);
    await store.close();
    const reopened = await openConsoleStore(path);
    expect(await reopened.transcripts.list()).toHaveLength(1);
    expect(await readFile(path, 'utf8')).not.toMatch(/@example\.com|07700/);
    await reopened.close();
  });

  test('erasure removes the customer transcripts and their handoffs, and nobody else', async () => {
    await converse();
    await store.transcripts.append('guest-1', 'webchat', [{
      at: new Date().toISOString(), direction: 'in', type: 'message', text: 'hi', cards: [], customerId: null,
      segment: null, intent: null, intentScore: null, reasons: [], voice: false,
    }]);
    const conversationId = (await store.transcripts.list())[0].id;
    await store.handoffs.open({ conversationId, customerId: 'c-17850', reason: 'asked for a person', segment: atRisk, at: new Date().toISOString() });
    expect(await store.transcripts.removeCustomer('c-17850')).toBe(1);
    expect((await store.transcripts.list()).map((c) => c.id)).toEqual(['guest-1']);
    expect(await store.handoffs.list()).toEqual([]);
    const reopened = await openConsoleStore(path);
    expect(await reopened.transcripts.get(conversationId)).toBeUndefined();
    await reopened.close();
  });

  test.each([
    ['a null attachment', { attachments: [null] }],
    ['attachments as an object', { attachments: {} }],
    ['a card whose content is a string', { attachments: [{ contentType: 'x', content: 'plain' }] }],
  ])('records a turn with %s and never throws it away', async (_name, odd) => {
    const errors: unknown[] = [];
    const adapter = new TestAdapter(async (context) => { await context.sendActivity('got it'); })
      .use(new TranscriptMiddleware(store.transcripts, { logger: { warn: () => {}, error: (_m, f) => errors.push(f) } }));
    await adapter.send({ type: 'message', text: 'look at this', ...odd } as never).assertReply('got it');
    await store.flush();
    const [conversation] = await store.transcripts.list();
    expect(conversation.entries.map((e) => [e.direction, e.text])).toEqual([['in', 'look at this'], ['out', 'got it']]);
    expect(errors).toEqual([]);
  });

  test('records an activity it cannot read as unreadable, and the turn still completes', async () => {
    const errors: unknown[] = [];
    const adapter = new TestAdapter(async (context) => { await context.sendActivity('still here'); })
      .use(new TranscriptMiddleware(store.transcripts, { logger: { warn: () => {}, error: (_m, f) => errors.push(f) } }));
    const hostile = { type: 'message', get text(): string { throw new Error('unreadable text'); } };
    await adapter.send(hostile as never).assertReply('still here');
    await store.flush();
    const [conversation] = await store.transcripts.list();
    expect(conversation.entries.map((e) => [e.direction, e.text])).toEqual([['in', '[unreadable activity]'], ['out', 'still here']]);
    expect(errors).toHaveLength(1);
  });

  test('hides the answer to a sign-in question', async () => {
    const adapter = new TestAdapter(async (context) => {
      context.turnState.set(TURN_ANNOTATIONS, { sensitiveInput: true } satisfies TurnAnnotations);
      await context.sendActivity('Thanks.');
    }).use(new TranscriptMiddleware(store.transcripts, { logger: { warn: () => {}, error: () => {} } }));
    await adapter.send('BS1 4DJ').assertReply('Thanks.');
    await store.flush();
    expect((await store.transcripts.list())[0].entries.map((e) => e.text)).toEqual(['[sign-in answer hidden]', 'Thanks.']);
  });
});
