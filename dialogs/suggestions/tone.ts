/** The intro sentence above a round of suggestions, in the tone of the customer's persona. */
import type { Audience, PriceOrder } from '../../domain/suggestions';
import type { CustomerProfile } from '../../services/ports';

const BY_TONE: Record<CustomerProfile['persona']['tone'], string> = {
  warm: 'Here are a few ideas I think you will love.',
  upbeat: "Great news, I've found some lovely ideas for you!",
  respectful: 'Here are some suggestions you may like.',
  concise: 'Top picks for you:',
  grateful: 'Thank you for shopping with us. Here are some picks chosen for you.',
};

/** Strategy-specific openers take precedence over the tone where they say something the tone cannot. */
const BY_STRATEGY: Partial<Record<CustomerProfile['persona']['strategy'], (name: string) => string>> = {
  win_back: (name) => `Welcome back, ${name}! Here's what's new since your last visit.`,
  reward_loyalty: (name) => `Thanks for being a loyal customer, ${name}. Here are some picks for you.`,
};

export interface IntroInput {
  profile: CustomerProfile | null;
  /** What the service actually returned: false for guests and personalisation opt-outs. */
  personalized: boolean;
  /** The round answers "more like this". */
  similar?: boolean;
  /** The present is for a child or a baby (only their goods were looked at). */
  audience?: Audience;
  /** The shopper asked for the cheapest or dearest: an order by price, which nothing personal decides. */
  priceOrder?: PriceOrder;
}

const BY_PRICE: Record<PriceOrder, string> = { lowest: 'Here they are, lowest price first.', highest: 'Here they are, highest price first.' };

const FOR_AUDIENCE: Record<Audience, string> = { child: 'Here are some popular presents for children.', baby: 'Here are some popular presents for babies.' };

export function introSentence({ profile, personalized, similar, audience, priceOrder }: IntroInput): string {
  if (priceOrder) return BY_PRICE[priceOrder];
  if (similar) return 'Here are some similar ideas.';
  if (!profile || !personalized) return audience ? FOR_AUDIENCE[audience] : 'Here are some popular ideas.';
  const byStrategy = BY_STRATEGY[profile.persona.strategy];
  return byStrategy ? byStrategy(profile.displayName) : BY_TONE[profile.persona.tone];
}

/** The one short sentence that tells a shopper the suggestions are not personalised, and why. */
export function notPersonalizedNotice({ profile, personalized, priceOrder }: IntroInput): string | null {
  if (personalized || priceOrder) return null;
  if (!profile) return 'As you are not signed in, these are not personalised.';
  // An identified customer with consent but no history simply gets popular items: nothing to explain.
  return profile.consent.personalization ? null : 'As you asked, these are not personalised.';
}

/**
 * The spoken intro, only when it tells the listener something (an opt-out honoured, "more like this", a
 * welcome back); otherwise the products themselves come first, because every second counts by voice.
 */
export function voiceIntro({ profile, similar, priceOrder }: IntroInput): string | null {
  if (priceOrder) return priceOrder === 'lowest' ? 'Lowest price first:' : 'Highest price first:';
  if (similar) return 'Similar ideas:';
  if (profile && !profile.consent.personalization) return 'Not personalised, as you asked:';
  if (profile?.persona.strategy === 'win_back') return `Welcome back, ${profile.displayName.split(' ')[0] || profile.displayName}!`;
  return null;
}
