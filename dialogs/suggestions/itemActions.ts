/** Answers about one suggested item: "why this?", "show details" and "not interested". */
import type { TurnContext } from 'botbuilder';
import { categoryLabel } from '../../domain/categories';
import type { ReasonKind } from '../../domain/suggestions';
import type { SuggestionContext } from '../../services/ports';
import type { DialogDeps } from '../deps';
import type { ConversationSession, ShownItem } from '../session';
import { statement } from '../speech/messages';
import { spokenProductName } from '../speech/spokenName';
import { formatPrice } from './cards';

export function suggestionContext(context: TurnContext, session: ConversationSession): SuggestionContext {
  return { conversationId: context.activity.conversation.id, profile: session.profile };
}

/** The item a card or a phrase refers to: from the last round, else looked up in the catalogue. */
async function resolveItem(deps: DialogDeps, session: ConversationSession, productId: string): Promise<Pick<ShownItem, 'productId' | 'name' | 'price' | 'currency'> & Partial<ShownItem> | null> {
  const shown = session.shown.find((item) => item.productId === productId);
  if (shown) return shown;
  const found = await deps.services.suggestions.findProduct(productId);
  return found ? { productId: found.id, name: found.name, price: found.price, currency: found.currency } : null;
}

const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * "Why this?": names the product, gives the reason that ranked it, then what the card does not say: what the
 * reason is based on and how the item fits the request. `guessed` says "this" was not clear and the first was taken.
 */
export async function explainItem(
  context: TurnContext, deps: DialogDeps, session: ConversationSession, productId: string, guessed = false,
): Promise<void> {
  const item = await resolveItem(deps, session, productId);
  if (!item) {
    await context.sendActivity(statement("I can't find that item any more."));
    return;
  }
  const reason = await deps.services.suggestions.explain(suggestionContext(context, session), item.productId);
  const text = reason?.text ?? item.reason;
  const spokenName = spokenProductName(item.name);
  const which = guessed ? `You didn't say which, so here is the first one, ${item.name}. ` : '';
  const basis = reason?.kind === 'request' ? requestBasis(item, session) : reason ? REASON_BASIS[reason.kind] : null;
  const more = [basis, fitWithRequest(item, session)].filter(Boolean).join(' ');
  await context.sendActivity(statement(text
    ? `${which}Why ${item.name}? ${sentence(text)}${more ? ` ${more}` : ''}`
    : `${which}I don't have a reason on record for ${item.name}.`, { speak: text ? `Why the ${spokenName}? ${sentence(text)}` : `I don't have a reason on record for the ${spokenName}.` }));
}

/** What each kind of reason rests on, in the shopper's words (the card gives the reason, not its basis). */
const REASON_BASIS: Record<ReasonKind, string> = {
  repeat: 'This is based on your own past orders.',
  co_purchase: 'This comes from what other shoppers buy together.',
  similar_to: 'This comes from what shoppers buy alongside the item you picked.',
  segment_popular: 'This comes from what shoppers who buy like you choose.',
  country_popular: 'This comes from what sells well where you are.',
  preference: 'This comes from the favourites on your profile.',
  persona: 'This comes from how you usually shop with us.',
  popular: 'This comes from what sells well across the shop right now.',
  trending: 'Its sales are rising this month.',
  new_arrival: 'It is new in the shop.',
  request: 'It matches your request.',
  similar_customers: 'Customers whose baskets look like yours chose it.',
};

/** Which part of the request an item matched ("Matches what you asked for" does not say). */
function requestBasis(item: { name: string; category?: string }, session: ConversationSession): string | null {
  const request = session.lastRequest;
  const word = request?.keywords?.find((k) => item.name.toLowerCase().includes(k.toLowerCase()));
  if (word) return `Its name has "${word}", from your request.`;
  if (item.category && request?.categories?.includes(item.category)) return `It is in ${categoryLabel(item.category).toLowerCase()}, as you asked.`;
  return null;
}

/** The request's budget and the stock, as far as the shown item tells. */
function fitWithRequest(item: { price: number; currency: string; inStock?: boolean }, session: ConversationSession): string | null {
  const max = session.lastRequest?.budget?.max;
  const parts: string[] = [];
  if (max !== undefined && item.price <= max) parts.push(`At ${formatPrice(item.price, item.currency)} it is within your budget of ${formatPrice(max, item.currency)}.`);
  if (item.inStock === false) parts.push('It is out of stock at the moment.');
  return parts.length > 0 ? parts.join(' ') : null;
}

