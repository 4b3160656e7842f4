/**
 * One whole conversation over HTTP with expectReplies, turn by turn, checking each reply: identify, suggest,
 * refine, explain, survey, opt out of personalisation, export, erase. Used by `npm run e2e` against a running
 * server and by the end-to-end jest test against the real server.
 */
import { randomUUID } from 'node:crypto';
import { productCards } from './productCards';

export interface Reply {
  type: string;
  text?: string;
  speak?: string;
  name?: string;
  attachments?: { contentType: string; content?: unknown }[];
}

export interface Customer { email: string; postcode: string }

interface Turn {
  say: string | ((previous: Reply[]) => { text?: string; value?: unknown });
  /** What the bot's text (all messages of the turn, joined) must match. */
  expect: RegExp;
  check?: (replies: Reply[]) => string | null;
}

const hasCards = (replies: Reply[]) => (productCards(replies).length > 0 ? null : 'expected a carousel of product cards');

function buttonValue(replies: Reply[], title: RegExp): { value: unknown } {
  for (const card of productCards(replies)) {
    const button = card.buttons.find((b) => title.test(b.title));
    if (button) return { value: button.value };
  }
  throw new Error(`no card button matching ${title}`);
}

export function conversationTurns(customer: Customer): Turn[] {
  return [
    { say: 'hi', expect: /shopping assistant/i },
    { say: 'sign in', expect: /email/i },
    { say: customer.email, expect: /postcode|order/i },
    { say: customer.postcode, expect: /signed in/i },
    { say: 'show me candles under 20 pounds', expect: /./, check: hasCards },
    { say: 'cheaper', expect: /./, check: hasCards },
    { say: (previous) => buttonValue(previous, /why/i), expect: /why/i },
    { say: 'no, that\'s all', expect: /questions/i },
    { say: 'yes', expect: /satisfied/i },
    { say: 'four', expect: /likely/i },
    { say: '9', expect: /add/i },
    { say: 'skip', expect: /thank/i },
    { say: 'stop personalising my suggestions', expect: /history|personalis/i },
    { say: 'show me candles', expect: /not personalised/i, check: hasCards },
    {
      say: 'what do you know about me', expect: /hold/i,
      check: (r) => (r.some((a) => a.attachments?.some((x) => x.contentType === 'application/json')) ? null : 'expected a JSON attachment'),
    },
    { say: 'delete my data', expect: /sure/i },
    { say: 'yes, delete', expect: /erased/i },
  ];
}

export type TurnPrinter = (line: string) => void;

async function send(url: string, conversationId: string, userId: string, text: string | undefined, value: unknown): Promise<Reply[]> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: randomUUID(), text, value, channelId: 'webchat', deliveryMode: 'expectReplies',
      conversation: { id: conversationId }, from: { id: userId }, recipient: { id: 'bot' }, locale: 'en-GB',
    }),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { activities: Reply[] }).activities;
}

const describe = (r: Reply) => (r.type === 'message' ? `${r.text ?? ''}${r.attachments?.length ? ` [${r.attachments.length} attachment(s)]` : ''}` : `(${r.type} ${r.name ?? ''})`);

/** Runs the turns; throws on the first unexpected reply, naming the turn. */
export async function runConversation(url: string, turns: Turn[], print: TurnPrinter): Promise<void> {
  const conversationId = `e2e-${randomUUID()}`;
  const userId = `e2e-user-${randomUUID()}`;
  let previous: Reply[] = [];
  for (const [i, turn] of turns.entries()) {
    const input = typeof turn.say === 'string' ? { text: turn.say } : turn.say(previous);
    const { text, value } = input as { text?: string; value?: unknown };
    print(`> ${text ?? JSON.stringify(value)}`);
    const replies = await send(url, conversationId, userId, text, value);
    for (const r of replies) print(`  ${describe(r)}`);
    const joined = replies.map((r) => r.text ?? '').join(' ');
    const problem = !turn.expect.test(joined) ? `expected ${turn.expect}` : turn.check?.(replies) ?? null;
    if (problem) throw new Error(`turn ${i + 1} ("${text ?? 'card action'}"): ${problem}; got: ${joined || '(no text)'}`);
    previous = replies;
  }
}

/** After erasure: the same email and postcode no longer identify anyone. */
export function signInTurns(customer: Customer, outcome: RegExp): Turn[] {
  return [
    { say: 'sign in', expect: /email/i },
    { say: customer.email, expect: /postcode|order/i },
    { say: customer.postcode, expect: outcome },
  ];
}
