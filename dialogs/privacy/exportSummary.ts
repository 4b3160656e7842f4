/** The readable side of "what do you know about me": a short summary plus the full JSON as an attachment. */
import type { Attachment } from 'botbuilder';
import { categoryLabel } from '../../domain/categories';
import type { CustomerProfile } from '../../services/ports';

const onOff = (value: boolean): string => (value ? 'on' : 'off');

/** "suggestionEvents" -> "suggestion events". */
function humanise(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
}

/** The export's record kinds in a shopper's words (one, many); other kinds fall back to their name. */
const RECORD_WORDS: Record<string, [string, string]> = {
  orders: ['order', 'orders'],
  feedback: ['survey answer', 'survey answers'],
  suggestionEvents: ['note of a suggestion shown to you or clicked', 'notes of suggestions shown to you or clicked'],
  conversations: ['chat with me', 'chats with me'],
};

/** How many records of each kind the export holds, e.g. "12 orders, 1 survey answer". */
export function recordCounts(data: Record<string, unknown>): string[] {
  return Object.entries(data)
    .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]) && entry[1].length > 0)
    .map(([key, items]) => {
      const [one, many] = RECORD_WORDS[key] ?? [humanise(key).replace(/s$/, ''), humanise(key)];
      return `${items.length} ${items.length === 1 ? one : many}`;
    });
}

/**
 * What the purchase-pattern (RFM) label means, said to the customer it describes: plain and never a judgement
 * such as "at risk" or "hibernating", which are the shop's words about a customer, not a customer's.
 */
const BUYING_PATTERN: Record<string, string> = {
  champions: 'you have bought from us recently and often',
  loyal_customers: 'you buy from us regularly',
  potential_loyalists: 'you have bought from us recently, a few times',
  new_customers: 'your first order with us was recent',
  promising: 'you have bought from us recently',
  need_attention: 'you buy from us now and then',
  about_to_sleep: 'it has been a little while since your last order',
  at_risk: 'you used to buy from us often, less so lately',
  cant_lose: 'you used to buy from us often, less so lately',
  hibernating: 'it has been a while since your last order',
  no_history: 'you have no orders with us yet',
};

function buyingPattern(rfmLabel: string): string {
  const pattern = BUYING_PATTERN[rfmLabel];
  return pattern
    ? `From how recently, how often and how much you buy, my suggestions take into account that ${pattern}.`
    : 'My suggestions take into account how recently, how often and how much you buy.';
}

export function exportSummary(profile: CustomerProfile, data: Record<string, unknown>): string {
  const { preferences, consent, segment } = profile;
  const parts = [
    `Here is what I hold about you, ${profile.displayName}.`,
    buyingPattern(segment.rfmLabel),
    preferences.categories.length > 0
      ? `You like ${preferences.categories.map((id) => categoryLabel(id).toLowerCase()).join(', ')}.`
      : 'You have not told us about any favourite categories.',
  ];
  if (preferences.priceBand) parts.push(`Your price band is ${preferences.priceBand}.`);
  parts.push(`Marketing messages are ${onOff(consent.marketing)}, personalised suggestions are ${onOff(consent.personalization)}.`);
  const counts = recordCounts(data);
  if (counts.length > 0) parts.push(`I also hold ${counts.join(', ')}.`);
  return parts.join(' ');
}

/** The spoken summary: the two consents and the orders, in about 15 words; the rest is in the file. */
export function spokenExportSummary(profile: CustomerProfile, data: Record<string, unknown>): string {
  const { consent } = profile;
  const orders = Array.isArray(data.orders) ? data.orders.length : 0;
  const held = orders > 0 ? ` I hold ${orders} order${orders === 1 ? '' : 's'}.` : '';
  return `Here is what I hold. Marketing ${onOff(consent.marketing)}, `
    + `personalisation ${onOff(consent.personalization)}.${held}`;
}

export function exportAttachment(data: Record<string, unknown>): Attachment {
  const json = JSON.stringify(data, null, 2);
  return {
    contentType: 'application/json',
    name: 'my-data.json',
    content: data,
    // A data URL lets Web Chat offer the file as a download without a separate file endpoint.
    contentUrl: `data:application/json;base64,${Buffer.from(json, 'utf8').toString('base64')}`,
  };
}
