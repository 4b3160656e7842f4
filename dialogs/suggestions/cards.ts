/**
 * The carousel of suggestion cards and the payloads of their buttons. A button sends a messageBack whose
 * `value` is a small JSON object; `parseCardAction` validates it when it comes back.
 */
import { ActionTypes, CardFactory } from 'botbuilder';
import type { Attachment, CardAction } from 'botbuilder';
import { z } from 'zod';
import type { ShownItem } from '../session';
import { spokenList } from '../speech/ssml';

export const CardActionSchema = z.object({
  action: z.enum(['more_like', 'not_interested', 'why', 'details']),
  productId: z.string().min(1).max(64),
});
export type CardActionValue = z.infer<typeof CardActionSchema>;

/** The card action in an incoming activity's `value`, or null when there is none or it is malformed. */
export function parseCardAction(value: unknown): CardActionValue | null {
  const parsed = CardActionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Building an Intl formatter is far costlier than using one: keep one per currency. */
const priceFormats = new Map<string, Intl.NumberFormat | null>();

function priceFormat(currency: string): Intl.NumberFormat | null {
  if (!priceFormats.has(currency)) {
    try {
      priceFormats.set(currency, new Intl.NumberFormat('en-GB', { style: 'currency', currency }));
    } catch {
      priceFormats.set(currency, null);
    }
  }
  return priceFormats.get(currency) ?? null;
}

export function formatPrice(amount: number, currency: string): string {
  // An unknown currency code: still show the amount rather than fail the turn.
  return priceFormat(currency)?.format(amount) ?? `${amount.toFixed(2)} ${currency}`;
}

const BUTTONS: readonly { action: CardActionValue['action']; title: string; said: (name: string) => string }[] = [
  { action: 'more_like', title: 'More like this', said: (name) => `More like ${name}` },
  { action: 'not_interested', title: 'Not interested', said: (name) => `Not interested in ${name}` },
  { action: 'why', title: 'Why this?', said: (name) => `Why ${name}?` },
  { action: 'details', title: 'Show details', said: (name) => `Details of ${name}` },
];

function button(item: ShownItem, spec: (typeof BUTTONS)[number]): CardAction {
  const value: CardActionValue = { action: spec.action, productId: item.productId };
  return {
    type: ActionTypes.MessageBack,
    title: spec.title,
    text: spec.said(item.name),
    displayText: spec.said(item.name),
    value,
  };
}

export function suggestionCard(item: ShownItem): Attachment {
  return CardFactory.heroCard(
    item.name,
    undefined,
    BUTTONS.map((spec) => button(item, spec)),
    { subtitle: formatPrice(item.price, item.currency), text: item.reason },
  );
}

export function suggestionCarousel(items: readonly ShownItem[]): Attachment[] {
  return items.map(suggestionCard);
}

/** The top three by name and price, as text under the intro (a voice user's screen shows no cards text). */
export function topItemsText(items: readonly ShownItem[], count = 3): string {
  const top = items.slice(0, count).map((item) => `${item.name} at ${formatPrice(item.price, item.currency)}`);
  return `${spokenList(top, 'and')}.`;
}
