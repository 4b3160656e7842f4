/**
 * Turns a SuggestionRequest plus the business rules into the `allowed` predicate and the request-match map
 * that scoring uses. Only products in stock, within budget, not excluded, not dismissed, not a charge line
 * (domain/chargeLines.ts) and fitting every stated constraint (categories, keywords, occasion) are ever candidates.
 */
import type { SuggestionRequest } from '../../domain/suggestions';
import { tokenize, type ItemCatalog } from './catalog';
import { wordForms } from '../../domain/words';
import { audienceWords, isGiftOccasion, isRecipientWord, occasionFilter, type AudienceWords } from './occasions';

export interface RequestConstraints {
  allowed: (item: number) => boolean;
  /** Items that fit the explicit request with a 0..1 strength (keywords matched); undefined when the request states no filter. */
  requested?: Map<number, number>;
  similarTo?: number;
  /** Distinct categories the request narrows to (drives the per-category cap). */
  requestedCategories: string[];
  /** The shopper asked for a present: what the shop's customers buy one at a time ranks higher. */
  giftRequest: boolean;
  /** Gift requests: items naming who the present is for ("mum"), with a 0..1 strength; they rank, never filter. */
  recipientMatches?: Map<number, number>;
}

/**
 * Match strength of a category-only fit: every item of the category has it, so it only separates items no
 * other signal supports (a never-sold product) and names the request as their reason.
 */
const CATEGORY_MATCH_STRENGTH = 0.005;

export function validateRequest(request: SuggestionRequest): void {
  const { budget, limit } = request;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 50)) throw new RangeError(`limit must be an integer from 1 to 50, got ${limit}`);
  if (budget?.min !== undefined && budget.max !== undefined && budget.min > budget.max) {
    throw new RangeError(`budget min (${budget.min}) is above budget max (${budget.max})`);
  }
  if ((budget?.min ?? 0) < 0 || (budget?.max ?? 0) < 0) throw new RangeError('budget bounds must not be negative');
}

/** Items matching any keyword, with the share of keywords each matches (simple plural folding). */
function keywordMatches(catalog: ItemCatalog, keywords: readonly string[]): Map<number, number> {
  const words = [...new Set(keywords.flatMap(tokenize))];
  const hits = new Map<number, number>();
  for (const word of words) {
    const forms = wordForms(word);
    const matched = new Set<number>();
    for (const form of forms) for (const item of catalog.itemsWithToken(form)) matched.add(item);
    for (const item of matched) hits.set(item, (hits.get(item) ?? 0) + 1 / words.length);
  }
  return hits;
}

/** Fewer items than this matching every word, and a request of several words keeps the items matching some. */
const MIN_FULL_MATCHES = 3;

/**
 * "hot water bottle", "christmas tree decorations": when enough items match every word, the request means those, not
 * anything with "hot" or "water" in its name (a pink mirror, a transfer tattoo). "A mug and a candle" has no item
 * matching both, so either still counts.
 */
function preferFullMatches(matches: Map<number, number>): Map<number, number> {
  const full = [...matches].filter(([, strength]) => strength >= 1 - 1e-9);
  return full.length >= MIN_FULL_MATCHES && full.length < matches.size ? new Map(full) : matches;
}

/** Items in any of the colours (a word of their name or tags). */
function colourMatches(catalog: ItemCatalog, colours: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const colour of colours) for (const item of catalog.itemsWithToken(colour.toLowerCase())) out.set(item, 1);
  return out;
}

/** Items whose name says they are made for the age group (full strength: the request asked for exactly that). */
function audienceMatches(catalog: ItemCatalog, audience: AudienceWords): Map<number, number> {
  const out = new Map<number, number>();
  for (const word of audience.words) {
    for (const item of catalog.itemsWithToken(word)) {
      const name = catalog.nameTokens(item);
      const at = name.indexOf(word);
      if (at < 0 || audience.notBefore.has(name[at + 1]) || audience.notAfter.has(name[at - 1])) continue;
      out.set(item, 1);
    }
  }
  return out;
}

