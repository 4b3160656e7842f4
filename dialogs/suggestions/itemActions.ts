/** Answers about one suggested item: "why this?", "show details" and "not interested". */
import type { TurnContext } from 'botbuilder';
import { categoryLabel } from '../../domain/categories';
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

export async function explainItem(context: TurnContext, deps: DialogDeps, session: ConversationSession, productId: string): Promise<void> {
  const item = await resolveItem(deps, session, productId);
  if (!item) {
    await context.sendActivity(statement("I can't find that item any more."));
    return;
  }
  const reason = await deps.services.suggestions.explain(suggestionContext(context, session), item.productId);
  const text = reason?.text ?? item.reason;
  const spokenName = spokenProductName(item.name);
  await context.sendActivity(statement(text
    ? `Why ${item.name}? ${sentence(text)}`
    : `I don't have a reason on record for ${item.name}.`, { speak: text ? `Why the ${spokenName}? ${sentence(text)}` : `I don't have a reason on record for the ${spokenName}.` }));
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
