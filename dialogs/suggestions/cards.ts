/**
 * The carousel of suggestion cards and the payloads of their buttons. A button submits a small JSON object
 * as the activity's `value`; `parseCardAction` validates it when it comes back.
 */
import { CardFactory } from 'botbuilder';
import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import type { CardItem, ShownItem } from '../session';
import { spokenList } from '../speech/ssml';

export const CardActionSchema = z.object({
  action: z.enum(['more_like', 'not_interested', 'why', 'details', 'add_to_basket']),
  productId: z.string().min(1).max(64),
  /** Only for add_to_basket. */
  quantity: z.number().int().min(1).max(99).optional(),
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

/** The secondary actions, in the card's "more" menu: one clear primary action stays in view. */
const SECONDARY: readonly { action: CardActionValue['action']; title: string; said: (name: string) => string }[] = [
  { action: 'more_like', title: 'More like this', said: (name) => `More like ${name}` },
  { action: 'why', title: 'Why this?', said: (name) => `Why ${name}?` },
  { action: 'not_interested', title: 'Not interested', said: (name) => `Not interested in ${name}` },
  { action: 'details', title: 'Show details', said: (name) => `Details of ${name}` },
];

/** A submit button; `msteams.messageBack` makes Teams show the shopper's words, Web Chat sends `value` only. */
function submit(title: string, value: CardActionValue, said: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'Action.Submit', title, data: { ...value, msteams: { type: 'messageBack', displayText: said } }, ...extra };
}

/**
 * A product card (Adaptive Card 1.5): the picture, the whole name (wrapped), the price, the reason; "Add to
 * basket" as the primary action, "View product" when the shop has a page for it, the rest in the "more" menu.
 * The host page receives "Add to basket" (see README "Chat page events").
 */
export function suggestionCard(item: CardItem): Attachment {
  const price = formatPrice(item.price, item.currency);
  const actions: Record<string, unknown>[] = [
    submit('Add to basket', { action: 'add_to_basket', productId: item.productId, quantity: 1 }, `Add ${item.name} to my basket`, { style: 'positive' }),
  ];
  if (item.productUrl) actions.push({ type: 'Action.OpenUrl', title: 'View product', url: item.productUrl });
  for (const spec of SECONDARY) {
    actions.push(submit(spec.title, { action: spec.action, productId: item.productId }, spec.said(item.name), { mode: 'secondary' }));
  }
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: `${item.name}, ${price}. ${item.reason}`,
    speak: `${item.name}, ${price}`,
    body: [
      ...(item.imageUrl ? [{ type: 'Image', url: item.imageUrl, altText: item.name, size: 'Stretch', height: '120px', horizontalAlignment: 'Center' }] : []),
      { type: 'TextBlock', text: item.name, wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' },
      { type: 'TextBlock', text: price, wrap: true, spacing: 'Small', color: 'Accent', weight: 'Bolder' },
      { type: 'TextBlock', text: item.reason, wrap: true, isSubtle: true, spacing: 'Small' },
    ],
    actions,
  });
}

export function suggestionCarousel(items: readonly CardItem[]): Attachment[] {
  return items.map(suggestionCard);
}

/** The top three by name and price, as text under the intro (a voice user's screen shows no cards text). */
export function topItemsText(items: readonly ShownItem[], count = 3): string {
  const top = items.slice(0, count).map((item) => `${item.name} at ${formatPrice(item.price, item.currency)}`);
  return `${spokenList(top, 'and')}.`;
}
