/** All entities of one utterance; which ones apply can depend on the recognised intent. */
import type { Entities, Intent } from '../types';
import { parseBudget } from './budget';
import type { CatalogMatcher } from './catalog';
import { extractEmail, extractOrderNumber, extractPostcode } from './contact';
import { asksForPresent, extractOccasion, extractRecipient } from './people';
import { extractAudience } from './audience';
import { extractColours, isColourWord } from './colours';
import { extractPriceOrder } from './priceOrder';
import { extractConsentTopic, extractRefinement } from './preferences';
import { parseRating } from './rating';

export interface EntityInput {
  /** The utterance as received. */
  text: string;
  /** Its tokens with typos corrected. */
  words: readonly string[];
  intent: Intent;
}

export function extractEntities({ text, words, intent }: EntityInput, catalog: CatalogMatcher): Entities {
  const joined = words.join(' ');
  const email = extractEmail(text);
  // Digits inside an email are not an order number or postcode.
  const withoutEmail = email ? text.replace(/\S+@\S+/, ' ') : text;
  return {
    categories: catalog.categories(words),
    keywords: catalog.keywords(words).filter((keyword) => !isColourWord(keyword)),
    colours: nonEmpty(extractColours(words)),
    budget: parseBudget(text),
    priceOrder: extractPriceOrder(text),
    occasion: extractOccasion(joined),
    recipient: extractRecipient(joined),
    audience: extractAudience(text),
    present: asksForPresent(joined) || undefined,
    email,
    postcode: extractPostcode(withoutEmail),
    orderNumber: extractOrderNumber(withoutEmail),
    // A bare number is a rating only when the shopper is rating; elsewhere it is a quantity or a price.
    rating: intent === 'give_feedback' ? parseRating(text) ?? undefined : undefined,
    refinement: intent === 'refine_suggestions' ? extractRefinement(joined) : undefined,
    consentTopic: intent === 'opt_in' ? extractConsentTopic(joined) : undefined,
  };
}

const nonEmpty = (values: string[]): string[] | undefined => (values.length > 0 ? values : undefined);