export async function showDetails(context: TurnContext, deps: DialogDeps, session: ConversationSession, productId: string): Promise<void> {
  const item = await resolveItem(deps, session, productId);
  if (!item) {
    await context.sendActivity(statement("I can't find that item any more."));
    return;
  }
  await deps.services.suggestions.record(suggestionContext(context, session), 'opened', [{ productId: item.productId, reason: item.reason ?? '' }]);
  const parts = [`${item.name}: ${formatPrice(item.price, item.currency)}.`];
  if (item.category) parts.push(`Category: ${categoryLabel(item.category)}.`);
  if (item.inStock !== undefined) parts.push(item.inStock ? 'In stock.' : 'Currently out of stock.');
  const spoken = [`The ${spokenProductName(item.name)} is ${formatPrice(item.price, item.currency)}.`, ...parts.slice(1)];
  await context.sendActivity(statement(parts.join(' '), { speak: spoken.join(' ') }));
}

export async function dismissItem(context: TurnContext, deps: DialogDeps, session: ConversationSession, productId: string): Promise<void> {
  const item = await resolveItem(deps, session, productId);
  await deps.services.suggestions.record(suggestionContext(context, session), 'dismissed', [{ productId, reason: item?.reason ?? '' }]);
  if (!session.dismissed.includes(productId)) session.dismissed.push(productId);
  session.shown = session.shown.filter((shownItem) => shownItem.productId !== productId);
  await context.sendActivity(statement(`Got it, I won't suggest ${item?.name ?? 'that'} again.`, {
    speak: `Got it, I won't suggest ${item ? `the ${spokenProductName(item.name)}` : 'that'} again.`,
  }));
}

/** The event that tells the chat page to add to its basket when the shopper asked in words (README "Chat page events"). */
export const BASKET_EVENT_NAME = 'addToBasket';

/**
 * "Add to basket": the basket belongs to the shop's page. A card's button reaches the page itself; a request in
 * words ("add the second one to my basket") is passed on as an event, `said` giving the quantity. The bot confirms
 * in words and counts it as an open of the suggestion.
 */
export async function addToBasket(
  context: TurnContext, deps: DialogDeps, session: ConversationSession, productId: string, said?: { quantity: number },
): Promise<void> {
  const item = await resolveItem(deps, session, productId);
  if (!item) {
    await context.sendActivity(statement("I can't find that item any more."));
    return;
  }
  await deps.services.suggestions.record(suggestionContext(context, session), 'opened', [{ productId: item.productId, reason: item.reason ?? '' }]);
  if (said) await context.sendActivity({ type: 'event', name: BASKET_EVENT_NAME, value: { productId: item.productId, quantity: said.quantity } });
  const count = said && said.quantity > 1 ? `${said.quantity} of ` : '';
  await context.sendActivity(statement(`Adding ${count}${item.name} to your basket.`, { speak: `Adding ${count}the ${spokenProductName(item.name)} to your basket.` }));
}

/** "Is the first one in stock?", from the catalogue as the round was made (a round never waits for a stock check). */
export async function tellStock(context: TurnContext, session: ConversationSession, productId: string): Promise<void> {
  const item = session.shown.find((shownItem) => shownItem.productId === productId);
  if (!item) {
    await context.sendActivity(statement("I can't find that item any more."));
    return;
  }
  const name = spokenProductName(item.name);
  await context.sendActivity(statement(item.inStock ? `Yes, ${item.name} is in stock.` : `Sorry, ${item.name} is out of stock at the moment.`, {
    speak: item.inStock ? `Yes, the ${name} is in stock.` : `Sorry, the ${name} is out of stock at the moment.`,
  }));
}

/** "How much is the first one?" */
export async function tellPrice(context: TurnContext, deps: DialogDeps, session: ConversationSession, productId: string): Promise<void> {
  const item = await resolveItem(deps, session, productId);
  if (!item) {
    await context.sendActivity(statement("I can't find that item any more."));
    return;
  }
  const price = formatPrice(item.price, item.currency);
  await context.sendActivity(statement(`${item.name} is ${price}.`, { speak: `The ${spokenProductName(item.name)} is ${price}.` }));
}