function intersect(a: Map<number, number> | undefined, b: Map<number, number>): Map<number, number> {
  if (!a) return b;
  const out = new Map<number, number>();
  for (const [item, strength] of a) {
    const other = b.get(item);
    if (other !== undefined) out.set(item, Math.max(strength, other));
  }
  return out;
}

function categoryMatches(catalog: ItemCatalog, categories: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const category of categories) for (const item of catalog.itemsInCategory(category)) out.set(item, CATEGORY_MATCH_STRENGTH);
  return out;
}

/**
 * Per item, whether it can be suggested at all (listed, in stock, not a charge line) and its price, as two dense arrays:
 * the rules run for hundreds of items per request, and reading each Product object (scattered on the heap) cost more
 * than the rest of the check. Rebuilt when the catalogue's revision changes (products are frozen once stored, so
 * every change is an upsert); items registered later (placeholders, never suggestable) read as closed.
 */
interface SuggestableItems {
  revision: number;
  open: Uint8Array;
  prices: Float64Array;
}

const suggestableByCatalog = new WeakMap<ItemCatalog, SuggestableItems>();

function suggestableItems(catalog: ItemCatalog): SuggestableItems {
  const cached = suggestableByCatalog.get(catalog);
  if (cached && cached.revision === catalog.revision) return cached;
  const open = new Uint8Array(catalog.size);
  const prices = new Float64Array(catalog.size);
  for (let item = 0; item < catalog.size; item++) {
    const product = catalog.product(item);
    if (!product) continue;
    open[item] = product.inStock && !catalog.isCharge(item) ? 1 : 0;
    prices[item] = product.price;
  }
  const built = { revision: catalog.revision, open, prices };
  suggestableByCatalog.set(catalog, built);
  return built;
}

export function buildConstraints(catalog: ItemCatalog, request: SuggestionRequest, dismissed: readonly string[]): RequestConstraints {
  validateRequest(request);
  let requested: Map<number, number> | undefined;
  const categories = [...new Set(request.categories ?? [])];
  if (categories.length > 0) requested = intersect(requested, categoryMatches(catalog, categories));
  const gift = request.occasion !== undefined && isGiftOccasion(request.occasion);
  const recipients = gift ? (request.keywords ?? []).filter(isRecipientWord) : [];
  const keywords = (request.keywords ?? []).filter((keyword) => !recipients.includes(keyword));
  if (keywords.length > 0) requested = intersect(requested, preferFullMatches(keywordMatches(catalog, keywords)));
  if (request.colours?.length) requested = intersect(requested, colourMatches(catalog, request.colours));
  if (request.audience) requested = intersect(requested, audienceMatches(catalog, audienceWords(request.audience)));
  const occasion = request.occasion ? occasionFilter(request.occasion) : null;
  if (occasion) {
    const fits = keywordMatches(catalog, occasion.keywords);
    for (const [item, strength] of categoryMatches(catalog, occasion.categories)) fits.set(item, Math.max(strength, fits.get(item) ?? 0));
    requested = intersect(requested, fits);
  }
  const blocked = new Set<number>();
  for (const id of [...(request.exclude ?? []), ...dismissed]) {
    const item = catalog.indexOf(id);
    if (item !== undefined) blocked.add(item);
  }
  const similarTo = request.similarTo === undefined ? undefined : catalog.indexOf(request.similarTo);
  if (similarTo !== undefined) blocked.add(similarTo);
  const min = request.budget?.min ?? 0;
  const max = request.budget?.max ?? Number.POSITIVE_INFINITY;
  const { open, prices } = suggestableItems(catalog);
  const allowed = (item: number): boolean => {
    if (open[item] !== 1 || prices[item] < min || prices[item] > max) return false;
    return !blocked.has(item) && (!requested || requested.has(item));
  };
  const requestedCategories = categories.length > 0 ? categories : occasion?.categories ?? [];
  const recipientMatches = recipients.length > 0 ? keywordMatches(catalog, recipients) : undefined;
  return { allowed, requested, similarTo, requestedCategories, giftRequest: gift, recipientMatches };
}
