/** The words a campaign sends: the marketer's message, the picks, and always how to stop. */
import type { CampaignStrategy } from '../../data/campaignPorts';
import type { CustomerProfile, IdentityService, SuggestionService } from '../ports';

export const STOP_FOOTER = 'Reply STOP to stop these messages.';
export const STOPPED_CONFIRMATION =
  "Done: you won't get marketing messages from us any more, starting now. Say \"opt in to marketing\" if you change your mind.";

/** A bare "stop" or "unsubscribe" (any case, trailing punctuation allowed). */
export const STOP_REPLY = /^\s*(stop|unsubscribe|stop all|opt out)\s*[.!]*\s*$/i;

export function composeMessage(message: string, picks: readonly string[]): string {
  const lines = picks.length > 0 ? `\n\n${picks.map((p) => `• ${p}`).join('\n')}` : '';
  return `${message.trim()}${lines}\n\n${STOP_FOOTER}`;
}

export interface PickDeps {
  identity: Pick<IdentityService, 'profile'>;
  suggestions: Pick<SuggestionService, 'suggest' | 'record'>;
}

const PICKS = 3;

/** The persona each strategy ranks for: win-back lapsed buyers, the customer's own persona, or bestsellers (a guest's view). */
function profileFor(strategy: CampaignStrategy, profile: CustomerProfile): CustomerProfile | null {
  if (strategy === 'bestsellers') return null;
  if (strategy === 'win_back') return { ...profile, persona: { ...profile.persona, strategy: 'win_back' } };
  return profile;
}

/**
 * Up to three picks through the suggestion service (which re-reads consent: a personalisation opt-out gets
 * popular items only), recorded as shown in the conversation the message goes to.
 */
export async function picksFor(deps: PickDeps, customerId: string, strategy: CampaignStrategy, conversationId: string): Promise<string[]> {
  if (strategy === 'none') return [];
  const profile = await deps.identity.profile(customerId);
  if (!profile) return [];
  const context = { conversationId, profile: profileFor(strategy, profile) };
  // The service takes the customer from the context's profile (absent for bestsellers) and checks consent itself.
  const result = await deps.suggestions.suggest(context, { limit: PICKS });
  const items = result.items.slice(0, PICKS);
  await deps.suggestions.record({ conversationId, profile }, 'shown', items.map((i) => ({ productId: i.product.id, reason: i.reason.text })));
  return items.map((i) => `${i.product.name} (${formatPrice(i.product.price, i.product.currency)})`);
}

function formatPrice(price: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(price);
  } catch {
    return `${price.toFixed(2)} ${currency}`;
  }
}
