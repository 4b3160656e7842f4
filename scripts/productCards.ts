/**
 * Reads the bot's product cards (Adaptive Cards, see dialogs/suggestions/cards.ts) into a plain view, for the
 * e2e and voice-audit scripts and the tests: which product, its name, price and reason, and its actions.
 */
export interface ProductCardView {
  productId: string;
  title: string;
  /** The price as shown. */
  subtitle: string;
  /** The reason. */
  text: string;
  imageUrl?: string;
  productUrl?: string;
  /** Every submit action, in card order: its title and the value it sends back. */
  buttons: { title: string; value: { action: string; productId: string; quantity?: number } }[];
}

interface AdaptiveElement { type?: string; text?: string; url?: string; title?: string; data?: Record<string, unknown> }

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export function readProductCard(attachment: { contentType?: string; content?: unknown }): ProductCardView | null {
  if (attachment.contentType !== ADAPTIVE_CARD || typeof attachment.content !== 'object' || attachment.content === null) return null;
  const card = attachment.content as { body?: AdaptiveElement[]; actions?: AdaptiveElement[] };
  const texts = (card.body ?? []).filter((e) => e.type === 'TextBlock').map((e) => e.text ?? '');
  const buttons = (card.actions ?? []).filter((a) => a.type === 'Action.Submit' && a.data).map((a) => {
    const { msteams: _teams, ...value } = a.data as Record<string, unknown>;
    return { title: a.title ?? '', value: value as ProductCardView['buttons'][number]['value'] };
  });
  if (buttons.length === 0) return null;
  return {
    productId: buttons[0].value.productId,
    title: texts[0] ?? '',
    subtitle: texts[1] ?? '',
    text: texts[2] ?? '',
    imageUrl: (card.body ?? []).find((e) => e.type === 'Image')?.url,
    productUrl: (card.actions ?? []).find((a) => a.type === 'Action.OpenUrl')?.url,
    buttons,
  };
}

export function productCards(replies: readonly { attachments?: { contentType?: string; content?: unknown }[] }[]): ProductCardView[] {
  return replies.flatMap((r) => r.attachments ?? []).map(readProductCard).filter((c): c is ProductCardView => c !== null);
}

/** The value a card's button sends, by the button's title. */
export function buttonValue(card: ProductCardView, title: string): ProductCardView['buttons'][number]['value'] {
  const found = card.buttons.find((b) => b.title === title);
  if (!found) throw new Error(`no "${title}" on the card of ${card.title}`);
  return found.value;
}
